import { describe, expect, it } from 'vitest';
import { readMrz } from './readMrz.ts';
import { plausible, score, standsAsRead, validShare } from './readingScore.ts';

const line = (text: string) => ({ text, confidences: [...text].map(() => 0.95) });
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('readingScore', () => {
  it('prefers the reading whose check digits hold', () => {
    const good = readMrz(TD3.map(line), '2026-11-21')!;
    const bad = readMrz([TD3[0]!, TD3[1]!.replace('7408122', '7408123')].map(line), '2026-11-21')!;
    expect(validShare(good)).toBe(1);
    expect(validShare(bad)).toBeLessThan(1);
    expect(score(good)).toBeGreaterThan(score(bad));
    expect(score(null)).toBe(-Infinity);
  });

  it('refuses lines of nothing but fillers (a barcode read as <<<)', () => {
    const fillers = readMrz(['<'.repeat(44), '<'.repeat(44)].map(line), '2026-11-21');
    expect(fillers === null || !plausible(fillers)).toBe(true);
    expect(plausible(readMrz(TD3.map(line), '2026-11-21')!)).toBe(true);
  });

  it("tells a reading as read from one whose checks were made to hold (a cut-off card's wide cut)", () => {
    // Held-out two-documents photo (seed 19, td2-004): the MRZ found first was the cut-off second
    // card's; the wide cut read background past the cut, and searched check digits made it valid.
    // Its lines as read, the model unsure of the characters it had doubts about.
    const conf = (text: string, unsure: number[]) =>
      [...text].map((_, i) => (unsure.includes(i) ? 0.5 : 0.99));
    const wide = ['P<UKRSILVA<<NIAMH<KATALIN<IVAN<<<', 'LGJUCH01D<OUKR6108115F240618916400010'];
    const reading = readMrz(
      [
        { text: wide[0]!, confidences: conf(wide[0]!, [0]) },
        { text: wide[1]!, confidences: conf(wide[1]!, [0, 1, 6, 10, 33, 34, 35, 36]) },
      ],
      '2026-11-22',
    )!;
    expect(reading.valid).toBe(true);
    expect(standsAsRead(reading)).toBe(false);
    expect(standsAsRead(readMrz(TD3.map(line), '2026-11-21')!)).toBe(true);
  });
});
