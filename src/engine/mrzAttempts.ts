/**
 * The MRZ's readings and second chances, for readDocument: each reading of the zone's lines (an
 * `Attempt`), and the ways the engine reads them again when a check fails or a name may be wrong.
 */
import { cellOcrLines, fuseCells, uncheckedNameLines } from '../lib/mrz/fuseCells.ts';
import { FORMATS } from '../lib/mrz/formats.ts';
import { mergeReadings } from '../lib/mrz/mergeReadings.ts';
import { combineLines } from '../lib/mrz/combineLines.ts';
import type { OcrLine } from '../lib/mrz/types.ts';
import { implausibleCodes, readMrz, type MrzReading } from '../lib/mrz/readMrz.ts';
import { checkCounts, plausible, score, validShare } from '../lib/mrz/readingScore.ts';
import type { CellLine, LineSize, MrzLineImages, Rotation } from '../workers/preprocess.api.ts';
import type { LanguageId } from './assets.generated.ts';
import { recogniseLine } from './ocr.ts';
import { laneOf } from './pool.ts';
import type { PreprocessWorker } from './preprocess.ts';
import type { MrzAttempt, ReadOptions } from './readDocument.ts';

/** A line read short still holds this share of its layout's length: glare took its end, not more. */
const MIN_SHORT_SHARE = 0.6;

/**
 * Whether the lines look cut short, so that a wide cut may find their missing ends: the length
 * repair had to add characters to a line, or no layout fitted and the lines read alike in length,
 * short of a layout with as many lines by at most two fifths. A barcode's rows (read long, or as a
 * few characters) and clutter never pay for the wide cut. Only the readings the way up the wide
 * cut is taken count.
 */
export function readShort(all: readonly Attempt[], rotation: Rotation): boolean {
  return all.some(({ reading, attempt, rotation: way }) => {
    if (way !== rotation) return false;
    if (reading) {
      // As for the glyph matcher: checks mostly failing and codes of no country are a barcode's rows.
      if (!plausible(reading) || (validShare(reading) < 0.5 && implausibleCodes(reading) > 0)) return false;
      return reading.corrections.some((c) => c.reason === 'length' && c.to.length > c.from.length);
    }
    if (!attempt) return false;
    const lengths = attempt.raw.map((line) => line.length);
    const [shortest, longest] = [Math.min(...lengths), Math.max(...lengths)];
    return (
      longest - shortest <= 3 &&
      Object.values(FORMATS).some(
        (f) =>
          f.lineCount === lengths.length &&
          longest < f.lineLength &&
          shortest >= f.lineLength * MIN_SHORT_SHARE,
      )
    );
  });
}

/** Other documents' MRZs looked for in one photo, at most. */
const OTHER_ZONES = 2;

/**
 * Two documents in one photo, and the MRZ read first would not read (cut off, covered): the MRZ of
 * another document in the frame (worker: the first one blanked), read as it is turned and the
 * other way up, taken only when every check digit holds.
 */
export async function otherDocument(
  worker: PreprocessWorker,
  all: Attempt[],
  language: LanguageId,
  options: ReadOptions,
): Promise<Attempt | null> {
  for (let k = 0; k < OTHER_ZONES; k++) {
    for (const variant of ['other', 'flipped'] as const) {
      const images = await worker.lineVariant(variant, options.signal);
      if (!images) return null;
      const attempt = { ...(await readLines(images, variant, language, options)), relocated: true };
      all.push(attempt);
      const taken = await relocatedChances(worker, attempt, all, language, options);
      if (taken) return taken;
    }
  }
  return null;
}

/**
 * A zone found again (on the light card, on another document) and read: taken only when every
 * check digit holds. When its reading has the shape of an MRZ but fails a check, its lines get the
 * second chances the first zone's had: binarised, then the vote per line across the two readings.
 * What is taken has its name line checked by the glyph matcher (checkNames).
 */
export async function relocatedChances(
  worker: PreprocessWorker,
  found: Attempt,
  all: Attempt[],
  language: LanguageId,
  options: ReadOptions,
): Promise<Attempt | null> {
  // Taken: the name line gets the glyph matcher's look, as the first zone's does.
  const named = (taken: Attempt): Promise<Attempt> =>
    checkNames(worker, taken, taken.attempt?.variant === 'flipped', null, options);
  if (showable(found)) return named(found);
  // The worker binarises the zone's lines as it located them (not turned over).
  if (!found.reading || !plausible(found.reading) || found.attempt?.variant === 'flipped') return null;
  const images = await worker.lineVariant('binarised', options.signal);
  if (!images) return null;
  const binarised = { ...(await readLines(images, 'binarised', language, options)), relocated: true };
  all.push(binarised);
  if (showable(binarised)) return named(binarised);
  const voted = combineLines([found.ocr!, binarised.ocr!], found.reading.format, options.today);
  return voted && named({ reading: voted, rotation: found.rotation, relocated: true });
}

