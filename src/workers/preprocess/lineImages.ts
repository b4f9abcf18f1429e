import type { CV, Mat } from '@techstark/opencv-js';
import { invertAffine, type Affine } from '../../lib/geometry/affine.ts';
import { distance, type Point } from '../../lib/geometry/quad.ts';
import { greyToPng } from './decode.ts';
import type { LineQuad } from './findMrzLines.ts';
import { withScope, type MatScope } from './matScope.ts';
import { BAND_RATIO, textBand, type TextBand } from './textBand.ts';

/** Text height handed to OCR: what our OCR-B model was trained around. */
export const LINE_TEXT_HEIGHT = 32;

export interface LineCrop {
  pixels: Uint8Array;
  width: number;
  height: number;
  /** Share of the line's pixels blown out to white (≥ 250) before contrast stretching: glare. */
  glare: number;
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
      const v = along(tl, bl, line.height * MARGIN);
      let frame: Frame = {
        a: { x: tl.x - u.x - v.x, y: tl.y - u.y - v.y },
        b: { x: tr.x + u.x - v.x, y: tr.y + u.y - v.y },
        c: { x: bl.x - u.x + v.x, y: bl.y - u.y + v.y },
        textHeight: line.height,
      };
      let cut = cutFrame(cv, source, frame, options.flip, 0, scope);
      // The detected box is only as good as the detection copy: under perspective or next to another
      // line its height is off, and the model wants the text at a steady share of the crop. Measure
      // where the text really runs on this first cut and cut again around it.
      const band = textBand(cv, cut.image, cut.scale * frame.textHeight);
      if (band) {
        frame = refineFrame(cut.matrix, band, cut.image.cols, options.flip);
        cut = cutFrame(cv, source, frame, options.flip, 0, scope);
      }
      // Perspective slants the characters (a document photographed at an angle): measure the slant
      // on this cut and cut again from the source with it undone, still one resampling.
      const shear = estimateShear(cv, cut.image);
      if (shear !== 0) cut = cutFrame(cv, source, frame, options.flip, shear, scope);
      const out = cut.image;
      if (cut.oversample > 1) {
        cv.resize(out, out, new cv.Size(cut.width, cut.height), 0, 0, cv.INTER_AREA);
      }
      const blown = scope.track(new cv.Mat());
      cv.threshold(out, blown, 249, 255, cv.THRESH_BINARY);
      const glare = cv.countNonZero(blown) / Math.max(1, out.rows * out.cols);
      cv.normalize(out, out, 0, 255, cv.NORM_MINMAX, cv.CV_8U);
      if (options.binarise) binariseLine(cv, out);
      return { pixels: new Uint8Array(out.data), width: out.cols, height: out.rows, glare };
    }),
  );
  return options.flip ? crops.reverse() : crops;
}

/** Margin above and below the text, in text heights. */
const MARGIN = 0.3;

/**
 * A line's crop in source coordinates: where its top-left, top-right and bottom-left corners fall
 * (margins included), and the text height there.
 */
interface Frame {
  a: Point;
  b: Point;
  c: Point;
  textHeight: number;
}

interface Cut {
  image: Mat;
  /** Source → cut. */
  matrix: Affine;
  /** Cut pixels per source pixel. */
  scale: number;
  oversample: number;
  /** Final size, after any oversampling is averaged down. */
  width: number;
  height: number;
}

