import { describe, expect, it } from 'vitest';
import { verifyFields } from './verifyFields.ts';

const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const values = {
  documentNumber: 'L898902C3',
  dateOfBirth: '1974-08-12',
  expiryDate: '2012-04-15',
  personalNumber: 'ZE184226B',
};

describe('verifyFields', () => {
  it('checks the current values against the printed check digits', () => {
    expect(verifyFields(values, TD3)).toEqual({
      documentNumber: 'valid',
      dateOfBirth: 'valid',
      expiryDate: 'valid',
      personalNumber: 'valid',
      composite: 'valid',
    });
  });

  it('flags an edited value that disagrees, and the composite with it', () => {
    const checks = verifyFields({ ...values, dateOfBirth: '1974-08-13' }, TD3)!;
    expect(checks.dateOfBirth).toBe('invalid');
    expect(checks.composite).toBe('invalid');
    expect(checks.documentNumber).toBe('valid');
  });

  it('returns null when the MRZ text has no known shape', () => {
    expect(verifyFields(values, 'P<UTO\nL898')).toBeNull();
  });
});
