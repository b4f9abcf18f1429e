import type { CV, Mat } from '@techstark/opencv-js';
import type { Affine } from '../../lib/geometry/affine.ts';
import { downscaled, withScope } from './matScope.ts';

const DETECT_EDGE = 1000;
/** A PDF417 on a licence is 3-5 times as wide as it is tall and covers a good part of the card. */
const MIN_AREA_SHARE = 0.015;

/**
 * Cuts the densest block of fine stripes (a PDF417 symbol) out of a grey image and turns it level,
 * for when the document's outline was not found: zxing reads PDF417 row by row and needs it within
 * a few degrees of level. Returns a new Mat (the caller deletes it) and the affine that cut it, or
 * null.
 */
export function straightenedBarcode(cv: CV, grey: Mat): { mat: Mat; affine: Affine } | null {
  return withScope((scope) => {
    const { mat: small, scale } = downscaled(cv, grey, DETECT_EDGE, scope);
    const gx = scope.track(new cv.Mat());
    const gy = scope.track(new cv.Mat());
    cv.Sobel(small, gx, cv.CV_32F, 1, 0, 3);
    cv.Sobel(small, gy, cv.CV_32F, 0, 1, 3);
    const magnitude = scope.track(new cv.Mat());
    cv.magnitude(gx, gy, magnitude);
    const edges = scope.track(new cv.Mat());
    magnitude.convertTo(edges, cv.CV_8U, 0.5);
    const binary = scope.track(new cv.Mat());
    cv.threshold(edges, binary, 0, 255, cv.THRESH_BINARY | cv.THRESH_OTSU);
    // Close the gaps between modules into one solid block, then drop thin text strokes.
    const close = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(9, 9)));
    cv.morphologyEx(binary, binary, cv.MORPH_CLOSE, close);
    const open = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(7, 7)));
    cv.morphologyEx(binary, binary, cv.MORPH_OPEN, open);
    const contours = scope.track(new cv.MatVector());
    const hierarchy = scope.track(new cv.Mat());
    cv.findContours(binary, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    let best: { rect: ReturnType<typeof cv.minAreaRect>; area: number } | null = null;
    for (let i = 0; i < contours.size(); i++) {
      const contour = scope.track(contours.get(i));
      const area = cv.contourArea(contour);
      if (area < MIN_AREA_SHARE * small.cols * small.rows) continue;
      const rect = cv.minAreaRect(contour);
      const long = Math.max(rect.size.width, rect.size.height);
      const short = Math.min(rect.size.width, rect.size.height);
      const aspect = long / Math.max(1, short);
      // Solid (the block fills its rectangle) and barcode-shaped.
      if (aspect < 1.8 || aspect > 8 || area < 0.7 * long * short) continue;
      if (!best || area > best.area) best = { rect, area };
    }
    if (!best) return null;
    const { rect } = best;
    // Level the long side, at full resolution, with a quiet-zone margin.
    const angle = rect.size.width >= rect.size.height ? rect.angle : rect.angle - 90;
    const width = (Math.max(rect.size.width, rect.size.height) / scale) * 1.12;
    const height = (Math.min(rect.size.width, rect.size.height) / scale) * 1.35;
    const centre = new cv.Point(rect.center.x / scale, rect.center.y / scale);
    const rotation = scope.track(cv.getRotationMatrix2D(centre, angle, 1));
    // Shift so the rectangle's centre lands in the middle of the output.
    const m = rotation.data64F;
    m[2]! += width / 2 - centre.x;
    m[5]! += height / 2 - centre.y;
    const out = scope.track(new cv.Mat());
    cv.warpAffine(
      grey,
      out,
      rotation,
      new cv.Size(Math.round(width), Math.round(height)),
      cv.INTER_LINEAR,
      cv.BORDER_REPLICATE,
    );
    // The affine maps the source to the cut: invertAffine takes the barcode's corners back.
    return { mat: scope.release(out), affine: [...m] as Affine };
  });
}
