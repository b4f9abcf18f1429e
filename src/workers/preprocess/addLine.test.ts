import { describe, expect, it } from 'vitest';
import { insertLine } from './addLine.ts';
import type { LineQuad } from './findMrzLines.ts';

/** A level line from x0 to x1 centred on y, 20 px high. */
const level = (x0: number, x1: number, y: number): LineQuad => ({
  corners: [
    { x: x0, y: y - 10 },
    { x: x1, y: y - 10 },
    { x: x1, y: y + 10 },
    { x: x0, y: y + 10 },
  ],
  height: 20,
});

const rounded = (l: LineQuad) => l.corners.map((p) => [Math.round(p.x), Math.round(p.y)]);

describe('insertLine', () => {
  it('puts the missing line one pitch beyond, or halfway between, spanning the longer line', () => {
    const found = [level(100, 900, 200), level(160, 900, 240)];
    expect(rounded(insertLine(found, 2)[2]!)).toEqual(rounded(level(100, 900, 280)));
    expect(rounded(insertLine(found, 0)[0]!)).toEqual(rounded(level(100, 900, 160)));
    const ends = insertLine(found, 1);
    expect(ends).toHaveLength(3);
    expect(rounded(ends[1]!)).toEqual(rounded(level(100, 900, 220)));
    expect(ends[0]).toBe(found[0]);
    expect(ends[2]).toBe(found[1]);
  });

  it('follows the lines when they lean', () => {
    const turn = (l: LineQuad): LineQuad => ({
      ...l,
      // 30° about the origin.
      corners: l.corners.map((p) => ({
        x: p.x * Math.cos(Math.PI / 6) - p.y * Math.sin(Math.PI / 6),
        y: p.x * Math.sin(Math.PI / 6) + p.y * Math.cos(Math.PI / 6),
      })) as LineQuad['corners'],
    });
    const added = insertLine([turn(level(100, 900, 200)), turn(level(100, 900, 240))], 2)[2]!;
    expect(rounded(added)).toEqual(rounded(turn(level(100, 900, 280))));
  });
});
