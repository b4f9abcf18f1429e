import { describe, expect, it } from 'vitest';
import { JURISDICTION_NAMES, jurisdictionByCode, jurisdictionName, jurisdictionOf } from './jurisdictions.ts';

describe('jurisdictionOf', () => {
  it('looks the issuer number up', () => {
    expect(jurisdictionOf('636000')).toEqual({ code: 'VA', name: 'Virginia', country: 'USA' });
    expect(jurisdictionOf('636012')).toEqual({ code: 'ON', name: 'Ontario', country: 'CAN' });
    expect(jurisdictionOf('636056')).toEqual({ code: 'COA', name: 'Coahuila', country: 'MEX' });
  });

  it('knows both of Alberta’s numbers', () => {
    expect(jurisdictionOf('604432')?.code).toBe('AB');
    expect(jurisdictionOf('990876')?.code).toBe('AB');
  });

  it('is null for an unknown number', () => {
    expect(jurisdictionOf('123456')).toBeNull();
    expect(jurisdictionOf('')).toBeNull();
  });
});

describe('jurisdictionName', () => {
  it('finds a name in a header, in any case and around punctuation', () => {
    expect(jurisdictionName('CALIFORNIA DRIVER LICENSE')?.code).toBe('CA');
    expect(jurisdictionName('new york state')?.code).toBe('NY');
    expect(jurisdictionName('Driver License - NEW-MEXICO')?.code).toBe('NM');
    expect(jurisdictionName('DISTRICT OF COLUMBIA')?.code).toBe('DC');
  });

  it('prefers the longest name', () => {
    expect(jurisdictionName('WEST VIRGINIA DRIVER LICENSE')?.code).toBe('WV');
    expect(jurisdictionName('VIRGINIA DRIVER LICENSE')?.code).toBe('VA');
    expect(jurisdictionName('US VIRGIN ISLANDS')?.code).toBe('VI');
  });

  it('matches whole words only', () => {
    expect(jurisdictionName('ARKANSAS')?.code).toBe('AR');
    expect(jurisdictionName('KANSAS')?.code).toBe('KS');
    expect(jurisdictionName('VIRGINIAN')).toBeNull();
    expect(jurisdictionName('INDIANAPOLIS')).toBeNull();
    expect(jurisdictionName('')).toBeNull();
  });
});

describe('jurisdictionByCode', () => {
  it('looks the postal code up', () => {
    expect(jurisdictionByCode('PA')).toEqual({ code: 'PA', name: 'Pennsylvania', country: 'USA' });
    expect(jurisdictionByCode('AB')).toEqual({ code: 'AB', name: 'Alberta', country: 'CAN' });
    expect(jurisdictionByCode('HID')?.country).toBe('MEX');
  });

  it('is null for an unknown or lower-case code', () => {
    expect(jurisdictionByCode('ZZ')).toBeNull();
    expect(jurisdictionByCode('pa')).toBeNull();
  });
});

describe('JURISDICTION_NAMES', () => {
  it('holds each name once, upper case', () => {
    expect(JURISDICTION_NAMES.length).toBe(71);
    expect(JURISDICTION_NAMES.filter((n) => n === 'ALBERTA')).toEqual(['ALBERTA']);
    expect(JURISDICTION_NAMES).toContain('WEST VIRGINIA');
    expect(JURISDICTION_NAMES.every((n) => n === n.toUpperCase())).toBe(true);
  });
});
