import { describe, expect, it } from 'vitest';
import { orderCorners, polygonArea, quadSize, rotatePoint } from './quad.ts';

describe('quad geometry', () => {
  it('orders corners whatever order they come in', () => {
    const q = orderCorners([
      { x: 10, y: 90 },
      { x: 100, y: 5 },
      { x: 0, y: 0 },
      { x: 110, y: 95 },
    ]);
    expect(q).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 5 },
      { x: 110, y: 95 },
      { x: 10, y: 90 },
    ]);
  });

  it('gives four distinct corners in cyclic order for a document turned 45°', () => {
    const q = orderCorners([
      { x: 50, y: 0 },
      { x: 100, y: 50 },
      { x: 50, y: 100 },
      { x: 0, y: 50 },
    ]);
    expect(new Set(q.map((p) => `${p.x},${p.y}`)).size).toBe(4);
    expect(polygonArea(q)).toBe(5000);
  });

  it('measures a quad', () => {
    const q = orderCorners([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
      { x: 0, y: 50 },
    ]);
    expect(quadSize(q)).toEqual({ width: 100, height: 50 });
    expect(polygonArea(q)).toBe(5000);
  });

  it('rotates points with the image', () => {
    // A 4×2 image rotated 90° clockwise is 2×4: its top-left pixel goes to the top-right.
    expect(rotatePoint({ x: 0, y: 0 }, 90, 4, 2)).toEqual({ x: 1, y: 0 });
    expect(rotatePoint({ x: 0, y: 0 }, 180, 4, 2)).toEqual({ x: 3, y: 1 });
    expect(rotatePoint({ x: 0, y: 0 }, 270, 4, 2)).toEqual({ x: 0, y: 3 });
  });
});
