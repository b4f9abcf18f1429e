import { describe, expect, it } from 'vitest';
import { isIsoDate, mrzDateToIso } from './isoDate.ts';

describe('mrzDateToIso', () => {
  it('puts birth dates in the past', () => {
    expect(mrzDateToIso('740812', 'birth', '2026-11-21')).toBe('1974-08-12');
    expect(mrzDateToIso('260101', 'birth', '2026-11-21')).toBe('2026-01-01');
    expect(mrzDateToIso('271231', 'birth', '2026-11-21')).toBe('1927-12-31');
  });

  it('puts expiry dates at most decades ahead', () => {
    expect(mrzDateToIso('350101', 'expiry', '2026-11-21')).toBe('2035-01-01');
    expect(mrzDateToIso('120415', 'expiry', '2026-11-21')).toBe('2012-04-15');
  });

  it('rejects dates that do not exist', () => {
    expect(mrzDateToIso('740230', 'birth', '2026-11-21')).toBe('');
    expect(mrzDateToIso('741312', 'birth', '2026-11-21')).toBe('');
    expect(mrzDateToIso('74O812', 'birth', '2026-11-21')).toBe('');
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });
});
