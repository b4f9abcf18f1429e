import type { CV, Mat } from '@techstark/opencv-js';
import { invertAffine, type Affine } from '../../lib/geometry/affine.ts';
import { distance, type Point } from '../../lib/geometry/quad.ts';
import { greyToPng } from './decode.ts';
import type { LineQuad } from './findMrzLines.ts';
import { withScope, type MatScope } from './matScope.ts';
import { BAND_RATIO, measureBand, textBand, type TextBand } from './textBand.ts';

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
 * Cuts each MRZ line straight out of the source at a fixed text height, with a margin, stretched
 * contrast and optional adaptive binarisation, in one resampling: an affine warp per line
 * (rotation, skew and scale), or, when the lines' ends show the document was photographed at an
 * angle, one perspective for the whole zone. Upside down means each line is turned and their order
 * reversed.
 */
export function cropLines(
  cv: CV,
  source: Mat,
  lines: LineQuad[],
  options: { flip: boolean; binarise: boolean; wide?: boolean },
): LineCrop[] {
  // Only the first and last lines' ink ends place the zone (perspectiveZone).
  const measured = lines.map((line, i) =>
    withScope((scope) =>
      measureLine(cv, source, line, options.flip, i === 0 || i === lines.length - 1, scope),
    ),
  );
  // From here on, reading order: a turned zone's last line is read first.
  const reading = options.flip ? measured.reverse() : measured;
  const zone = perspectiveZone(cv, reading);
  const margin = options.wide ? WIDE_MARGIN : END_MARGIN;
  return reading.map(({ frame }, k) =>
    withScope((scope) => {
      const cutAt = (shear: number): Warped =>
        zone
          ? cutZoneLine(cv, source, zone, k, shear, margin, scope)
          : cutFrame(cv, source, widened(frame, margin - END_MARGIN), options.flip, shear, scope);
      let cut = cutAt(0);
      // A slant left on the characters (perspective, or a zone's edge measured a little off):
      // measure it on this cut and cut again from the source with it undone, still one resampling.
      const shear = estimateShear(cv, cut.image);
      if (shear !== 0) cut = cutAt(shear);
      const out = cut.image;
      if (cut.oversample > 1) {
        cv.resize(out, out, new cv.Size(cut.width, cut.height), 0, 0, cv.INTER_AREA);
      }
      const blown = scope.track(new cv.Mat());
      cv.threshold(out, blown, 249, 255, cv.THRESH_BINARY);
      const glare = cv.countNonZero(blown) / Math.max(1, out.rows * out.cols);
      cv.normalize(out, out, 0, 255, cv.NORM_MINMAX, cv.CV_8U);
      // The wide cut's far ends can be much darker or lighter than its middle (glare, shadow,
      // clutter): its light is levelled along the line.
      if (options.wide) levelLine(cv, out);
      if (options.binarise) binariseLine(cv, out);
      return { pixels: new Uint8Array(out.data), width: out.cols, height: out.rows, glare };
    }),
  );
}

/** A line's frame, refined to where its text runs, and (when asked) the ends of its ink in the source. */
interface MeasuredLine {
  frame: Frame;
  ends: { left: Point; right: Point } | null;
  /** The detector's length of the line, in source pixels. */
  length: number;
}

function measureLine(
  cv: CV,
  source: Mat,
  line: LineQuad,
  flip: boolean,
  withEnds: boolean,
  scope: MatScope,
): MeasuredLine {
  const [tl, tr, , bl] = line.corners;
  // A thin first "I" can fall outside the detected box (it sits far from its neighbour), and the
  // model drops a glyph that touches the border: keep a character pitch (~1.1 text heights)
  // plus the margin the model was trained with.
  const u = along(tl, tr, line.height * END_MARGIN);
  const v = along(tl, bl, line.height * MARGIN);
  let frame: Frame = {
    a: { x: tl.x - u.x - v.x, y: tl.y - u.y - v.y },
    b: { x: tr.x + u.x - v.x, y: tr.y + u.y - v.y },
    c: { x: bl.x - u.x + v.x, y: bl.y - u.y + v.y },
    textHeight: line.height,
  };
  let cut = cutFrame(cv, source, frame, flip, 0, scope);
  // The detected box is only as good as the detection copy: under perspective or next to another
  // line its height is off, and the model wants the text at a steady share of the crop. Measure
  // where the text really runs on this first cut and cut again around it.
  const band = textBand(cv, cut.image, cut.scale * frame.textHeight);
  if (band) {
    frame = refineFrame(cut.matrix, band, cut.image.cols, flip);
    cut = cutFrame(cv, source, frame, flip, 0, scope);
  }
  return { frame, ends: withEnds ? inkEnds(cv, cut) : null, length: distance(tl, tr) };
}

