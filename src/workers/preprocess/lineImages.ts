import type { CV, Mat } from '@techstark/opencv-js';
import { distance, type Point } from '../../lib/geometry/quad.ts';
import { greyToPng } from './decode.ts';
import type { LineQuad } from './findMrzLines.ts';
import { withScope } from './matScope.ts';

/** Text height handed to OCR: what our OCR-B model was trained around. */
export const LINE_TEXT_HEIGHT = 32;

export interface LineCrop {
  pixels: Uint8Array;
  width: number;
  height: number;
}

const along = (from: Point, to: Point, length: number): Point => {
  const d = Math.max(1e-6, distance(from, to));
  return { x: ((to.x - from.x) / d) * length, y: ((to.y - from.y) / d) * length };
};

/**
 * Cuts each MRZ line straight out of the source with one affine warp (rotation, skew and scale in
 * a single resampling) at a fixed text height, with a margin, stretched contrast and optional
 * adaptive binarisation. Upside down means each line is turned and their order reversed.
 */
export function cropLines(
  cv: CV,
  source: Mat,
  lines: LineQuad[],
  options: { flip: boolean; binarise: boolean },
): LineCrop[] {
  const crops = lines.map((line) =>
    withScope((scope) => {
      const [tl, tr, , bl] = line.corners;
      // A thin first "I" can fall outside the detected box (it sits far from its neighbour), and the
      // model drops a glyph that touches the border: keep a character pitch (~1.1 text heights)
      // plus the margin the model was trained with.
      const u = along(tl, tr, line.height * 1.8);
      const v = along(tl, bl, line.height * 0.3);
      const a = { x: tl.x - u.x - v.x, y: tl.y - u.y - v.y };
      const b = { x: tr.x + u.x - v.x, y: tr.y + u.y - v.y };
      const c = { x: bl.x - u.x + v.x, y: bl.y - u.y + v.y };
      const factor = LINE_TEXT_HEIGHT / Math.max(1, line.height);
      const width = Math.max(8, Math.round(distance(a, b) * factor));
      const height = Math.max(8, Math.round(distance(a, c) * factor));
      // Shrinking a lot in one linear warp aliases thin strokes: warp at twice the size, then average down.
      const oversample = factor < 0.6 ? 2 : 1;
      const src = scope.track(cv.matFromArray(3, 1, cv.CV_32FC2, [a.x, a.y, b.x, b.y, c.x, c.y]));
      const target = options.flip
        ? [
            width * oversample - 1,
            height * oversample - 1,
            0,
            height * oversample - 1,
            width * oversample - 1,
            0,
          ]
        : [0, 0, width * oversample - 1, 0, 0, height * oversample - 1];
      const dst = scope.track(cv.matFromArray(3, 1, cv.CV_32FC2, target));
      const matrix = scope.track(cv.getAffineTransform(src, dst));
      const out = scope.track(new cv.Mat());
      cv.warpAffine(
        source,
        out,
        matrix,
        new cv.Size(width * oversample, height * oversample),
        cv.INTER_LINEAR,
        cv.BORDER_REPLICATE,
      );
      if (oversample > 1) cv.resize(out, out, new cv.Size(width, height), 0, 0, cv.INTER_AREA);
      cv.normalize(out, out, 0, 255, cv.NORM_MINMAX, cv.CV_8U);
      if (options.binarise) {
        cv.adaptiveThreshold(
          out,
          out,
          255,
          cv.ADAPTIVE_THRESH_GAUSSIAN_C,
          cv.THRESH_BINARY,
          2 * LINE_TEXT_HEIGHT + 1,
          12,
        );
      }
      return { pixels: new Uint8Array(out.data), width: out.cols, height: out.rows };
    }),
  );
  return options.flip ? crops.reverse() : crops;
}

export function cropsToPng(crops: LineCrop[]): Promise<Blob[]> {
  return Promise.all(crops.map((c) => greyToPng(c.pixels, c.width, c.height)));
}
