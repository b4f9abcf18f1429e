import { describe, expect, it } from 'vitest';
import { AamvaError, aamvaDate, heightOf, parseAamva } from './parseAamva.ts';

/** The sample card of the AAMVA DL/ID card design standard (2016, annex D): a fictitious holder. */
const STANDARD_SAMPLE =
  '@\n\x1e\rANSI 636000100002DL00410278ZV03190008DLDAQT64235789\nDCSSAMPLE\nDDEN\nDACMICHAEL\nDDFN\nDADJOHN\nDDGN\nDCUJR\nDCAD\nDCBK\nDCDPH\nDBD06062019\nDBB06061986\nDBA12102024\nDBC1\nDAU068 in\nDAYBRO\nDAG2300 WEST BROAD STREET\nDAIRICHMOND\nDAJVA\nDAK232690000  \nDCF2424244747474786102204\nDCGUSA\nDCK123456789\nDDAF\nDDB06062018\nDDC06062020\nDDD1\rZVZVA01\r';

describe('parseAamva', () => {
  it('reads the standard sample into the form fields', () => {
    const licence = parseAamva(STANDARD_SAMPLE);
    expect(licence.version).toBe(10);
    expect(licence.iin).toBe('636000');
    expect(licence.jurisdiction?.code).toBe('VA');
    expect(licence.subfile).toBe('DL');
    expect(licence.fields).toEqual({
      documentType: 'driver_license',
      issuingCountry: 'USA',
      state: 'VA',
      documentNumber: 'T64235789',
      surname: 'SAMPLE',
      givenNames: 'MICHAEL JOHN',
      dateOfBirth: '1986-06-06',
      issueDate: '2019-06-06',
      expiryDate: '2024-12-10',
      sex: 'M',
      address: '2300 WEST BROAD STREET, RICHMOND, VA 23269',
      height: `5'-08"`,
      eyes: 'BRO',
      class: 'D',
      placeOfBirth: '',
    });
    expect(licence.problems).toEqual([]);
    expect(licence.elements.DCU).toBe('JR');
  });

  it('finds the subfile when the directory offsets are wrong', () => {
    const broken = STANDARD_SAMPLE.replace('DL00410278', 'DL00990278');
    expect(parseAamva(broken).fields.documentNumber).toBe('T64235789');
  });

  it('reads an ID card subfile, Canadian dates and metric heights', () => {
    const text =
      '@\n\x1e\rANSI 636012090001ID00310120IDDAQA1234-56789-01234\nDCSTREMBLAY\nDACMARIE\nDADNONE\nDBB19850214\nDBA20300214\nDBD20250214\nDBC2\nDAU165 cm\nDCGCAN\nDAK K1A0B1    \r';
    const { fields, problems } = parseAamva(text);
    expect(fields).toMatchObject({
      documentType: 'id_card',
      issuingCountry: 'CAN',
      state: 'ON',
      documentNumber: 'A1234-56789-01234',
      givenNames: 'MARIE',
      dateOfBirth: '1985-02-14',
      expiryDate: '2030-02-14',
      sex: 'F',
      height: '165 cm',
    });
    expect(problems).toEqual([]);
  });

  it('reads version 2 given names (DCT) and version 1 full names (DAA)', () => {
    const v2 =
      '@\n\x1e\rANSI 636014020001DL00290090DLDAQD1234567\nDCSDOE\nDCTJANE,ANN\nDBB01021980\nDBA01022030\r';
    expect(parseAamva(v2).fields).toMatchObject({ surname: 'DOE', givenNames: 'JANE ANN' });
    const v1 =
      '@\n\x1e\rANSI 6360140101DL00270080DLDAQD7654321\nDAADOE,JOHN,PAUL\nDBB19800102\nDBA20300102\r';
    expect(parseAamva(v1).fields).toMatchObject({
      surname: 'DOE',
      givenNames: 'JOHN PAUL',
      dateOfBirth: '1980-01-02',
    });
  });

  it('reports missing, impossible and truncated values instead of inventing them', () => {
    const text = STANDARD_SAMPLE.replace('DBB06061986', 'DBB13451986')
      .replace('DAQT64235789\n', '')
      .replace('DDEN', 'DDET');
    const { fields, problems } = parseAamva(text);
    expect(fields.dateOfBirth).toBe('');
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'dateOfBirth', reason: 'bad-date' },
        { field: 'documentNumber', reason: 'missing' },
        { field: 'surname', reason: 'truncated' },
      ]),
    );
  });

  it('refuses text that is not a licence barcode, or has no card subfile', () => {
    expect(() => parseAamva('https://example.org')).toThrow(AamvaError);
    expect(() => parseAamva('@\n\x1e\rANSI 636000100001ZV00310008ZVZVA01\r')).toThrow(
      expect.objectContaining({ code: 'no-card-subfile' }),
    );
    // Cut short inside the header: nothing to read.
    expect(() => parseAamva(STANDARD_SAMPLE.slice(0, 30))).toThrow(AamvaError);
  });
});

describe('aamvaDate and heightOf', () => {
  it('takes whichever date order exists', () => {
    expect(aamvaDate('08311977', false)).toBe('1977-08-31');
    expect(aamvaDate('19770831', false)).toBe('1977-08-31');
    expect(aamvaDate('19770831', true)).toBe('1977-08-31');
    expect(aamvaDate('02301977', false)).toBe('');
  });
  it('writes heights as the card prints them', () => {
    expect(heightOf('069 IN', 'USA')).toBe(`5'-09"`);
    expect(heightOf('072', 'USA')).toBe(`6'-00"`);
    expect(heightOf('509', 'USA')).toBe(`5'-09"`);
    expect(heightOf('575', 'USA')).toBe('');
    expect(heightOf('180 CM', 'CAN')).toBe('180 cm');
  });
});