/** Text heights of margin kept beyond each end of a line. */
const END_MARGIN = 1.8;
/**
 * Text heights kept beyond each end in the wide cut, the last second chance: glare or a shadow can
 * wash out a line's first or last characters so that neither the detector nor the ink scan sees
 * them, and the line is cut short. Five or so characters each way; the repair drops what the
 * model reads of the background beyond the line.
 */
const WIDE_MARGIN = 6;

/**
 * Where a line's characters start and end on its centre line, in source coordinates (reading
 * order: a turned cut is already the right way up). The characters are the longest run of inked
 * columns with no gap wider than a text height (an MRZ has no blank gaps: spaces are fillers), so
 * clutter beyond the line's ends is left out. Null when the band cannot be measured.
 */
function inkEnds(cv: CV, cut: Cut): MeasuredLine['ends'] {
  const band = measureBand(cv, cut.image);
  if (!band) return null;
  return withScope((scope) => {
    const ink = scope.track(new cv.Mat());
    cv.threshold(cut.image, ink, 0, 1, cv.THRESH_BINARY_INV | cv.THRESH_OTSU);
    const { rows, cols } = cut.image;
    const data = ink.data;
    const half = band.height / 2;
    const centreAt = (x: number): number => band.centre + band.slope * x;
    const inked = (x: number): boolean => {
      const y0 = Math.max(0, Math.round(centreAt(x) - half));
      const y1 = Math.min(rows - 1, Math.round(centreAt(x) + half));
      let count = 0;
      for (let y = y0; y <= y1; y++) count += data[y * cols + x]!;
      return count >= Math.max(2, band.height * 0.1);
    };
    let best: [number, number] | null = null;
    let runStart = -1;
    let lastInk = -1;
    const close = (): void => {
      if (runStart >= 0 && (!best || lastInk - runStart > best[1] - best[0])) best = [runStart, lastInk];
    };
    for (let x = 0; x < cols; x++) {
      if (!inked(x)) continue;
      if (runStart < 0 || x - lastInk > band.height) {
        close();
        runStart = x;
      }
      lastInk = x;
    }
    close();
    if (!best) return null;
    const [left, right] = best as [number, number];
    return {
      left: invertAffine(cut.matrix, { x: left, y: centreAt(left) }),
      right: invertAffine(cut.matrix, { x: right + 1, y: centreAt(right + 1) }),
    };
  });
}

/** The MRZ as a rectangle of the document seen in perspective, mapped to the source. */
interface Zone {
  /** Zone → source, 3×3 row by row; zone units are output pixels at the model's text height. */
  homography: number[];
  width: number;
  /** From the first line's centre to the last one's. */
  depth: number;
  /** Output pixels per source pixel, about the zone's middle. */
  scale: number;
  lines: number;
}

/** Below this ratio of the zone's height at its two ends, perspective is left to the per-line cut. */
const PERSPECTIVE_RATIO = 1.06;
/** How closely the first and last lines' ink lengths agree with each other and with detection. */
const ENDS_AGREE = 0.04;

/**
 * The zone from where its first and last lines' characters start and end (MRZ lines all start and
 * end at the same place, fillers included). Null unless the zone is clearly nearer the camera at
 * one end (its height differs by over 6 % from left to right), or when the ends look wrong (lines
 * of different lengths, or shorter than detected): then the per-line cut is used, as it is for an
 * upright or straightened zone.
 */
function perspectiveZone(cv: CV, lines: MeasuredLine[]): Zone | null {
  const first = lines[0]?.ends;
  const last = lines[lines.length - 1]?.ends;
  if (lines.length < 2 || !first || !last) return null;
  const left = distance(first.left, last.left);
  const right = distance(first.right, last.right);
  const top = distance(first.left, first.right);
  const bottom = distance(last.left, last.right);
  const ratio = right / Math.max(1e-6, left);
  // Lines of different lengths, or shorter than detected: an end was not found where it is
  // (clutter; glare that washed out the line's last fillers). Real ends agree to a per cent or two
  // (the hard photos: within 1.3 % of each other and 0.3 % of the detected length); a few glyphs
  // washed out at one end tilt the zone's side and would slant every line of the cut.
  if (Math.abs(top / Math.max(1e-6, bottom) - 1) > ENDS_AGREE) return null;
  const detected = (line: MeasuredLine, ink: number): boolean => ink >= line.length * (1 - ENDS_AGREE);
  if (!detected(lines[0]!, top) || !detected(lines[lines.length - 1]!, bottom)) return null;
  if (Math.max(ratio, 1 / ratio) < PERSPECTIVE_RATIO || Math.max(ratio, 1 / ratio) > 1.6) return null;
  const textHeight = lines.reduce((sum, l) => sum + l.frame.textHeight, 0) / lines.length;
  const scale = LINE_TEXT_HEIGHT / textHeight;
  const width = ((top + bottom) / 2) * scale;
  const depth = ((left + right) / 2) * scale;
  return withScope((scope) => {
    const from = scope.track(cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, width, 0, width, depth, 0, depth]));
    const to = [first.left, first.right, last.right, last.left].flatMap((p) => [p.x, p.y]);
    const target = scope.track(cv.matFromArray(4, 1, cv.CV_32FC2, to));
    const h = scope.track(cv.getPerspectiveTransform(from, target));
    return { homography: [...h.data64F], width, depth, scale, lines: lines.length };
  });
}

