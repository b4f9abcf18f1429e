import { describe, expect, it } from 'vitest';
import { checkDigitHolds, computeCheckDigit, mrzCharValue } from './checkDigit.ts';

describe('check digits (ICAO 9303-3 §4.9)', () => {
  it('values characters as the standard says', () => {
    expect(mrzCharValue('<')).toBe(0);
    expect(mrzCharValue('7')).toBe(7);
    expect(mrzCharValue('A')).toBe(10);
    expect(mrzCharValue('Z')).toBe(35);
    expect(mrzCharValue('a')).toBe(-1);
  });

  it('reproduces the check digits of the ICAO TD3 specimen', () => {
    // P<UTOERIKSSON<<ANNA<MARIA… / L898902C36UTO7408122F1204159ZE184226B<<<<<10
    expect(computeCheckDigit('L898902C3')).toBe(6);
    expect(computeCheckDigit('740812')).toBe(2);
    expect(computeCheckDigit('120415')).toBe(9);
    expect(computeCheckDigit('ZE184226B<<<<<')).toBe(1);
    expect(computeCheckDigit('L898902C36' + '7408122' + '1204159ZE184226B<<<<<1')).toBe(0);
  });

  it('rejects characters an MRZ cannot hold', () => {
    expect(computeCheckDigit('AB-1')).toBe(-1);
    expect(checkDigitHolds('AB-1', '0')).toBe(false);
  });

  it("accepts '<' only for an all-filler field", () => {
    expect(checkDigitHolds('<<<<<<<<<<<<<<', '<')).toBe(true);
    expect(checkDigitHolds('12<<<<<<<<<<<<', '<')).toBe(false);
  });
});
