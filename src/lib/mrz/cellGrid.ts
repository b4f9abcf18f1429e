/**
 * The per-character MRZ reader's alignment: an MRZ line is fixed-pitch, so its characters sit in N
 * cells one pitch apart. Given, for every column x of a line image, how well each glyph template
 * matches a cell starting there, this finds the N cell positions (each step one pitch, give or take
 * what a slightly uneven warp leaves) that match best overall, and reads each cell.
 */

export interface CellScores {
  /** Glyphs in the order of `scores`. */
  charset: string;
  /** scores[g][x]: the match of glyph g with a cell starting at column x (−1…1). */
  scores: readonly Float32Array[];
  /** Pitch in columns. */
  pitch: number;
}

export interface CellReading {
  text: string;
  /** Per cell: the best glyph's score. */
  scores: number[];
  /** Per cell: the best glyph's score minus the best other glyph's (how clear-cut the cell is). */
  margins: number[];
  /** Where each cell starts, in columns. */
  starts: number[];
  /** Mean best score over the cells. */
  mean: number;
}

/** How far a cell may sit off the regular grid, in pitches: a residual perspective, rounding. */
const JITTER = 0.15;
/** Pitch change from the first cell to the last (perspective the warp left). */
const BENDS = [-0.12, -0.08, -0.04, 0, 0.04, 0.08, 0.12];

/**
 * The best placement of `count` cells, read: a regular grid (first cell, pitch within
 * `pitchRange`) whose cells may each sit a little off it, scored by the best glyph at each cell.
 * Null when the line cannot hold that many cells.
 */
export function readCellGrid(
  input: CellScores,
  count: number,
  pitchRange: readonly [number, number] = [input.pitch * 0.9, input.pitch * 1.1],
): CellReading | null {
  const { scores, charset } = input;
  const width = scores[0]?.length ?? 0;
  if (count < 1 || width < 2) return null;
  // The best glyph per column, and the score of each column as a cell.
  const best = new Float32Array(width);
  const bestGlyph = new Int16Array(width);
  for (let x = 0; x < width; x++) {
    let top = -Infinity;
    let glyph = 0;
    for (let g = 0; g < scores.length; g++) {
      const s = scores[g]![x]!;
      if (s > top) {
        top = s;
        glyph = g;
      }
    }
    best[x] = top;
    bestGlyph[x] = glyph;
  }
  // A cell may sit `jitter` columns off the grid: the best score within reach of each column.
  const within = (jitter: number): Float32Array => {
    const out = new Float32Array(width);
    for (let x = 0; x < width; x++) {
      let top = -Infinity;
      for (let k = Math.max(0, x - jitter); k <= Math.min(width - 1, x + jitter); k++)
        if (best[k]! > top) top = best[k]!;
      out[x] = top;
    }
    return out;
  };
  const reach = new Map<number, Float32Array>();
  let grid: { total: number; x0: number; pitch: number; bend: number; jitter: number } | null = null;
  for (let pitch = pitchRange[0]; pitch <= pitchRange[1]; pitch += 0.2) {
    const jitter = Math.max(1, Math.round(pitch * JITTER));
    if (!reach.has(jitter)) reach.set(jitter, within(jitter));
    const near = reach.get(jitter)!;
    for (const bend of BENDS) {
      const span = (count - 1) * pitch * (1 + Math.max(0, bend));
      for (let x0 = 0; x0 <= width - 1 - span; x0++) {
        let total = 0;
        for (let i = 0; i < count; i++) total += near[Math.round(x0 + i * pitch * (1 + (bend * i) / count))]!;
        if (!grid || total > grid.total) grid = { total, x0, pitch, bend, jitter };
      }
    }
  }
  if (!grid) return null;
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    const centre = Math.round(grid.x0 + i * grid.pitch * (1 + (grid.bend * i) / count));
    let top = -Infinity;
    let at = centre;
    for (let x = Math.max(0, centre - grid.jitter); x <= Math.min(width - 1, centre + grid.jitter); x++)
      if (best[x]! > top) {
        top = best[x]!;
        at = x;
      }
    starts.push(at);
  }
  const reading: CellReading = { text: '', scores: [], margins: [], starts, mean: 0 };
  for (const x of starts) {
    const glyph = bestGlyph[x]!;
    // The lead is over the best other glyph of another shape: O and 0 are one shape in OCR-B, and
    // which of them a cell is, the position's class says (fuseCells).
    const shape = SAME_SHAPE[charset[glyph]!];
    const twin = shape ? charset.indexOf(shape) : -1;
    let second = -Infinity;
    for (let g = 0; g < scores.length; g++)
      if (g !== glyph && g !== twin) second = Math.max(second, scores[g]![x]!);
    reading.text += charset[glyph];
    reading.scores.push(best[x]!);
    reading.margins.push(best[x]! - second);
  }
  reading.mean = reading.scores.reduce((a, b) => a + b, 0) / count;
  return reading;
}

/** OCR-B glyphs the matcher cannot tell apart: the same shape. */
export const SAME_SHAPE: Readonly<Record<string, string>> = { O: '0', '0': 'O' };
