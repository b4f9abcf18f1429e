import type { CV, Mat } from '@techstark/opencv-js';
import { IDENTITY, invertAffine, type Affine } from '../../lib/geometry/affine.ts';
import type { Point } from '../../lib/geometry/quad.ts';
import { downscaled, withScope, type MatScope } from './matScope.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Candidate extends Box {
  /** Degrees, text direction relative to horizontal. */
  angle: number;
  length: number;
}

/** One MRZ line in source-image coordinates: corners TL, TR, BR, BL in reading order. */
export interface LineQuad {
  corners: [Point, Point, Point, Point];
  /** Text height in source pixels. */
  height: number;
}

export interface MrzLocation {
  /** Top to bottom as read, assuming the document is upright. */
  lines: LineQuad[];
  /** Right-angle turn (clockwise) that made the lines horizontal, before `angle`. */
  rotation: 0 | 90;
  angle: number;
  /** The band sat in the upper part of the straightened frame: the document is probably upside down. */
  upsideDown: boolean;
  score: number;
}

interface Grouped {
  lines: Box[];
  score: number;
  width: number;
}

/**
 * 30-44 fixed-pitch characters make an MRZ line at least ~25 times longer than it is high; a
 * printed value ("12 AUG 1974") is nearer 8.
 */
const MIN_MRZ_ASPECT = 15;
/**
 * 44 characters at OCR-B's pitch are ~30 times as long as high; a "line" hundreds of times longer
 * than high is an edge or a grain (its crop, scaled to text height, once came out 36,811 px wide
 * and the OCR engine refused it).
 */
const MAX_MRZ_ASPECT = 80;

/**
 * Finds the MRZ as two or three long, thin, evenly spaced text lines that start and end at the
 * same x (MRZ lines are fixed-pitch and always full length). Works on a downscaled copy, tries it
 * as is and turned 90°, estimates skew from the lines themselves and re-detects on the deskewed
 * copy; returns each line as a quadrilateral in the source image, so crops take one resampling.
 */
export interface LocateOptions {
  /** Shortest line accepted, as a share of the image width. */
  minWidthShare: number;
  /** Long side of the detection copy. */
  detectEdge: number;
  /** Also turn the copy by ±45° when the upright and quarter-turned passes find nothing (default). */
  diagonal?: boolean;
}

export function locateMrz(cv: CV, source: Mat, options: LocateOptions): MrzLocation | null {
  return withScope((scope) => {
    const { mat: small, scale: s } = downscaled(cv, source, options.detectEdge, scope);
    let best: MrzLocation | null = null;
    // A portrait image holds a landscape document on its side: try the turned copy first. Each pass
    // finds lines within ±30° of its own horizontal; only when both fail is the copy also turned by
    // ±45°, so any in-plane angle is covered and an upright document costs nothing more.
    const order: Array<[0 | 90, number]> =
      small.rows > small.cols
        ? [
            [90, 0],
            [0, 0],
          ]
        : [
            [0, 0],
            [90, 0],
          ];
    const diagonal: Array<[0 | 90, number]> =
      options.diagonal === false
        ? []
        : [
            [0, 45],
            [0, -45],
          ];
    for (const [rotation, pre] of [...order, ...diagonal]) {
      if (pre !== 0 && best) break;
      const found = withScope((inner) => {
        let turned = rotation ? rotate90(cv, small, inner) : small;
        let preMatrix: Affine = IDENTITY;
        if (pre !== 0) {
          const tilted = deskew(cv, turned, pre);
          turned = inner.track(tilted.image);
          preMatrix = tilted.matrix;
        }
        // The shortest acceptable line, in pixels: the same whatever the copy's own (grown) width.
        const minWidth = (pre === 0 ? turned.cols : Math.min(small.cols, small.rows)) * options.minWidthShare;
        const first = lineCandidates(cv, turned);
        const angle = dominantAngle(first);
        if (Math.abs(angle) < 0.4) {
          const g = group(first, minWidth);
          return g && { g, angle: pre, matrix: IDENTITY, preMatrix, height: turned.rows };
        }
        let total = angle;
        let straight = deskew(cv, turned, total);
        inner.track(straight.image);
        let candidates = lineCandidates(cv, straight.image);
        let g = group(candidates, minWidth);
        // The first angle can be a blob's of two lines merged, or of strokes broken by glare: when
        // no zone is found and what was found on the deskewed copy still leans, turn once more by
        // what is left.
        const rest = g ? 0 : dominantAngle(candidates);
        if (Math.abs(rest) >= 0.4) {
          total += rest;
          straight = deskew(cv, turned, total);
          inner.track(straight.image);
          candidates = lineCandidates(cv, straight.image);
          g = group(candidates, minWidth);
        }
        return (
          g && { g, angle: pre + total, matrix: straight.matrix, preMatrix, height: straight.image.rows }
        );
      });
      if (found && (!best || found.g.score > best.score)) {
        const toSource = (p: Point): Point => {
          const turnedPoint = invertAffine(found.preMatrix, invertAffine(found.matrix, p));
          const smallPoint = rotation ? { x: turnedPoint.y, y: small.rows - 1 - turnedPoint.x } : turnedPoint;
          return { x: smallPoint.x / s, y: smallPoint.y / s };
        };
        const lines = found.g.lines.map((b) => ({
          corners: [
            toSource({ x: b.x, y: b.y }),
            toSource({ x: b.x + b.width, y: b.y }),
            toSource({ x: b.x + b.width, y: b.y + b.height }),
            toSource({ x: b.x, y: b.y + b.height }),
          ] as LineQuad['corners'],
          height: b.height / s,
        }));
        const first = found.g.lines[0]!;
        const last = found.g.lines[found.g.lines.length - 1]!;
        const centre = (first.y + last.y + last.height) / 2;
        best = {
          lines,
          rotation,
          angle: found.angle,
          upsideDown: centre < found.height * 0.45,
          score: found.g.score,
        };
        // Lines spanning most of the image: the other pass cannot do better.
        if (found.g.width > (rotation ? small.rows : small.cols) * 0.6) break;
      }
    }
    return best;
  });
}

