import type { CV, Mat } from '@techstark/opencv-js';
import { readCellGrid, type CellReading } from '../../lib/mrz/cellGrid.ts';
import type { CellLine } from '../../lib/mrz/fuseCells.ts';
import glyphData from './ocrbGlyphs.json';
import { copyOf, withScope } from './matScope.ts';

/**
 * The per-character MRZ reader: every cell of a fixed-pitch MRZ line matched against OCR-B glyph
 * templates (scripts/train-ocrb/buildGlyphs.ts) by normalised cross-correlation, the cells placed
 * by `readCellGrid`. A second recogniser beside the LSTM model: it sees each glyph's whole shape
 * at the pitch ICAO fixes, where the LSTM reads a sequence.
 */

interface Glyphs {
  charset: string;
  width: number;
  height: number;
  capHeight: number;
  pixels: Uint8Array[];
}

let glyphs: Glyphs | null = null;

function loadGlyphs(): Glyphs {
  if (glyphs) return glyphs;
  const entries = Object.entries(glyphData.glyphs);
  glyphs = {
    charset: entries.map(([c]) => c).join(''),
    width: glyphData.width,
    height: glyphData.height,
    capHeight: glyphData.capHeight,
    pixels: entries.map(([, b64]) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))),
  };
  return glyphs;
}

/** Rows inked less than this share of the most inked row are the gap between lines. */
const GAP_SHARE = 0.08;

/** Cap heights tried, as shares of the ink band's height (blur widens the band a little). */
const CAP_SHARES = [0.9, 1];

/** Where the ink runs in a line image: its rows (text band) and columns (first to last glyph). */
function inkExtent(cv: CV, line: Mat): { top: number; bottom: number; left: number; right: number } | null {
  return withScope((scope) => {
    const mask = scope.track(new cv.Mat());
    cv.threshold(line, mask, 0, 255, cv.THRESH_BINARY_INV | cv.THRESH_OTSU);
    const { rows, cols } = mask;
    const data = mask.data;
    const rowInk = new Array<number>(rows).fill(0);
    const colInk = new Array<number>(cols).fill(0);
    for (let y = 0; y < rows; y++)
      for (let x = 0; x < cols; x++)
        if (data[y * cols + x]) {
          rowInk[y]!++;
          colInk[x]!++;
        }
    const peak = Math.max(...rowInk);
    if (!peak) return null;
    let [top, bottom] = textRows(rowInk, 0.3);
    // A column is inked when it has some ink but is not dark all the way down (a shadow, an edge).
    const inked = (x: number): boolean => colInk[x]! >= 2 && colInk[x]! < rows * 0.85;
    let left = 0;
    while (left < cols - 1 && !inked(left)) left++;
    let right = cols - 1;
    while (right > left && !inked(right)) right--;
    if (bottom <= top) [top, bottom] = [0, rows - 1];
    return { top, bottom: bottom + 1, left, right: right + 1 };
  });
}

/**
 * The rows of the text: of the runs of inked rows (apart where the ink all but stops), the one that
 * holds the most ink, trimmed to the rows inked at least `share` of its own peak. A tight cut also
 * catches the edge of the line above or below (the tops of its capitals): a run of its own.
 */
export function textRows(rowInk: readonly number[], share: number): [number, number] {
  const floor = Math.max(...rowInk) * GAP_SHARE;
  let run: [number, number] = [0, rowInk.length - 1];
  let most = -1;
  for (let y = 0; y < rowInk.length;) {
    if (rowInk[y]! <= floor) {
      y++;
      continue;
    }
    let ink = 0;
    const start = y;
    while (y < rowInk.length && rowInk[y]! > floor) ink += rowInk[y++]!;
    if (ink > most) [run, most] = [[start, y - 1], ink];
  }
  const within = rowInk.slice(run[0], run[1] + 1);
  const peak = Math.max(...within);
  const top = run[0] + within.findIndex((v) => v >= peak * share);
  const bottom = run[1] - [...within].reverse().findIndex((v) => v >= peak * share);
  return [top, bottom];
}

