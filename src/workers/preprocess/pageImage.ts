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

/** How pageMat turns and scales an image: a quarter turn clockwise if a document stands, then `scale`. */
export function pageTransform(
  size: { width: number; height: number },
  straightened: boolean,
): { turned: boolean; scale: number } {
  const turned = straightened && size.height > size.width;
  const width = turned ? size.height : size.width;
  const height = turned ? size.width : size.height;
  const scale = straightened ? PAGE_WIDTH / width : Math.min(1, FRAME_EDGE / Math.max(width, height));
  return { turned, scale };
}

/** A point of pageMat's output back in the image it was made from. */
export function fromPage(
  p: { x: number; y: number },
  size: { width: number; height: number },
  straightened: boolean,
): { x: number; y: number } {
  const { turned, scale } = pageTransform(size, straightened);
  const u = p.x / scale;
  const v = p.y / scale;
  // A quarter turn clockwise took (x, y) to (height - 1 - y, x).
  return turned ? { x: v, y: size.height - 1 - u } : { x: u, y: v };
}

/** A landscape copy (turned a quarter clockwise if taller than wide), scaled for OCR. The caller deletes it. */
export function pageMat(cv: CV, grey: Mat, straightened: boolean): Mat {
  const scope = new MatScope();
  try {
    const { turned, scale } = pageTransform({ width: grey.cols, height: grey.rows }, straightened);
    let source = grey;
    if (turned) {
      source = scope.track(new cv.Mat());
      cv.rotate(grey, source, cv.ROTATE_90_CLOCKWISE);
    }
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
