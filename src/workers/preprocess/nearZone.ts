/**
 * The MRZ looked for again around the zone found: on a busy frame the angle taken for the lines
 * is the clutter's (printed text, the edges of other things), and the "lines" found cross the
 * tilted MRZ at that angle. Around the zone alone, the MRZ's own lines lead (preprocess.worker's
 * `nearZone`).
 */
import type { CV, Mat } from '@techstark/opencv-js';
import { locateMrz, type LineQuad, type MrzLocation } from './findMrzLines.ts';
import { withScope } from './matScope.ts';

/** How far round the zone to look, in the zone's widths, each way from its centre. */
const REACH = 1.25;
/** The shortest line taken there, as a share of the region's width. */
const MIN_WIDTH_SHARE = 0.3;

/**
 * The MRZ located in a region round `lines` (in `source`'s coordinates), or null when none is
 * found there or it is the same zone again.
 */
export function locateNear(cv: CV, source: Mat, lines: readonly LineQuad[]): MrzLocation | null {
  const points = lines.flatMap((l) => l.corners);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const width = Math.max(...xs) - Math.min(...xs);
  const centre = { x: (Math.max(...xs) + Math.min(...xs)) / 2, y: (Math.max(...ys) + Math.min(...ys)) / 2 };
  const left = Math.max(0, Math.round(centre.x - width * REACH));
  const top = Math.max(0, Math.round(centre.y - width * REACH));
  const right = Math.min(source.cols, Math.round(centre.x + width * REACH));
  const bottom = Math.min(source.rows, Math.round(centre.y + width * REACH));
  // The region is the whole image already: nothing new to see.
  if (right - left >= source.cols && bottom - top >= source.rows) return null;
  if (right - left < 50 || bottom - top < 50) return null;
  const found = withScope((scope) => {
    const region = scope.track(source.roi(new cv.Rect(left, top, right - left, bottom - top)));
    return locateMrz(cv, region, { minWidthShare: MIN_WIDTH_SHARE, detectEdge: 900 });
  });
  if (!found) return null;
  const shifted = {
    ...found,
    lines: found.lines.map((l) => ({
      ...l,
      corners: l.corners.map((p) => ({ x: p.x + left, y: p.y + top })) as LineQuad['corners'],
    })),
  };
  return sameZone(shifted.lines, lines) ? null : shifted;
}

/** Whether two zones' first lines lie within a line's height of each other, corner by corner. */
export function sameZone(a: readonly LineQuad[], b: readonly LineQuad[]): boolean {
  const [p, q] = [a[0]!, b[0]!];
  const apart = p.corners.reduce(
    (sum, c, i) => sum + Math.hypot(c.x - q.corners[i]!.x, c.y - q.corners[i]!.y),
    0,
  );
  return a.length === b.length && apart / 4 < Math.max(p.height, q.height);
}
