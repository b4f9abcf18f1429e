import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from './checkDigit.ts';
import { mergeReadings } from './mergeReadings.ts';
import { interpretMrz, type MrzReading } from './readMrz.ts';

// ICAO 9303-4 specimen passport.
const LINE1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const LINE2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TODAY = '2010-01-01';

function reading(line2: string): MrzReading {
  const r = interpretMrz([LINE1, line2], { today: TODAY });
  if (!r) throw new Error('not an MRZ');
  return r;
}

/** Line 2 with characters replaced at `index`. */
const withText = (index: number, text: string): string =>
  LINE2.slice(0, index) + text + LINE2.slice(index + text.length);

describe('mergeReadings', () => {
  it('takes each failing field, with its check digit, from a reading where it holds', () => {
    const badNumber = reading(withText(5, '6')); // L8989 6 2C3: number check fails
    const badBirth = reading(withText(18, '7')); // 74081 7 2: birth date check fails
    expect(badNumber.checks.documentNumber).toBe('invalid');
    expect(badBirth.checks.dateOfBirth).toBe('invalid');
    const merged = mergeReadings(badNumber, [badBirth], TODAY);
    expect(merged).not.toBeNull();
    expect(merged!.lines).toEqual([LINE1, LINE2]);
    expect(merged!.valid).toBe(true);
    expect(merged!.fields.documentNumber).toBe('L898902C3');
  });

  it('refuses a merge the composite check disagrees with', () => {
    const badBirth = reading(withText(18, '7'));
    // Another reading with a different birth date whose own check digit holds.
    const other = reading(withText(13, `650101${computeCheckDigit('650101')}`));
    expect(other.checks.dateOfBirth).toBe('valid');
    expect(other.checks.composite).toBe('invalid');
    expect(mergeReadings(badBirth, [other], TODAY)).toBeNull();
  });

  it('gives nothing when no other reading has the failing field right', () => {
    const badBirth = reading(withText(18, '7'));
    expect(mergeReadings(badBirth, [badBirth, reading(withText(18, '9'))], TODAY)).toBeNull();
  });
});
