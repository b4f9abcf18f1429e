/** Plain geometry on points and quadrilaterals: no OpenCV, usable anywhere. */
export interface Point {
  x: number;
  y: number;
}

export const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Orders four corners as top-left, top-right, bottom-right, bottom-left: clockwise around their
 * centre, starting from the one nearest the image's top-left. Always four distinct corners in
 * cyclic order, whatever the angle (sorting by x+y and y−x picks one point twice for a document
 * turned 45°); which corner comes first only decides a right-angle turn, which the MRZ search undoes.
 */
export function orderCorners(points: readonly Point[]): [Point, Point, Point, Point] {
  if (points.length !== 4) throw new Error('orderCorners needs four points');
  const cx = points.reduce((s, p) => s + p.x, 0) / 4;
  const cy = points.reduce((s, p) => s + p.y, 0) / 4;
  const clockwise = [...points].sort(
    (a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx),
  );
  let first = 0;
  clockwise.forEach((p, i) => {
    const f = clockwise[first]!;
    if (p.x + p.y < f.x + f.y) first = i;
  });
  return [0, 1, 2, 3].map((k) => clockwise[(first + k) % 4]!) as [Point, Point, Point, Point];
}

/** Width and height of the rectangle a quad is a perspective view of. */
export function quadSize(q: readonly [Point, Point, Point, Point]): { width: number; height: number } {
  const [tl, tr, br, bl] = q;
  return {
    width: Math.max(distance(tl, tr), distance(bl, br)),
    height: Math.max(distance(tl, bl), distance(tr, br)),
  };
}

/** Shoelace area. */
export function polygonArea(points: readonly Point[]): number {
  let sum = 0;
  points.forEach((p, i) => {
    const q = points[(i + 1) % points.length]!;
    sum += p.x * q.y - q.x * p.y;
  });
  return Math.abs(sum) / 2;
}

/** Rotates a point of a w×h image by a right angle (clockwise), into the rotated image's frame. */
export function rotatePoint(p: Point, rotation: 0 | 90 | 180 | 270, width: number, height: number): Point {
  switch (rotation) {
    case 90:
      return { x: height - 1 - p.y, y: p.x };
    case 180:
      return { x: width - 1 - p.x, y: height - 1 - p.y };
    case 270:
      return { x: p.y, y: width - 1 - p.x };
    default:
      return { ...p };
  }
}

/** A polygon's corners as an SVG `points` attribute. */
export const svgPoints = (corners: readonly Point[]): string => corners.map((p) => `${p.x},${p.y}`).join(' ');