/** Line `k` of a zone, at the model's text height, sheared by `shear` (x per row), in one warp. */
function cutZoneLine(
  cv: CV,
  source: Mat,
  zone: Zone,
  k: number,
  shear: number,
  margin: number,
  scope: MatScope,
): Warped {
  const width = Math.round(zone.width + 2 * margin * LINE_TEXT_HEIGHT);
  const height = Math.round(LINE_TEXT_HEIGHT * (1 + 2 * MARGIN));
  const oversample = zone.scale < 0.6 ? 2 : 1;
  const o = 1 / oversample;
  const cy = height / 2;
  const x0 = -margin * LINE_TEXT_HEIGHT;
  const y0 = (zone.depth * k) / (zone.lines - 1) - LINE_TEXT_HEIGHT * (0.5 + MARGIN);
  // Output pixel → zone: undo the oversampling, then the shear, then move to the line's place.
  const toZone = [o, -shear * o, x0 + shear * cy, 0, o, y0, 0, 0, 1];
  const matrix = scope.track(cv.matFromArray(3, 3, cv.CV_64F, multiply3(zone.homography, toZone)));
  const image = scope.track(new cv.Mat());
  cv.warpPerspective(
    source,
    image,
    matrix,
    new cv.Size(width * oversample, height * oversample),
    cv.INTER_LINEAR | cv.WARP_INVERSE_MAP,
    cv.BORDER_REPLICATE,
  );
  return { image, oversample, width, height };
}

function multiply3(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let i = 0; i < 3; i++) sum += a[r * 3 + i]! * b[i * 3 + c]!;
      out.push(sum);
    }
  }
  return out;
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

/** A line warped out of the source, possibly at twice its final size. */
interface Warped {
  image: Mat;
  oversample: number;
  /** Final size, after any oversampling is averaged down. */
  width: number;
  height: number;
}

interface Cut extends Warped {
  /** Source → cut. */
  matrix: Affine;
  /** Cut pixels per source pixel. */
  scale: number;
}

/** The frame lengthened by `extra` text heights at each end. */
function widened(f: Frame, extra: number): Frame {
  if (extra === 0) return f;
  const u = along(f.a, f.b, f.textHeight * extra);
  return {
    ...f,
    a: { x: f.a.x - u.x, y: f.a.y - u.y },
    b: { x: f.b.x + u.x, y: f.b.y + u.y },
    c: { x: f.c.x - u.x, y: f.c.y - u.y },
  };
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

/** Window over which a line's light is levelled, in text heights. */
const LEVEL_WINDOW = 2;
/** Levelling stretches a window's range at most to this share of the line's: blank ends stay blank. */
const LEVEL_FLOOR = 0.15;

/**
 * Evens out uneven light along a line (in place): glare or a shadow over a stretch leaves its text
 * faint after the whole line's contrast stretch. The grey range of every window two text heights
 * wide (its darkest ink to its paper) is stretched to the full range, smoothly along the line.
 */
function levelLine(cv: CV, grey: Mat): void {
  withScope((scope) => {
    const width = Math.round(LEVEL_WINDOW * LINE_TEXT_HEIGHT) | 1;
    const kernel = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(width, grey.rows)));
    const paper = scope.track(new cv.Mat());
    const ink = scope.track(new cv.Mat());
    cv.dilate(grey, paper, kernel);
    cv.erode(grey, ink, kernel);
    cv.blur(paper, paper, new cv.Size(width, 1));
    cv.blur(ink, ink, new cv.Size(width, 1));
    const floor = 255 * LEVEL_FLOOR;
    const g = grey.data;
    const light = paper.data;
    const dark = ink.data;
    for (let i = 0; i < g.length; i++) {
      const top = light[i]!;
      const range = Math.max(floor, top - dark[i]!);
      g[i] = Math.max(0, Math.min(255, Math.round(((g[i]! - (top - range)) / range) * 255)));
    }
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
