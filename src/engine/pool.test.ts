import { describe, expect, it } from 'vitest';
import { poolSize } from './pool.ts';

describe('poolSize', () => {
  it('takes one lane per core, at most one per 2 GB, at most four', () => {
    expect(poolSize(2, 8, null)).toBe(2);
    expect(poolSize(8, 8, null)).toBe(4);
    expect(poolSize(8, 2, null)).toBe(1);
    expect(poolSize(1, 0.5, null)).toBe(1);
  });
  it('obeys ?pool=N within bounds', () => {
    expect(poolSize(2, 8, '1')).toBe(1);
    expect(poolSize(2, 8, '9')).toBe(4);
    expect(poolSize(2, 8, 'x')).toBe(2);
  });
});
