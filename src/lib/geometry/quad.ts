/** Plain geometry on points and quadrilaterals: no OpenCV, usable anywhere. */
export interface Point {
  x: number;
  y: number;
}

export const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/** Orders four corners as top-left, top-right, bottom-right, bottom-left. */
export function orderCorners(points: readonly Point[]): [Point, Point, Point, Point] {
  if (points.length !== 4) throw new Error('orderCorners needs four points');
  const bySum = [...points].sort((a, b) => a.x + a.y - (b.x + b.y));
  const byDiff = [...points].sort((a, b) => a.y - a.x - (b.y - b.x));
  return [bySum[0]!, byDiff[0]!, bySum[3]!, byDiff[3]!];
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
