import type { Point } from '../../lib/geometry/quad.ts';
import type { LineQuad } from './findMrzLines.ts';

/**
 * A TD1 zone found as two lines (lib/mrz/missingLine.ts says which is missing): the third line's
 * quad, inserted at `at` (0-2, top to bottom as located). MRZ lines are evenly spaced, parallel,
 * and start and end at the same place, so the new line sits one pitch beyond the two found (or
 * halfway between them, when they were the first and last) and spans what either of them does:
 * glare may have shortened one. Pure geometry, in the located lines' own coordinates.
 */
export function insertLine(lines: readonly LineQuad[], at: 0 | 1 | 2): LineQuad[] {
  const [a, b] = lines as [LineQuad, LineQuad];
  const longer = length(a) >= length(b) ? a : b;
  const [tl, tr] = longer.corners;
  const along = unit({ x: tr.x - tl.x, y: tr.y - tl.y });
  const across = { x: -along.y, y: along.x };
  const dot = (p: Point, v: Point): number => p.x * v.x + p.y * v.y;
  const span = (l: LineQuad): [number, number] => {
    const u = l.corners.map((p) => dot(p, along));
    return [Math.min(...u), Math.max(...u)];
  };
  const middle = (l: LineQuad): number => l.corners.reduce((s, p) => s + dot(p, across), 0) / 4;
  const [ma, mb] = [middle(a), middle(b)];
  const centre = at === 1 ? (ma + mb) / 2 : at === 0 ? 2 * ma - mb : 2 * mb - ma;
  const height = (a.height + b.height) / 2;
  const start = Math.min(span(a)[0], span(b)[0]);
  const end = Math.max(span(a)[1], span(b)[1]);
  const half = height / 2;
  const point = (u: number, v: number): Point => ({
    x: along.x * u + across.x * v,
    y: along.y * u + across.y * v,
  });
  const added: LineQuad = {
    corners: [
      point(start, centre - half),
      point(end, centre - half),
      point(end, centre + half),
      point(start, centre + half),
    ],
    height,
  };
  return [...lines.slice(0, at), added, ...lines.slice(at)];
}

const length = (l: LineQuad): number =>
  Math.hypot(l.corners[1].x - l.corners[0].x, l.corners[1].y - l.corners[0].y);

const unit = (v: Point): Point => {
  const n = Math.hypot(v.x, v.y) || 1;
  return { x: v.x / n, y: v.y / n };
};
