import { fitsClass, positionClasses } from './coerce.ts';
import { SAME_SHAPE } from './cellGrid.ts';
import { isKnownCountry } from './countryCodes.ts';
import { FORMATS, type MrzFormat } from './formats.ts';
import { implausibleCodes, interpretMrz, type MrzReading } from './readMrz.ts';
import { plausible, validShare } from './readingScore.ts';
import type { Correction, OcrLine } from './types.ts';

/**
 * The two recognisers together. The LSTM model reads a line as a sequence and is sometimes sure of
 * a wrong letter on a crop that looks clean (`A` as `M`, `L` as `T`); the glyph matcher
 * (workers/preprocess/readCells.ts) compares each fixed-pitch cell with OCR-B's glyphs and is
 * right there, but loses its way where a line is badly warped. Each says how sure it is, so a
 * character is taken from the matcher only where it is clearly surer than the model.
 */

/** One line as the glyph matcher read it: per cell, the best glyph's score and its lead. */
export interface CellLine {
  text: string;
  scores: number[];
  margins: number[];
  /** Mean best score over the line: how well the cells found the glyphs at all. */
  mean: number;
}

/** A line whose cells match this well on average was placed right. */
const MIN_LINE_MEAN = 0.8;
/** A cell this good, and this far ahead of any other glyph, is a clear reading. */
const MIN_CELL_SCORE = 0.72;
const MIN_CELL_MARGIN = 0.05;
/** The model's confidence from which the matcher needs a wider lead to overrule it. */
const MODEL_SURE = 0.97;
const MIN_MARGIN_OVER_SURE = 0.1;
/**
 * Cells either side of a character the length repair dropped or added: which one it was is a
 * guess, so the model's characters there may be a position off, however sure it was of them.
 */
const STEP_DOUBT = 3;
/** What a character taken from the matcher counts as: unsure (the form asks to check it). */
const TAKEN_CONFIDENCE = 0.8;

/**
 * Whether the matcher is worth running: a check digit fails, a country code is unknown, or the
 * model was unsure of some character it could overrule. Not on a reading that is not worth showing,
 * nor on one whose checks mostly fail and whose codes are no country's: that is a barcode's rows
 * (a licence back) more often than an MRZ.
 */
export function needsSecondReader(reading: MrzReading): boolean {
  const unknownCodes = implausibleCodes(reading);
  if (!plausible(reading) || (validShare(reading) < 0.5 && unknownCodes > 0)) return false;
  return (
    !reading.valid ||
    unknownCodes > 0 ||
    reading.charConfidences.some((line) => line.some((c) => c < MODEL_SURE))
  );
}

/**
 * The lines that hold a name and that no check digit covers (TD1's third, the first of the
 * others'): a letter misread there, however sure the model was, nothing else would catch. The
 * matcher reads them on every MRZ whose checks hold (see fuseCells for when it overrules).
 */
export function uncheckedNameLines(format: MrzFormat): number[] {
  const spec = FORMATS[format];
  const checked = new Set(spec.checks.flatMap((c) => c.covers.map((s) => s.line)));
  const named = spec.fields
    .filter((f) => f.name === 'names' || f.name === 'surname' || f.name === 'givenNames')
    .map((f) => f.line);
  return [...new Set(named)].filter((line) => !checked.has(line));
}

/** The matcher's 0-1 confidence in each cell, for reading its lines as an attempt of their own. */
export function cellConfidences(line: CellLine): number[] {
  return line.scores.map((s, i) =>
    line.mean < MIN_LINE_MEAN
      ? 0.3
      : Math.max(0, Math.min(0.95, s * Math.min(1, (line.margins[i] ?? 0) / (2 * MIN_CELL_MARGIN)))),
  );
}

/** The matcher's lines as OCR lines (a reading of their own, for the per-field vote). */
export function cellOcrLines(cells: readonly CellLine[]): OcrLine[] {
  return cells.map((line) => ({ text: line.text, confidences: cellConfidences(line) }));
}

