import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/export/csv.ts';
import type { SessionDocument } from '../../state/sessionStore.ts';
import { emptyFormValues, type DocumentFormValues } from '../review/formSchema.ts';
import { documentChecks, sessionCsv } from './documentRecord.ts';

const TD3 = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
].join('\n');

const passport: DocumentFormValues = {
  ...emptyFormValues,
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
  mrz: TD3,
};

function doc(id: number, values: DocumentFormValues, fileName = `scan-${id}.jpg`): SessionDocument {
  return {
    id,
    uid: `uid-${id}`,
    kind: 'mrz',
    fileName,
    file: null,
    status: 'done',
    stage: null,
    result: null,
    error: null,
    readAt: '2026-11-21T10:00:00.000Z',
    values,
  };
}

describe('sessionCsv', () => {
  it('writes a row per read document with every field and its checks', () => {
    const csv = sessionCsv([doc(1, passport)], '2026-11-21');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, row] = parseCsv(csv.slice(1));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('readAt')).toBe('2026-11-21T10:00:00.000Z');
    expect(cell('kind')).toBe('mrz');
    expect(cell('format')).toBe('TD3');
    expect(cell('surname')).toBe('ERIKSSON');
    expect(cell('givenNames')).toBe('ANNA MARIA');
    expect(cell('mrz')).toBe(TD3);
    expect(cell('check_documentNumber')).toBe('valid');
    expect(cell('check_composite')).toBe('valid');
    expect(cell('formValid')).toBe('true');
    expect(cell('expired')).toBe('true');
    expect(header).toContain('nik');
  });

  it('keeps non-ASCII names and neutralises formulas', () => {
    const edited = { ...passport, surname: 'MÜLLER', givenNames: '=HYPERLINK("http://x")' };
    const [header, row] = parseCsv(sessionCsv([doc(1, edited, '@evil.jpg')]).slice(1));
    expect(row![header!.indexOf('surname')]).toBe('MÜLLER');
    expect(row![header!.indexOf('givenNames')]).toBe(`'=HYPERLINK("http://x")`);
    expect(row![header!.indexOf('file')]).toBe(`'@evil.jpg`);
  });

  it('flags a value that no longer matches its check digit, and skips documents not read', () => {
    const wrong = { ...passport, documentNumber: 'L898902C4' };
    const failed: SessionDocument = { ...doc(2, passport), status: 'error', values: null };
    const rows = parseCsv(sessionCsv([doc(1, wrong), failed]).slice(1));
    expect(rows).toHaveLength(2);
    const [header, row] = rows;
    expect(row![header!.indexOf('check_documentNumber')]).toBe('invalid');
  });
});

describe('documentChecks', () => {
  it('checks an e-KTP NIK against the printed birth date and sex', () => {
    const ektp = {
      ...emptyFormValues,
      nik: '3171234508900001',
      dateOfBirth: '1990-08-05',
      sex: 'F' as const,
    };
    expect(documentChecks(ektp, 'ektp').nik).toBe('valid');
    expect(documentChecks({ ...ektp, sex: 'M' }, 'ektp').nik).toBe('invalid');
    expect(documentChecks(ektp, 'mrz').nik).toBe('absent');
  });
});