/** Rows of a grey strip above `from` and from `to` down set to its lightest common grey. */
function blankOutside(strip: Mat, from: number, to: number): void {
  const data = strip.data;
  // The paper: the 90th percentile grey, counted (no copy sorted).
  const counts = new Uint32Array(256);
  for (const v of data) counts[v]!++;
  const rank = Math.floor(data.length * 0.9);
  let paper = 0;
  for (let seen = counts[0]!; seen <= rank;) seen += counts[++paper]!;
  const [start, end] = [Math.max(0, Math.round(from)), Math.min(strip.rows, Math.round(to))];
  for (let y = 0; y < strip.rows; y++)
    if (y < start || y >= end) data.fill(paper, y * strip.cols, (y + 1) * strip.cols);
}

/**
 * Reads one grey line image (ink dark) as `count` cells. The cap height is measured on the ink's
 * rows (two sizes tried: blur widens the band), every glyph is matched at every column, and the
 * cells are placed by `readCellGrid` at a pitch near what the ink's width says.
 */
export function readCells(cv: CV, line: Mat, count: number): CellLine | null {
  const g = loadGlyphs();
  const ink = inkExtent(cv, line);
  if (!ink) return null;
  // Lines are cut with the text ~60 % of their height; a band measured far off that caught a
  // neighbour's ink or a shadow, so it is held near what the cut intended.
  const band = Math.min(line.rows * 0.63, Math.max(line.rows * 0.47, ink.bottom - ink.top));
  // Glyphs run from the first's left edge to the last's right: a little under `count` pitches.
  const pitch = (ink.right - ink.left) / (count - 0.3);
  let best: CellReading | null = null;
  for (const share of CAP_SHARES) {
    const capHeight = band * share;
    const scale = capHeight / g.capHeight;
    const tw = Math.max(4, Math.round(g.width * scale));
    const th = Math.max(4, Math.round(g.height * scale));
    if (th > line.rows || tw * count > line.cols * 1.3) continue;
    const scores = withScope((scope) => {
      // Only the rows around the band: the templates slide along the line, hardly up and down.
      const centre = (ink.top + ink.bottom) / 2;
      const top = Math.max(0, Math.min(line.rows - th, Math.round(centre - th / 2 - band * 0.2)));
      const rows = Math.min(line.rows - top, th + Math.round(band * 0.4));
      const strip = scope.track(copyOf(cv, scope.track(line.roi(new cv.Rect(0, top, line.cols, rows)))));
      // Ink well clear of the band is another line's (a tight cut): blanked to the paper's grey.
      blankOutside(strip, ink.top - top - band * 0.15, ink.bottom - top + band * 0.15);
      const result = scope.track(new cv.Mat());
      const template = scope.track(new cv.Mat());
      return g.pixels.map((pixels) => {
        const glyph = scope.track(cv.matFromArray(g.height, g.width, cv.CV_8UC1, pixels));
        cv.resize(glyph, template, new cv.Size(tw, th), 0, 0, cv.INTER_AREA);
        cv.matchTemplate(strip, template, result, cv.TM_CCOEFF_NORMED);
        // Each column's best over the rows: the band may sit a little high or low.
        const columns = new Float32Array(result.cols).fill(-1);
        const data = result.data32F;
        for (let y = 0; y < result.rows; y++)
          for (let x = 0; x < result.cols; x++) {
            const v = data[y * result.cols + x]!;
            // A flat patch has no correlation (OpenCV gives NaN or more than 1 there).
            if (v > columns[x]! && v <= 1) columns[x] = v;
          }
        return columns;
      });
    });
    // The templates' pitch is ICAO's for this cap height; a warp can stretch a line a little across.
    const reading = readCellGrid({ charset: g.charset, scores, pitch: tw }, count, [
      Math.max(tw * 0.8, Math.min(pitch, tw) * 0.9),
      Math.min(tw * 1.25, Math.max(pitch, tw) * 1.1),
    ]);
    if (reading && (!best || reading.mean > best.mean)) best = reading;
  }
  return best && { text: best.text, scores: best.scores, margins: best.margins, mean: best.mean };
}
