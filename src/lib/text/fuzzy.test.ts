import { describe, expect, it } from 'vitest';
import { closest, digitsFrom, levenshtein, squash } from './fuzzy.ts';

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('ISLAM', 'ISLAN')).toBe(1);
    expect(levenshtein('KAWIN', 'KAWN')).toBe(1);
    expect(levenshtein('WNI', 'WNI')).toBe(0);
  });

  it('is the other length against an empty string, and symmetric', () => {
    expect(levenshtein('', 'NIK')).toBe(3);
    expect(levenshtein('NIK', '')).toBe(3);
    expect(levenshtein('AGAMA', 'ALAMAT')).toBe(levenshtein('ALAMAT', 'AGAMA'));
    expect(levenshtein('AGAMA', 'ALAMAT')).toBe(2);
  });
});

describe('squash', () => {
  it('keeps letters and digits, upper case', () => {
    expect(squash('Kel/Desa')).toBe('KELDESA');
    expect(squash('  4b EXP: ')).toBe('4BEXP');
    expect(squash('—/:')).toBe('');
  });
});

describe('closest', () => {
  const religions = ['ISLAM', 'KRISTEN', 'KATOLIK', 'HINDU', 'BUDDHA', 'KONGHUCU'] as const;

  it('finds the option a few OCR mistakes away', () => {
    expect(closest('ISLAN', religions)).toBe('ISLAM');
    expect(closest('kr1sten', religions)).toBe('KRISTEN');
    expect(closest('BELUM KAWlN', ['BELUM KAWIN', 'KAWIN'])).toBe('BELUM KAWIN');
  });

  it('compares squashed, so spacing and punctuation cost nothing', () => {
    expect(closest('belum-kawin', ['BELUM KAWIN', 'KAWIN'], 0)).toBe('BELUM KAWIN');
    expect(closest('LAKI - LAKI', ['LAKI-LAKI', 'PEREMPUAN'], 0)).toBe('LAKI-LAKI');
  });

  it('is null beyond the share of the option length', () => {
    // 0.25 of 5 letters: one edit.
    expect(closest('ISLXN', religions)).toBeNull();
    expect(closest('ISLXN', religions, 0.4)).toBe('ISLAM');
    // One edit in three letters is more than 0.25 and within 0.34.
    expect(closest('WNA', ['WNI'])).toBeNull();
    expect(closest('', religions)).toBeNull();
  });

  it('takes the nearest option, the first on a tie', () => {
    expect(closest('KAWIN', ['BELUM KAWIN', 'KAWIN'], 0.5)).toBe('KAWIN');
    expect(closest('CERAI H', ['CERAI HIDUP', 'CERAI MATI'], 0.5)).toBe('CERAI HIDUP');
    expect(closest('AB', ['AX', 'XB'], 0.5)).toBe('AX');
  });
});

describe('digitsFrom', () => {
  it('reads the letters OCR puts for digits', () => {
    expect(digitsFrom('3273O257O89OOOI2')).toBe('3273025708900012');
    expect(digitsFrom('l|!I')).toBe('1111');
    expect(digitsFrom('SBZG')).toBe('5826');
    expect(digitsFrom('oqd')).toBe('000');
  });

  it('drops everything else', () => {
    expect(digitsFrom('003 / 007')).toBe('003007');
    expect(digitsFrom('NIK: 12')).toBe('112');
    expect(digitsFrom('XYW')).toBe('');
  });
});
