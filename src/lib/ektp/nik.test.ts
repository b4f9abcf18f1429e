import { describe, expect, it } from 'vitest';
import { checkNik, nikFacts } from './nik.ts';

describe('NIK', () => {
  it('decodes the birth date, with 40 added to the day for women', () => {
    expect(nikFacts('3273025708900012')).toEqual({ province: '32', day: 17, month: 8, year2: 90, sex: 'F' });
    expect(nikFacts('3171061708900012')?.sex).toBe('M');
  });

  it('agrees with the printed date of birth and sex', () => {
    expect(checkNik('3273025708900012', { dateOfBirth: '1990-08-17', sex: 'F' })).toEqual([]);
    expect(checkNik('3578075904064038', { dateOfBirth: '2006-04-19', sex: 'F' })).toEqual([]);
  });

  it('reports each disagreement instead of picking a side', () => {
    expect(checkNik('3273025808900012', { dateOfBirth: '1990-08-17', sex: 'F' })).toEqual(['date-mismatch']);
    expect(checkNik('3273021708900012', { dateOfBirth: '1990-08-17', sex: 'F' })).toEqual(['sex-mismatch']);
    expect(checkNik('9973021708900012', { dateOfBirth: '1990-08-17', sex: 'M' })).toEqual(['province']);
    expect(checkNik('3273027308900012', { dateOfBirth: '', sex: '' })).toEqual(['birth-date']);
    expect(checkNik('32730217089000', { dateOfBirth: '', sex: '' })).toEqual(['length']);
  });
});
