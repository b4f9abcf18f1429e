import { describe, expect, it } from 'vitest';
import { readCellGrid } from './cellGrid.ts';

const CHARSET = 'AB<';

/** Scores for a line whose glyph `text[i]` starts at `x0 + i * pitch` (a sharp peak), noise elsewhere. */
function scoresFor(text: string, x0: number, pitch: number, width: number): Float32Array[] {
  const scores = [...CHARSET].map(() => new Float32Array(width).fill(0.1));
  [...text].forEach((ch, i) => {
    const x = Math.round(x0 + i * pitch);
    const g = CHARSET.indexOf(ch);
    scores[g]![x] = 0.9;
    // Its neighbours match a little, and another glyph half as well.
    if (x > 0) scores[g]![x - 1] = 0.5;
    scores[(g + 1) % CHARSET.length]![x] = 0.45;
  });
  return scores;
}

describe('readCellGrid', () => {
  it('places the cells on the glyphs and reads them, with each cell’s lead over the runner-up', () => {
    const text = 'AB<<BA<A';
    const reading = readCellGrid(
      { charset: CHARSET, scores: scoresFor(text, 7, 10.4, 100), pitch: 10 },
      8,
      [9, 11.5],
    );
    expect(reading?.text).toBe(text);
    expect(reading?.starts[0]).toBe(7);
    expect(reading?.scores.every((s) => Math.abs(s - 0.9) < 1e-6)).toBe(true);
    expect(reading?.margins.every((m) => Math.abs(m - 0.45) < 1e-6)).toBe(true);
    expect(reading?.mean).toBeCloseTo(0.9);
  });

  it('follows a pitch that grows along the line (perspective the warp left)', () => {
    const width = 140;
    const scores = [...CHARSET].map(() => new Float32Array(width).fill(0.1));
    const text = 'ABABABABAB';
    let x = 4;
    [...text].forEach((ch, i) => {
      scores[CHARSET.indexOf(ch)]![Math.round(x)] = 0.9;
      x += 10 + i * 0.15;
    });
    expect(readCellGrid({ charset: CHARSET, scores, pitch: 10.5 }, 10)?.text).toBe(text);
  });

  it('refuses more cells than the line can hold', () => {
    expect(
      readCellGrid({ charset: CHARSET, scores: scoresFor('AB', 0, 10, 30), pitch: 10 }, 8, [9, 11]),
    ).toBeNull();
  });
});