export function rotate90(cv: CV, image: Mat, scope: MatScope): Mat {
  const out = scope.track(new cv.Mat());
  cv.rotate(image, out, cv.ROTATE_90_CLOCKWISE);
  return out;
}

/** Rotates by `angle` degrees (OpenCV's sense) on a canvas grown to keep every corner; the caller deletes the image. */
export function deskew(cv: CV, image: Mat, angle: number): { image: Mat; matrix: Affine } {
  return withScope((scope) => {
    const radians = (Math.abs(angle) * Math.PI) / 180;
    const w = Math.round(image.cols * Math.cos(radians) + image.rows * Math.sin(radians));
    const h = Math.round(image.cols * Math.sin(radians) + image.rows * Math.cos(radians));
    const matrix = scope.track(
      cv.getRotationMatrix2D(new cv.Point(image.cols / 2, image.rows / 2), angle, 1),
    );
    // Shift so the grown canvas stays centred.
    matrix.data64F[2]! += (w - image.cols) / 2;
    matrix.data64F[5]! += (h - image.rows) / 2;
    const out = new cv.Mat();
    cv.warpAffine(image, out, matrix, new cv.Size(w, h), cv.INTER_LINEAR, cv.BORDER_REPLICATE);
    return { image: out, matrix: [...matrix.data64F.slice(0, 6)] as Affine };
  });
}

/**
 * Long thin dark-on-light text strokes merged along the line, as rotated boxes, on an image already
 * at detection size. MRZ characters are spaced wider than ordinary print, so strokes are joined at
 * two widths and both results kept.
 */
export function lineCandidates(cv: CV, grey: Mat, debug?: (mask: Mat) => void): Candidate[] {
  return withScope((scope) => {
    const blackhat = scope.track(new cv.Mat());
    cv.morphologyEx(
      grey,
      blackhat,
      cv.MORPH_BLACKHAT,
      scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(15, 7))),
    );
    const strokes = scope.track(new cv.Mat());
    cv.threshold(blackhat, strokes, 0, 255, cv.THRESH_BINARY | cv.THRESH_OTSU);
    const out: Candidate[] = [];
    for (const share of [0.012, 0.028]) {
      const mask = scope.track(new cv.Mat());
      const joinWidth = Math.max(7, Math.round(grey.cols * share));
      cv.morphologyEx(
        strokes,
        mask,
        cv.MORPH_CLOSE,
        scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(joinWidth, 1))),
      );
      cv.morphologyEx(
        mask,
        mask,
        cv.MORPH_OPEN,
        scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(3, 2))),
      );
      debug?.(mask);
      out.push(...boxes(cv, mask, scope));
    }
    return out;
  });
}

