import { describe, expect, it } from 'vitest';
import { implausibleCodes, readMrz, interpretMrz, isCertain } from './readMrz.ts';
import { verifyFields } from './verifyFields.ts';

const TODAY = '2026-11-21';
const ocr = (lines: string[]) => lines.map((text) => ({ text }));

// ICAO 9303-7 specimens: an MRV-A (2×44) and an MRV-B (2×36) visa.
const MRVA = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];
const MRVB = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];
// A French national ID card (pre-2021 layout) of an invented person, check digits computed by hand:
// number 1807 750 12345 (issued July 2018, department 75, serial), given names CAMILLE, ANNE.
const FRENCH = ['IDFRAMARTIN<<<<<<<<<<<<<<<<<<<750123', '1807750123459CAMILLE<<ANNE<8503172F9'];
// A Swedish passport (real codes) for what the code lists decide.
const TD3_REAL = [
  'P<SWEERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36SWE7408122F1204159ZE184226B<<<<<10',
];
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('visas (ICAO 9303-7)', () => {
  it('reads the MRV-A specimen: no composite, optional data to the end of the line', () => {
    const r = readMrz(ocr(MRVA), TODAY)!;
    expect(r.format).toBe('MRVA');
    expect(r.valid).toBe(true);
    expect(r.checks).toEqual({ documentNumber: 'valid', dateOfBirth: 'valid', expiryDate: 'valid' });
    expect(r.fields).toMatchObject({
      documentType: 'visa',
      documentCode: 'V',
      issuingCountry: 'UTO',
      documentNumber: 'L8988901C',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      nationality: 'XXX',
      dateOfBirth: '1940-09-07',
      sex: 'F',
      expiryDate: '1996-12-10',
      personalNumber: '6ZE184226B',
    });
    expect(isCertain(r, 'documentNumber')).toBe(true);
  });

  it('reads the MRV-B specimen', () => {
    const r = readMrz(ocr(MRVB), TODAY)!;
    expect(r.format).toBe('MRVB');
    expect(r.valid).toBe(true);
    expect(r.fields).toMatchObject({ documentType: 'visa', documentNumber: 'L8988901C', personalNumber: '' });
  });

  it('tells a visa from a passport and a TD2 card by the document code, not by which checks happen to hold', () => {
    expect(readMrz(ocr(TD3), TODAY)!.format).toBe('TD3');
    expect(interpretMrz(MRVA)!.format).toBe('MRVA');
    const td2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
    expect(readMrz(ocr(td2), TODAY)!.format).toBe('TD2');
  });

  it('repairs a visa like any MRZ: a misread filler run and a letter in a date', () => {
    const r = readMrz(
      ocr([`${MRVA[0]!.slice(0, 36)}KKKKKKKK`, MRVA[1]!.replace('4009078', '40O9078')]),
      TODAY,
    )!;
    expect(r.lines).toEqual(MRVA);
    expect(r.valid).toBe(true);
  });
});

describe('the French national ID card (2×36, until 2021)', () => {
  it('reads surname, given names and the 12-character number; nationality is French', () => {
    const r = readMrz(ocr(FRENCH), TODAY)!;
    expect(r.format).toBe('FRENCH_ID');
    expect(r.valid).toBe(true);
    expect(r.checks).toEqual({ documentNumber: 'valid', dateOfBirth: 'valid', composite: 'valid' });
    expect(r.fields).toMatchObject({
      documentType: 'id_card',
      documentCode: 'ID',
      issuingCountry: 'FRA',
      documentNumber: '180775012345',
      surname: 'MARTIN',
      givenNames: 'CAMILLE ANNE',
      nationality: 'FRA',
      dateOfBirth: '1985-03-17',
      sex: 'F',
      expiryDate: '',
      personalNumber: '',
    });
    // No expiry date in this MRZ is not an impossible one.
    expect(r.problems).toEqual([]);
  });

  it('moves letters out of the number and the date, and repairs filler runs in both name fields', () => {
    const misread = [
      `${FRENCH[0]!.slice(0, 22)}KKKKKKKK${FRENCH[0]!.slice(30)}`,
      FRENCH[1]!.replace('1807750', 'I8O775O'),
    ];
    const r = readMrz(ocr(misread), TODAY)!;
    expect(r.lines).toEqual(FRENCH);
    expect(r.valid).toBe(true);
  });

  it('re-validates an edited number against the printed check digit', () => {
    const values = {
      documentNumber: '180775012345',
      dateOfBirth: '1985-03-17',
      expiryDate: '',
      personalNumber: '',
    };
    const text = FRENCH.join('\n');
    expect(verifyFields(values, text)).toEqual({
      documentNumber: 'valid',
      dateOfBirth: 'valid',
      composite: 'valid',
    });
    const edited = verifyFields({ ...values, documentNumber: '180775012346' }, text)!;
    expect(edited.documentNumber).toBe('invalid');
    expect(edited.composite).toBe('invalid');
  });
});

describe('what no check digit covers', () => {
  it("flags an O or a 0 in a visa's optional data: nothing can tell them apart there", () => {
    const line = `${MRVA[1]!.slice(0, 28)}AB0O<<<<<<<<<<<<`;
    const r = readMrz(ocr([MRVA[0]!, line]), TODAY)!;
    expect(r.fields.personalNumber).toBe('AB0O');
    expect(r.doubts.filter((d) => d.field === 'personalNumber').map((d) => d.couldBe)).toEqual([
      ['O'],
      ['0'],
    ]);
  });
});

describe('country codes', () => {
  it('changes a code that is no country to the one look-alike that is, and says so', () => {
    const visa = [
      'V<HHNDE<LA<CRUZ<HORVATH<<PRIYA<MATEUSZ<<<<<<',
      'WX1BZC5PG4SVN9701159F2606255<<<<<<<<<<<<<<<<',
    ];
    const r = readMrz(ocr(visa), TODAY)!;
    expect(r.fields.issuingCountry).toBe('HUN');
    expect(r.corrections).toContainEqual({ line: 0, index: 3, from: 'H', to: 'U', reason: 'countryCode' });
  });

  it('leaves an unknown code alone when no single look-alike, or more than one, makes a known code', () => {
    // UTO is ICAO's specimen state: on no list, and no single look-alike letter makes a listed code.
    expect(readMrz(ocr(MRVA), TODAY)!.fields.issuingCountry).toBe('UTO');
  });
});

describe('implausible codes', () => {
  it('counts a document code its layout is not used for and country codes on no list', () => {
    expect(implausibleCodes(readMrz(ocr(TD3_REAL), TODAY)!)).toBe(0);
    const misread = [`LL${TD3_REAL[0]!.slice(2, 3)}QQ${TD3_REAL[0]!.slice(5)}`, TD3_REAL[1]!];
    expect(implausibleCodes(readMrz(ocr(misread), TODAY)!)).toBe(2);
  });
});