/** A reading fit to show as it is: every check digit holds, and it looks like an MRZ. */
export const showable = (a: Attempt): boolean => !!a.reading?.valid && plausible(a.reading);

export interface Attempt {
  reading: MrzReading | null;
  rotation: Rotation;
  /**
   * Read from lines located again (on the light card, on another document), not the first
   * analysis's: those are not shown as its lines.
   */
  relocated?: boolean;
  /** Absent on a reading merged from several attempts. */
  attempt?: MrzAttempt;
  /** What the recogniser returned per line, for the vote per line (combineLines). */
  ocr?: OcrLine[];
}

export async function readLines(
  images: MrzLineImages,
  variant: MrzAttempt['variant'],
  language: LanguageId,
  options: ReadOptions,
): Promise<Attempt> {
  const lines = await Promise.all(
    images.lines.map((image) => recogniseLine(image, language, options.signal, laneOf(options).lane)),
  );
  const reading = readMrz(lines, options.today);
  const { valid, total } = checkCounts(reading);
  return {
    reading,
    rotation: images.rotation,
    ocr: lines,
    attempt: {
      variant,
      images: images.lines,
      raw: lines.map((l) => l.text),
      validChecks: valid,
      checks: total,
    },
  };
}

/**
 * The second recogniser, glyph by glyph on the lines of the orientation that read best (`turned`:
 * the other way up from the first reading): it overrules the model's unsure characters it sees
 * clearly, and its own reading joins the vote per field by check digits. Adds its attempt to `all`.
 */
export async function secondReader(
  worker: PreprocessWorker,
  best: Attempt,
  all: Attempt[],
  turned: boolean,
  options: ReadOptions,
): Promise<Attempt> {
  const reading = best.reading!;
  const cells = await worker.readCells(
    turned,
    reading.lines.map((l) => l.length),
    options.signal,
  );
  if (!cells) return best;
  const ocr = cellOcrLines(cells);
  const own = readMrz(ocr, options.today);
  const { valid, total } = checkCounts(own);
  const shown = all.find(
    (a) =>
      a.rotation === best.rotation && a.attempt?.variant !== 'binarised' && a.attempt?.variant !== 'wide',
  );
  all.push({
    reading: own,
    rotation: best.rotation,
    ocr,
    attempt: {
      variant: 'cells',
      images: shown?.attempt?.images ?? [],
      raw: cells.map((c) => c.text),
      validChecks: valid,
      checks: total,
    },
  });
  let chosen = best;
  const fused = fuseCells(reading, cells, options.today);
  if (fused && score(fused) >= score(reading)) chosen = { reading: fused, rotation: best.rotation };
  const merged = chosen.reading && !chosen.reading.valid ? mergeWith(chosen, all, options.today) : null;
  return merged && score(merged.reading) > score(chosen.reading) ? merged : chosen;
}

/**
 * The glyph matcher on the name lines no check digit covers (uncheckedNameLines): the model is at
 * times sure of a wrong letter there (ABERNATHY read ABERNATUY). A letter the matcher reads
 * clearly otherwise is taken as fuseCells takes any (an undoable correction, left unsure).
 */
export async function checkNames(
  worker: PreprocessWorker,
  best: Attempt,
  turned: boolean,
  early: { cells: CellLine[]; counts: number[] } | null,
  options: ReadOptions,
): Promise<Attempt> {
  const reading = best.reading!;
  // A code of no country (a zone found again gets no second reader): every line is looked at.
  const every = implausibleCodes(reading) > 0;
  const names = uncheckedNameLines(reading.format);
  if (!names.length && !every) return best;
  const counts = reading.lines.map((l, i) => (every || names.includes(i) ? l.length : 0));
  const cells =
    early && early.counts.join() === counts.join()
      ? early.cells
      : await worker.readCells(turned, counts, options.signal);
  const fused = cells && fuseCells(reading, cells, options.today);
  return fused?.valid ? { ...best, reading: fused } : best;
}

/** Width of an OCR-B character cell as a share of the line image's height (the crop's fixed scale). */
const CELL_SHARE = 0.62;

/**
 * Cells per line for the name line alone, guessed before any reading from the zone's shape: three
 * lines are a TD1 (the name third, 30 cells); two are 36 or 44 characters long, told by the longest
 * inked span. Null for a zone of any other shape.
 */
export function guessNameCounts(sizes: LineSize[] | undefined): number[] | null {
  if (sizes?.length === 3) return [0, 0, 30];
  if (sizes?.length !== 2) return null;
  const cells = Math.max(...sizes.map((s) => (s.right - s.left) / (s.height * CELL_SHARE)));
  return [cells > 40 ? 44 : 36, 0];
}

export function mergeWith(best: Attempt, all: Attempt[], today: string | undefined): Attempt | null {
  if (!best.reading) return null;
  const donors = all
    .filter((r) => r.rotation === best.rotation && r.reading && plausible(r.reading))
    .map((r) => r.reading!);
  const merged = mergeReadings(best.reading, donors, today);
  return merged && { reading: merged, rotation: best.rotation };
}