function boxes(cv: CV, mask: Mat, scope: MatScope): Candidate[] {
  const contours = scope.track(new cv.MatVector());
  const hierarchy = scope.track(new cv.Mat());
  cv.findContours(mask, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
  const out: Candidate[] = [];
  for (let i = 0; i < contours.size(); i++) {
    const contour = scope.track(contours.get(i));
    const rect = cv.minAreaRect(contour);
    const long = Math.max(rect.size.width, rect.size.height);
    const short = Math.max(1, Math.min(rect.size.width, rect.size.height));
    if (long < mask.cols * 0.12 || long / short < 7) continue;
    let angle = rect.size.width >= rect.size.height ? rect.angle : rect.angle - 90;
    while (angle > 45) angle -= 90;
    while (angle <= -45) angle += 90;
    if (Math.abs(angle) > 30) continue;
    const box = cv.boundingRect(contour);
    out.push({
      x: box.x,
      y: box.y,
      width: box.width,
      height: Math.abs(angle) < 2 ? box.height : short,
      angle,
      length: long,
    });
  }
  return out;
}

/** Length-weighted median angle of the long candidates. */
function dominantAngle(candidates: Candidate[]): number {
  const long = [...candidates].sort((a, b) => b.length - a.length).slice(0, 8);
  if (!long.length) return 0;
  const sorted = [...long].sort((a, b) => a.angle - b.angle);
  const total = sorted.reduce((s, c) => s + c.length, 0);
  let acc = 0;
  for (const c of sorted) {
    acc += c.length;
    if (acc >= total / 2) return c.angle;
  }
  return 0;
}

/** A washed-out stretch no longer than this share of the joined line is bridged. */
const MAX_GAP_SHARE = 0.2;

/**
 * Glare can wash out a stretch of a line and leave it in pieces on one row. Pieces in line (centres
 * within half a text height, heights within 1.5×, angles within 2°) with a gap under a fifth of
 * their joined length are offered joined too, beside the pieces themselves; the grouping still asks
 * for another line that starts and ends where the joined one does.
 */
function bridgeGaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.x - b.x);
  const out = [...candidates];
  for (const start of sorted) {
    let chain = start;
    for (const next of sorted) {
      const end = chain.x + chain.width;
      if (next.x <= end) continue;
      const span = next.x + next.width - chain.x;
      if (next.x - end > span * MAX_GAP_SHARE) continue;
      const inLine =
        Math.abs(next.y + next.height / 2 - (chain.y + chain.height / 2)) <
          Math.min(next.height, chain.height) / 2 &&
        Math.max(next.height, chain.height) < Math.min(next.height, chain.height) * 1.5 &&
        Math.abs(next.angle - chain.angle) < 2;
      if (!inLine) continue;
      const top = Math.min(chain.y, next.y);
      chain = {
        x: chain.x,
        y: top,
        width: span,
        height: Math.max(chain.y + chain.height, next.y + next.height) - top,
        angle: (chain.angle * chain.length + next.angle * next.length) / (chain.length + next.length),
        length: span,
      };
      out.push(chain);
    }
  }
  return out;
}

/** The best set of 2-3 aligned, equally long, evenly spaced lines. */
function group(candidates: Candidate[], minWidth: number): Grouped | null {
  const lines = bridgeGaps(candidates)
    .filter((c) => {
      const aspect = c.width / Math.max(1, c.height);
      return c.width >= minWidth && aspect >= MIN_MRZ_ASPECT && aspect <= MAX_MRZ_ASPECT;
    })
    .sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2));
  let best: Grouped | null = null;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    const members = [first];
    for (let j = i + 1; j < lines.length && members.length < 3; j++) {
      const next = lines[j]!;
      const prev = members[members.length - 1]!;
      const tolerance = Math.max(first.width * 0.035, first.height * 1.2);
      const aligned =
        Math.abs(next.x - first.x) < tolerance &&
        Math.abs(next.x + next.width - (first.x + first.width)) < tolerance;
      const similarHeight = next.height < first.height * 1.7 && first.height < next.height * 1.7;
      const gap = next.y + next.height / 2 - (prev.y + prev.height / 2);
      const spaced = gap > first.height * 1.05 && gap < first.height * 3.2;
      if (aligned && similarHeight && spaced) members.push(next);
      else if (gap > first.height * 3.2) break;
    }
    if (members.length < 2) continue;
    const width = members.reduce((s, m) => s + m.width, 0) / members.length;
    const score = members.length * width;
    if (!best || score > best.score) {
      best = {
        lines: members.map(({ x, y, width: w, height: h }) => ({ x, y, width: w, height: h })),
        score,
        width,
      };
    }
  }
  return best;
}
