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
      const size = new cv.Size(width * oversample, height * oversample);
      cv.warpAffine(source, out, matrix, size, cv.INTER_LINEAR, cv.BORDER_REPLICATE);
      // Perspective slants the characters (a document photographed at an angle): measure the slant
      // on this first cut and cut again from the source with it undone, still one resampling.
      const shear = estimateShear(cv, out);
      if (shear !== 0) {
        const m = matrix.data64F;
        const cy = size.height / 2;
        // [1 k -k·cy; 0 1 0] applied after the line's own transform.
        const sheared = [
          m[0]! + shear * m[3]!,
          m[1]! + shear * m[4]!,
          m[2]! + shear * m[5]! - shear * cy,
          m[3]!,
          m[4]!,
          m[5]!,
        ];
        const composed = scope.track(cv.matFromArray(2, 3, cv.CV_64F, sheared));
        cv.warpAffine(source, out, composed, size, cv.INTER_LINEAR, cv.BORDER_REPLICATE);
      }
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

/** Shears tried, as horizontal shift per row (tan of the slant): up to about ±22°. */
const SHEARS = Array.from({ length: 17 }, (_, i) => (i - 8) * 0.05);

/**
 * The slant of a line's characters, as the shear that makes their strokes most vertical: MRZ text is
 * fixed-pitch, so upright strokes stack into sharp columns and the column sums of the ink peak
 * (their sum of squares is largest). 0 when upright or when nothing is clearly better.
 */
export function estimateShear(cv: CV, line: Mat): number {
  return withScope((scope) => {
    const ink = scope.track(new cv.Mat());
    cv.threshold(line, ink, 0, 1, cv.THRESH_BINARY_INV | cv.THRESH_OTSU);
    const cy = line.rows / 2;
    const sheared = scope.track(new cv.Mat());
    const sums = scope.track(new cv.Mat());
    let best = 0;
    let bestScore = -1;
    let uprightScore = 0;
    for (const k of SHEARS) {
      const m = scope.track(cv.matFromArray(2, 3, cv.CV_64F, [1, k, -k * cy, 0, 1, 0]));
      cv.warpAffine(ink, sheared, m, new cv.Size(line.cols, line.rows), cv.INTER_NEAREST, cv.BORDER_CONSTANT);
      // REDUCE_SUM exists at run time but is missing from the package's typings.
      cv.reduce(sheared, sums, 0, (cv as unknown as { REDUCE_SUM: number }).REDUCE_SUM, cv.CV_32S);
      let score = 0;
      for (const v of sums.data32S) score += v * v;
      if (k === 0) uprightScore = score;
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    // A few per cent is noise (JPEG, a ragged edge): only a clear slant is undone.
    return bestScore > uprightScore * 1.05 ? best : 0;
  });
}

export function cropsToPng(crops: LineCrop[]): Promise<Blob[]> {
  return Promise.all(crops.map((c) => greyToPng(c.pixels, c.width, c.height)));
}
