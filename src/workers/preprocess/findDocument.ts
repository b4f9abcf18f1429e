import type { CV, Mat } from '@techstark/opencv-js';
import { orderCorners, polygonArea, quadSize, type Point } from '../../lib/geometry/quad.ts';
import { downscaled, withScope, type MatScope } from './matScope.ts';

const DETECT_EDGE = 640;
const MIN_AREA = 0.12;
const MAX_AREA = 0.97;

/**
 * Finds the document's outline in a grey working image: the largest convex four-cornered contour
 * (or near-rectangular hull) with a card- or page-like aspect. Returns its corners in working-image
 * coordinates, or null when none is visible (a tight scan, or a busy background touching the card).
 */
export function findDocument(cv: CV, grey: Mat): [Point, Point, Point, Point] | null {
  return withScope((scope) => {
    const { mat: small, scale } = downscaled(cv, grey, DETECT_EDGE, scope);
    const blurred = scope.track(new cv.Mat());
    cv.GaussianBlur(small, blurred, new cv.Size(5, 5), 0);
    const scratch = scope.track(new cv.Mat());
    const otsu = cv.threshold(blurred, scratch, 0, 255, cv.THRESH_BINARY | cv.THRESH_OTSU);
    const edges = scope.track(new cv.Mat());
    cv.Canny(blurred, edges, Math.max(10, otsu * 0.4), Math.max(30, otsu));
    const kernel = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(3, 3)));
    cv.dilate(edges, edges, kernel);
    return largestCard(cv, edges, { minArea: MIN_AREA, minAspect: 1.2 }, scale, scope);
  });
}

/** The bright-card search accepts a card this small (share of the image): a passport at 25 % of the width. */
const MIN_CARD_AREA = 0.03;

/**
 * A document as the brightest blob of the image: a small light card on a darker, busy background
 * (a checkerboard, a patterned cloth), whose outline edges merge with the pattern's so that
 * `findDocument` sees one contour for everything. Only used when nothing else found an MRZ.
 */
export function findBrightCard(cv: CV, grey: Mat): [Point, Point, Point, Point] | null {
  return withScope((scope) => {
    const { mat: small, scale } = downscaled(cv, grey, DETECT_EDGE, scope);
    const blurred = scope.track(new cv.Mat());
    cv.GaussianBlur(small, blurred, new cv.Size(5, 5), 0);
    const mask = scope.track(new cv.Mat());
    cv.threshold(blurred, mask, 0, 255, cv.THRESH_BINARY | cv.THRESH_OTSU);
    // Lone light squares of a pattern, and thin bridges to them, go.
    const kernel = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(5, 5)));
    cv.morphologyEx(mask, mask, cv.MORPH_OPEN, kernel);
    return largestCard(cv, mask, { minArea: MIN_CARD_AREA, minAspect: 1.1 }, scale, scope);
  });
}

/**
 * The largest outer contour of a binary image that makes a card- or page-shaped quadrilateral (at
 * least `minArea` of the image, aspect between `minAspect` and 2.1), in the full image's
 * coordinates (the binary image is `scale` times smaller).
 */
function largestCard(
  cv: CV,
  binary: Mat,
  limits: { minArea: number; minAspect: number },
  scale: number,
  scope: MatScope,
): [Point, Point, Point, Point] | null {
  const contours = scope.track(new cv.MatVector());
  const hierarchy = scope.track(new cv.Mat());
  cv.findContours(binary, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
  const imageArea = binary.cols * binary.rows;
  let best: { quad: [Point, Point, Point, Point]; area: number } | null = null;
  for (let i = 0; i < contours.size(); i++) {
    const hull = scope.track(new cv.Mat());
    cv.convexHull(scope.track(contours.get(i)), hull, false, true);
    const hullArea = cv.contourArea(hull);
    if (hullArea < limits.minArea * imageArea || hullArea > MAX_AREA * imageArea) continue;
    const quad = quadFromHull(cv, hull, scope.track(new cv.Mat()), hullArea);
    if (!quad) continue;
    const { width, height } = quadSize(quad);
    const aspect = Math.max(width, height) / Math.max(1, Math.min(width, height));
    if (aspect < limits.minAspect || aspect > 2.1) continue;
    const area = polygonArea(quad);
    if (!best || area > best.area) best = { quad, area };
  }
  if (!best) return null;
  return best.quad.map((p) => ({ x: p.x / scale, y: p.y / scale })) as [Point, Point, Point, Point];
}

function quadFromHull(cv: CV, hull: Mat, approx: Mat, hullArea: number): [Point, Point, Point, Point] | null {
  cv.approxPolyDP(hull, approx, 0.02 * cv.arcLength(hull, true), true);
  if (approx.rows === 4) {
    const d = approx.data32S;
    return orderCorners([0, 1, 2, 3].map((k) => ({ x: d[k * 2]!, y: d[k * 2 + 1]! })));
  }
  // Rounded card corners give more than four vertices: accept the hull's bounding rotated
  // rectangle when the hull fills it.
  const rect = cv.minAreaRect(hull);
  if (hullArea / Math.max(1, rect.size.width * rect.size.height) < 0.92) return null;
  return orderCorners(cv.RotatedRect.points(rect).map((p) => ({ x: p.x, y: p.y })));
}

/** Warps the quad to an upright rectangle at the resolution it had in the image. */
export function warpDocument(cv: CV, image: Mat, quad: [Point, Point, Point, Point]): Mat {
  return withScope((scope) => {
    const { width, height } = quadSize(quad);
    const w = Math.round(width);
    const h = Math.round(height);
    const src = scope.track(
      cv.matFromArray(
        4,
        1,
        cv.CV_32FC2,
        quad.flatMap((p) => [p.x, p.y]),
      ),
    );
    const dst = scope.track(cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, w - 1, 0, w - 1, h - 1, 0, h - 1]));
    const transform = scope.track(cv.getPerspectiveTransform(src, dst));
    const out = new cv.Mat();
    cv.warpPerspective(image, out, transform, new cv.Size(w, h), cv.INTER_LINEAR, cv.BORDER_REPLICATE);
    return out;
  });
}