/** Warps one frame out of the source at the model's text height, sheared by `shear` (x per row). */
function cutFrame(cv: CV, source: Mat, f: Frame, flip: boolean, shear: number, scope: MatScope): Cut {
  const factor = LINE_TEXT_HEIGHT / Math.max(1, f.textHeight);
  const width = Math.max(8, Math.round(distance(f.a, f.b) * factor));
  const height = Math.max(8, Math.round(distance(f.a, f.c) * factor));
  // Shrinking a lot in one linear warp aliases thin strokes: warp at twice the size, then average down.
  const oversample = factor < 0.6 ? 2 : 1;
  const w = width * oversample;
  const h = height * oversample;
  const src = scope.track(cv.matFromArray(3, 1, cv.CV_32FC2, [f.a.x, f.a.y, f.b.x, f.b.y, f.c.x, f.c.y]));
  const target = flip ? [w - 1, h - 1, 0, h - 1, w - 1, 0] : [0, 0, w - 1, 0, 0, h - 1];
  const dst = scope.track(cv.matFromArray(3, 1, cv.CV_32FC2, target));
  const m = [...scope.track(cv.getAffineTransform(src, dst)).data64F.slice(0, 6)] as Affine;
  // [1 k -k·cy; 0 1 0] applied after the line's own transform.
  const cy = h / 2;
  const matrix: Affine = [
    m[0] + shear * m[3],
    m[1] + shear * m[4],
    m[2] + shear * m[5] - shear * cy,
    m[3],
    m[4],
    m[5],
  ];
  const image = scope.track(new cv.Mat());
  const composed = scope.track(cv.matFromArray(2, 3, cv.CV_64F, matrix));
  cv.warpAffine(source, image, composed, new cv.Size(w, h), cv.INTER_LINEAR, cv.BORDER_REPLICATE);
  return { image, matrix, scale: factor * oversample, oversample, width, height };
}

/**
 * The frame around a measured band, mapped back to the source through the cut's transform. A
 * flipped cut shows the frame turned half a turn: its bottom-right corner is the frame's top-left.
 */
function refineFrame(matrix: Affine, band: TextBand, cols: number, flipped: boolean): Frame {
  const norm = Math.hypot(1, band.slope);
  // Unit vectors along the text and down across it, in cut pixels.
  const along = { x: 1 / norm, y: band.slope / norm };
  const down = { x: -band.slope / norm, y: 1 / norm };
  const half = (band.height / BAND_RATIO) * (0.5 + MARGIN);
  const left = { x: 0, y: band.centre };
  const right = { x: cols - 1, y: band.centre + band.slope * (cols - 1) };
  const length = distance(left, right);
  const tl = { x: left.x - down.x * half, y: left.y - down.y * half };
  const tr = { x: tl.x + along.x * length, y: tl.y + along.y * length };
  const bl = { x: left.x + down.x * half, y: left.y + down.y * half };
  const br = { x: bl.x + along.x * length, y: bl.y + along.y * length };
  const [a, b, c] = (flipped ? [br, bl, tr] : [tl, tr, bl]).map((p) => invertAffine(matrix, p)) as [
    Point,
    Point,
    Point,
  ];
  return { a, b, c, textHeight: distance(a, c) / (1 + 2 * MARGIN) };
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

/** The second chance's binarisation of a line crop (in place): a threshold local to each glyph. */
export function binariseLine(cv: CV, grey: Mat): void {
  cv.adaptiveThreshold(
    grey,
    grey,
    255,
    cv.ADAPTIVE_THRESH_GAUSSIAN_C,
    cv.THRESH_BINARY,
    2 * LINE_TEXT_HEIGHT + 1,
    12,
  );
}

/** A binarised copy of a grey line cut: what `cropLines` with `binarise` makes of the same line. */
export function binarisedCopy(cv: CV, crop: LineCrop): LineCrop {
  return withScope((scope) => {
    const grey = scope.track(cv.matFromArray(crop.height, crop.width, cv.CV_8UC1, crop.pixels));
    binariseLine(cv, grey);
    return { ...crop, pixels: new Uint8Array(grey.data) };
  });
}

export function cropsToPng(crops: LineCrop[]): Promise<Blob[]> {
  return Promise.all(crops.map((c) => greyToPng(c.pixels, c.width, c.height)));
}

/**
 * Where the characters run in a line image: the first and last columns with ink (dark pixels in a
 * quarter of the rows or more), for showing which characters a field was read from.
 */
export function inkSpan(crop: LineCrop): { left: number; right: number } {
  const { pixels, width, height } = crop;
  const inked = (x: number): boolean => {
    let dark = 0;
    for (let y = 0; y < height; y++) if (pixels[y * width + x]! < 128) dark++;
    return dark >= 2 && dark < height * 0.9;
  };
  let left = 0;
  while (left < width - 1 && !inked(left)) left++;
  let right = width - 1;
  while (right > left && !inked(right)) right--;
  return { left, right: right + 1 };
}
