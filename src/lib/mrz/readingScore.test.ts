import { describe, expect, it } from 'vitest';
import { readMrz } from './readMrz.ts';
import { plausible, score, validShare } from './readingScore.ts';

const line = (text: string) => ({ text, confidences: [...text].map(() => 0.95) });
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('readingScore', () => {
  it('prefers the reading whose check digits hold', () => {
    const good = readMrz(TD3.map(line), '2026-11-21')!;
    const bad = readMrz([TD3[0]!, TD3[1]!.replace('7408122', '7408123')].map(line), '2026-11-21')!;
    expect(validShare(good)).toBe(1);
    expect(validShare(bad)).toBeLessThan(1);
    expect(score(good)).toBeGreaterThan(score(bad));
    expect(score(null)).toBe(-Infinity);
  });

  it('refuses lines of nothing but fillers (a barcode read as <<<)', () => {
    const fillers = readMrz(['<'.repeat(44), '<'.repeat(44)].map(line), '2026-11-21');
    expect(fillers === null || !plausible(fillers)).toBe(true);
    expect(plausible(readMrz(TD3.map(line), '2026-11-21')!)).toBe(true);
  });
});
