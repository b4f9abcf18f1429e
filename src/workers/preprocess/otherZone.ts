/**
 * A second document's MRZ in one photo: the first one's document or zone is blanked and the frame
 * searched again (preprocess.worker's `otherZone`).
 */
import type { CV, Mat } from '@techstark/opencv-js';
import type { Point } from '../../lib/geometry/quad.ts';
import type { LineQuad } from './findMrzLines.ts';
import { copyOf, withScope } from './matScope.ts';

/** The zone of MRZ lines with two line heights of margin all round, as a quadrilateral. */
export function zoneMask(lines: LineQuad[]): Point[] {
  const [tl, tr] = lines[0]!.corners;
  const [, , br, bl] = lines[lines.length - 1]!.corners;
  const margin = 2 * Math.max(...lines.map((l) => l.height));
  const unit = (from: Point, to: Point): Point => {
    const d = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    return { x: ((to.x - from.x) / d) * margin, y: ((to.y - from.y) / d) * margin };
  };
  // Along the lines, and across them (from the first line's top to the last one's bottom).
  const u = unit(tl, tr);
  const v = unit(tl, bl);
  return [
    { x: tl.x - u.x - v.x, y: tl.y - u.y - v.y },
    { x: tr.x + u.x - v.x, y: tr.y + u.y - v.y },
    { x: br.x + u.x + v.x, y: br.y + u.y + v.y },
    { x: bl.x - u.x + v.x, y: bl.y - u.y + v.y },
  ];
}

/** A copy of a grey image with a polygon filled with its mean grey: no edge there passes for text. */
export function blankedCopy(cv: CV, grey: Mat, polygon: Point[]): Mat {
  const blanked = copyOf(cv, grey);
  const flat = polygon.flatMap((p) => [Math.round(p.x), Math.round(p.y)]);
  withScope((scope) => {
    const points = scope.track(cv.matFromArray(flat.length / 2, 1, cv.CV_32SC2, flat));
    const polygons = scope.track(new cv.MatVector());
    polygons.push_back(points);
    cv.fillPoly(blanked, polygons, new cv.Scalar(cv.mean(grey)[0] ?? 128));
  });
  return blanked;
}