/**
 * The model's reading with every character the matcher reads clearly differently taken from the
 * matcher (a wider lead is needed where the model was sure), each recorded as a correction the
 * user can undo. Null when the matcher's lines do not fit the reading or change nothing.
 */
export function fuseCells(
  reading: MrzReading,
  cells: readonly CellLine[],
  today?: string,
): MrzReading | null {
  if (cells.length !== reading.lines.length) return null;
  const classes = positionClasses(FORMATS[reading.format]);
  const lines = reading.lines.map((l) => [...l]);
  const confidences = reading.lines.map((l, i) => [
    ...(reading.charConfidences[i] ?? Array<number>(l.length).fill(1)),
  ]);
  const taken: Correction[] = [];
  const lengthFixes = reading.corrections.filter((c) => c.reason === 'length');
  const offStep = (li: number, i: number): boolean =>
    lengthFixes.some((c) => c.line === li && Math.abs(c.index - i) <= STEP_DOUBT);
  // A country code that is no country's was misread somewhere, however sure the model was.
  const unknownCodes = FORMATS[reading.format].fields.filter((f) => {
    const code = (reading.lines[f.line] ?? '').slice(f.start, f.end).replace(/<+$/, '');
    return (f.name === 'issuingCountry' || f.name === 'nationality') && code !== '' && !isKnownCountry(code);
  });
  const misread = (li: number, i: number): boolean =>
    unknownCodes.some((f) => f.line === li && i >= f.start && i < f.end);
  cells.forEach((cell, li) => {
    const line = lines[li]!;
    if (cell.text.length !== line.length || cell.mean < MIN_LINE_MEAN || !inStep(line, cell.text)) return;
    for (let i = 0; i < line.length; i++) {
      const read = line[i]!;
      let seen = cell.text[i]!;
      if (seen === read || SAME_SHAPE[seen] === read) continue;
      // O or 0, the matcher cannot tell: the one the position's class allows.
      const twin = SAME_SHAPE[seen];
      if (twin && !fitsClass(seen, classes[li]?.[i] ?? 'alnum')) seen = twin;
      const sure = (confidences[li]![i] ?? 1) >= MODEL_SURE && !offStep(li, i) && !misread(li, i);
      const margin = cell.margins[i] ?? 0;
      if ((cell.scores[i] ?? 0) < MIN_CELL_SCORE || margin < (sure ? MIN_MARGIN_OVER_SURE : MIN_CELL_MARGIN))
        continue;
      // A digit where the layout wants one, a letter where it wants letters: the matcher's glyph
      // must fit the position's class (the model's may not: the repair coerced it).
      if (!fitsClass(seen, classes[li]?.[i] ?? 'alnum')) continue;
      line[i] = seen;
      confidences[li]![i] = TAKEN_CONFIDENCE;
      taken.push({ line: li, index: i, from: read, to: seen, reason: 'secondReader' });
    }
  });
  if (!taken.length) return null;
  const at = (c: Correction): string => `${c.line}:${c.index}`;
  const replaced = new Set(taken.map(at));
  return interpretMrz(
    lines.map((l) => l.join('')),
    {
      today,
      corrections: [...reading.corrections.filter((c) => !replaced.has(at(c))), ...taken],
      confidences,
    },
  );
}

/**
 * Whether the matcher's cells line up with the model's characters: they agree on at least half of
 * the positions that are not fillers in both, and clearly better than with either shifted by one
 * (a grid that started a cell early or late agrees with the model one position over).
 */
function inStep(model: readonly string[], cells: string): boolean {
  const agreement = (shift: number): number => {
    let same = 0;
    let counted = 0;
    for (let i = Math.max(0, shift); i < Math.min(model.length, cells.length + shift); i++) {
      const a = model[i]!;
      const b = cells[i - shift]!;
      if (a === '<' && b === '<') continue;
      counted++;
      if (a === b || SAME_SHAPE[a] === b) same++;
    }
    return counted ? same / counted : 0;
  };
  const aligned = agreement(0);
  return aligned >= 0.5 && aligned > 2 * Math.max(agreement(1), agreement(-1));
}
