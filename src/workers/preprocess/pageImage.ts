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
