import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from './checkDigit.ts';
import { readMrz, interpretMrz } from './readMrz.ts';

const TODAY = '2026-11-21';
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];
// Real country codes (the `mrz` package rejects UTO): a German TD1 and a Swedish passport.
const DEU_TD1 = [
  'IDD<<T220001293<<<<<<<<<<<<<<<',
  '6408125<2010315D<<<<<<<<<<<<<4',
  'MUSTERMANN<<ERIKA<<<<<<<<<<<<<',
];

const ocr = (lines: string[]) => lines.map((text) => ({ text }));

describe('readMrz on ICAO 9303 specimens', () => {
  it('reads the TD3 specimen with every check digit valid', () => {
    const r = readMrz(ocr(TD3), TODAY)!;
    expect(r.format).toBe('TD3');
    expect(r.valid).toBe(true);
    expect(r.corrections).toEqual([]);
    expect(r.fields).toMatchObject({
      documentType: 'passport',
      documentCode: 'P',
      issuingCountry: 'UTO',
      documentNumber: 'L898902C3',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      personalNumber: 'ZE184226B',
    });
  });

  it('reads the TD2 and TD1 specimens', () => {
    const td2 = readMrz(ocr(TD2), TODAY)!;
    expect(td2.format).toBe('TD2');
    expect(td2.valid).toBe(true);
    expect(td2.fields.documentNumber).toBe('D23145890');
    const td1 = readMrz(ocr(TD1), TODAY)!;
    expect(td1.format).toBe('TD1');
    expect(td1.valid).toBe(true);
    expect(td1.fields).toMatchObject({
      documentNumber: 'D23145890',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
  });

  it("reads Germany's one-letter code D and an unspecified sex", () => {
    const r = readMrz(ocr(DEU_TD1), TODAY)!;
    expect(r.valid).toBe(true);
    expect(r.fields).toMatchObject({
      issuingCountry: 'D',
      nationality: 'D',
      documentNumber: 'T22000129',
      sex: 'X',
    });
    expect(r.fields.dateOfBirth).toBe('1964-08-12');
  });
});

describe('repair', () => {
  it("turns '<' read as K and L back into fillers in the names", () => {
    const misread = `${TD3[0]!.slice(0, 28)}KKKKKLLLKKKKK${TD3[0]!.slice(41)}`;
    expect(misread).toHaveLength(44);
    const r = readMrz(ocr([misread, TD3[1]!]), TODAY)!;
    expect(r.lines[0]).toBe(TD3[0]);
    expect(r.fields.givenNames).toBe('ANNA MARIA');
    expect(r.corrections.every((c) => c.reason === 'filler')).toBe(true);
  });

  it('keeps the last letter of a name truncated at the field end', () => {
    const r = interpretMrz(['IRIRLABERNATHY<WOLFESCHLEGEL<<AYSE<C', '4957662557IRL9005307M27100518921<<<4'], {
      today: TODAY,
    });
    expect(r).not.toBeNull();
    const read = readMrz(
      ocr(['IRIRLABERNATHY<WOLFESCHLEGEL<<AYSE<C', '4957662557IRL9005307M27100518921<<<4']),
      TODAY,
    )!;
    expect(read.fields.givenNames).toBe('AYSE C');
    expect(read.corrections).toEqual([]);
  });

  it('keeps a real K before the fillers', () => {
    const line = 'P<UTOERIKSSON<<MARK<<<<<<<<<<<<<<<<<<<<<<<<<';
    expect(readMrz(ocr([line, TD3[1]!]), TODAY)!.fields.givenNames).toBe('MARK');
  });

  it('reads a name with no "<<" as all surname (no given names)', () => {
    const r = interpretMrz(['I<UTOERIKSSON<ABERNATHY<WOLFESCHLEGE', TD2[1]!], { today: TODAY })!;
    expect(r.fields.surname).toBe('ERIKSSON ABERNATHY WOLFESCHLEGE');
    expect(r.fields.givenNames).toBe('');
  });

  it('fixes a line that came back with an extra or a missing filler', () => {
    const long = readMrz(ocr(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<<', TD3[1]!]), TODAY)!;
    expect(long.lines).toEqual(TD3);
    const short = readMrz(ocr([TD3[0]!, 'L898902C36UTO7408122F1204159ZE184226B<<<<10']), TODAY)!;
    expect(short.lines).toEqual(TD3);
    expect(short.valid).toBe(true);
  });

  it('drops the background a wide cut reads past both ends of a line', () => {
    const wide = readMrz(ocr([TD3[0]!, `K<${TD3[1]!}I<`]), TODAY)!;
    expect(wide.lines).toEqual(TD3);
    expect(wide.valid).toBe(true);
    // Told the layout (the engine's vote per line), a line may run further over.
    const wider = readMrz(ocr([TD3[0]!, `B<8K${TD3[1]!}I<<<<<`]), TODAY, { format: 'TD3' })!;
    expect(wider.lines).toEqual(TD3);
  });

  it('adds the fillers a name line lacks to its longest run, whatever the rounding of the means', () => {
    // As read from a hard photo: three fillers short. Every place they could go scores the same,
    // and the means, summed in another order, differed in the last bits (the fillers went to 27).
    const name = 'P<BELKOWALSKA<<BARTHOLOMEW<PITIT<<<<<<<<<';
    const second = 'BC63050142LUX7909054M3109074658878598<<<<<04';
    const reading = readMrz(
      [name, second].map((text) => ({ text, confidences: [...text].map(() => 0.99) })),
      TODAY,
    )!;
    expect(reading.lines[0]).toBe(`${name}<<<`);
  });

  it('moves letters out of digit fields and digits out of name fields, recording each', () => {
    const r = readMrz(
      ocr(['P<UT0ERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO74O8122F12O4159ZE184226B<<<<<1O']),
      TODAY,
    )!;
    expect(r.lines).toEqual(TD3);
    expect(r.corrections.filter((c) => c.reason === 'charClass')).toHaveLength(5);
  });

  it('lets the check digit and the engine confidence choose between confusable readings', () => {
    // L898902C3 read as L8989O2C3: O vs 0 is only decidable by the check digit in an alphanumeric
    // field, and the composite covers the number at the same weights, so several single changes
    // satisfy every check. The engine was unsure of the O only: that one is chosen.
    const line = 'L8989O2C36UTO7408122F1204159ZE184226B<<<<<10';
    const confidences = [...line].map((_, i) => (i === 5 ? 0.45 : 0.95));
    const r = readMrz([{ text: TD3[0]! }, { text: line, confidences }], TODAY)!;
    expect(r.fields.documentNumber).toBe('L898902C3');
    expect(r.checks.documentNumber).toBe('valid');
    expect(r.corrections).toContainEqual({ line: 1, index: 5, from: 'O', to: '0', reason: 'checkDigit' });
  });

  it('leaves a document number flagged when nothing says which confusable reading is right', () => {
    // Truth S12845670 read as S12B45670: B→8 and S→5 are equally likely and both satisfy every check.
    const truth = 'S12845670';
    const rest = `${computeCheckDigit(truth)}UTO7408122F1204159ZE184226B<<<<<1`;
    const line = `${truth}${rest}${computeCheckDigit(truth + rest.slice(0, 1) + rest.slice(4, 11) + rest.slice(12))}`;
    expect(readMrz(ocr([TD3[0]!, line]), TODAY)!.valid).toBe(true);
    const r = readMrz(ocr([TD3[0]!, line.replace('S128', 'S12B')]), TODAY)!;
    expect(r.fields.documentNumber).toBe('S12B45670');
    expect(r.fieldChecks.documentNumber).toBe('invalid');
    expect(r.corrections.filter((c) => c.reason === 'checkDigit')).toEqual([]);
  });

  it('counts an impossible date as a failure even when its check digit holds', () => {
    // 740362 satisfies both the date and the composite check digits by coincidence: day 62.
    const r = readMrz(ocr([TD3[0]!, 'L898902C36UTO7403622F1204159ZE184226B<<<<<10']), TODAY)!;
    expect(r.fields.dateOfBirth).toBe('');
    expect(r.valid).toBe(false);
    expect(r.problems).toContainEqual({ field: 'dateOfBirth', code: 'impossibleDate', detail: '740362' });
  });

  it('fixes a date misread when the composite singles out one reading, and never guesses two', () => {
    // 740812 read as 740312: the date's check and the composite (which covers dates at other
    // weights) agree on one single change.
    const misread = 'L898902C36UTO7403122F1204159ZE184226B<<<<<10';
    const unsure = [...misread].map((_, i) => (i === 16 ? 0.5 : 0.97));
    const fixed = readMrz([{ text: TD3[0]! }, { text: misread, confidences: unsure }], TODAY)!;
    expect(fixed.fields.dateOfBirth).toBe('1974-08-12');
    // Two misreads in one date (8→3, 1→2), the engine sure of both: left flagged, not guessed.
    // (Without confidences every character counts as sure: nothing is ever changed to fit a check.)
    const flagged = readMrz(ocr([TD3[0]!, 'L898902C36UTO7403222F1204159ZE184226B<<<<<10']), TODAY)!;
    expect(flagged.checks.dateOfBirth).toBe('invalid');
    expect(flagged.fieldChecks.dateOfBirth).toBe('invalid');
    expect(flagged.valid).toBe(false);
  });

  it('reads a TD1 document number longer than nine characters (optional-data extension)', () => {
    // D23145890123: nine characters, '<' in the check slot, "123" and the number's check digit in optional1.
    const digit = computeCheckDigit('D23145890123');
    const l1 = `I<SWED23145890<123${digit}<<<<<<<<<<<`;
    const l2 = '7408122F1204159SWE<<<<<<<<<<<';
    const composite = computeCheckDigit(l1.slice(5) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29));
    const r = readMrz(ocr([l1, `${l2}${composite}`, TD1[2]!]), TODAY)!;
    expect(r.valid).toBe(true);
    expect(r.fields.documentNumber).toBe('D23145890123');
    expect(r.fields.personalNumber).toBe('');
  });

  it('doubts a number read with two digit-shaped letters, even when both its checks hold', () => {
    // "31S78O" for "312780" (hard benchmark, photo-td3-047): S and O cancel out in both checks.
    const head = 'ES38873324DNK6009050M2211145';
    const personal = '31S78O<<<<<<<<';
    const body = `${head}${personal}${computeCheckDigit(personal)}`;
    const composite = computeCheckDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
    const reading = interpretMrz(['P<DNKLEFEVRE<<AGUS<SITI<<<<<<<<<<<<<<<<<<<<<', body + composite], {
      today: '2020-01-01',
    })!;
    expect(reading.checks.personalNumber).toBe('valid');
    expect(reading.doubts).toContainEqual(
      expect.objectContaining({
        field: 'personalNumber',
        read: 'SO',
        couldBe: ['50'],
        reason: 'lettersAmongDigits',
      }),
    );
    expect(reading.confidence.personalNumber ?? 0).toBeLessThan(0.99);
    // A real number with letters in it is left alone.
    expect(
      readMrz([
        { text: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<' },
        { text: 'L898902C36UTO7408122F1204159ZE184226B<<<<<10' },
      ])!.doubts,
    ).toEqual([]);
  });

  it('returns null for text that is no MRZ', () => {
    expect(readMrz(ocr(['REPUBLIC OF NOWHERE', 'PASSPORT']), TODAY)).toBeNull();
  });
});

describe('names', () => {
  it('keeps a name truncated at the end of the field as printed', () => {
    const line = 'P<GBRABERNATHYWOLFESCHLEGEL<<MAXIMILIAN<CHRI';
    const r = interpretMrz([line, 'L898902C36GBR7408122M1204159ZE184226B<<<<<14'], { today: TODAY });
    expect(r?.fields.surname).toBe('ABERNATHYWOLFESCHLEGEL');
    expect(r?.fields.givenNames).toBe('MAXIMILIAN CHRI');
  });
});
