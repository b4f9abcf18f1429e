/// <reference lib="webworker" />
/**
 * The document as one image for barcode decoding and full-page OCR: straightened (when its outline
 * was found), turned to landscape, and scaled so printed text is ~30 px high on an ID-1 card.
 */
import type { CV, Mat } from '@techstark/opencv-js';
import { greyToPng } from './decode.ts';
import { MatScope } from './matScope.ts';

/** Width of a straightened card for OCR: an ID-1 card at ~415 dpi, 2 mm text ~33 px high. */
export const PAGE_WIDTH = 1400;
/** Without an outline the whole frame is read, at most this long. */
const FRAME_EDGE = 2000;

/** A landscape copy (turned a quarter clockwise if taller than wide), scaled for OCR. The caller deletes it. */
export function pageMat(cv: CV, grey: Mat, straightened: boolean): Mat {
  const scope = new MatScope();
  try {
    let source = grey;
    if (straightened && grey.rows > grey.cols) {
      source = scope.track(new cv.Mat());
      cv.rotate(grey, source, cv.ROTATE_90_CLOCKWISE);
    }
    const scale = straightened
      ? PAGE_WIDTH / source.cols
      : Math.min(1, FRAME_EDGE / Math.max(source.cols, source.rows));
    const out = new cv.Mat();
    cv.resize(
      source,
      out,
      new cv.Size(Math.round(source.cols * scale), Math.round(source.rows * scale)),
      0,
      0,
      scale > 1 ? cv.INTER_CUBIC : cv.INTER_AREA,
    );
    return out;
  } finally {
    scope.dispose();
  }
}

/** Grey pixels as RGBA ImageData (what zxing reads). */
export function greyImageData(cv: CV, grey: Mat): ImageData {
  const rgba = new cv.Mat();
  try {
    cv.cvtColor(grey, rgba, cv.COLOR_GRAY2RGBA);
    return new ImageData(new Uint8ClampedArray(rgba.data), rgba.cols, rgba.rows);
  } finally {
    rgba.delete();
  }
}

export const pagePng = (grey: Mat): Promise<Blob> =>
  greyToPng(new Uint8Array(grey.data), grey.cols, grey.rows);

/**
 * Points of a straightened document (warped from `quad` to a w×h rectangle by warpDocument) back in
 * the image the quad was found in.
 */
export function unwarpPoints(
  cv: CV,
  points: ReadonlyArray<{ x: number; y: number }>,
  quad: ReadonlyArray<{ x: number; y: number }>,
  size: { width: number; height: number },
): Array<{ x: number; y: number }> {
  const scope = new MatScope();
  try {
    const { width: w, height: h } = size;
    const rect = scope.track(cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, w - 1, 0, w - 1, h - 1, 0, h - 1]));
    const corners = scope.track(
      cv.matFromArray(
        4,
        1,
        cv.CV_32FC2,
        quad.flatMap((p) => [p.x, p.y]),
      ),
    );
    const back = scope.track(cv.getPerspectiveTransform(rect, corners));
    const src = scope.track(
      cv.matFromArray(
        points.length,
        1,
        cv.CV_32FC2,
        points.flatMap((p) => [p.x, p.y]),
      ),
    );
    const dst = scope.track(new cv.Mat());
    cv.perspectiveTransform(src, dst, back);
    return points.map((_, i) => ({ x: dst.data32F[i * 2]!, y: dst.data32F[i * 2 + 1]! }));
  } finally {
    scope.dispose();
  }
}
