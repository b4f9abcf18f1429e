import type { Point } from './quad.ts';

/** A 2×3 affine matrix [a b c; d e f], row by row, as OpenCV's warpAffine takes it. */
export type Affine = [number, number, number, number, number, number];

export const IDENTITY: Affine = [1, 0, 0, 0, 1, 0];

/** Where a point of the transformed image came from: the inverse of `m` applied to `p`. */
export function invertAffine([a, b, c, d, e, f]: Affine, p: Point): Point {
  const det = a * e - b * d;
  const x = p.x - c;
  const y = p.y - f;
  return { x: (e * x - b * y) / det, y: (-d * x + a * y) / det };
}
