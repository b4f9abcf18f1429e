import { AamvaError, parseAamva, type AamvaLicence } from '../lib/aamva/parseAamva.ts';
import { cellOcrLines, fuseCells, needsSecondReader, uncheckedNameLines } from '../lib/mrz/fuseCells.ts';
import { FORMATS } from '../lib/mrz/formats.ts';
import { mergeReadings } from '../lib/mrz/mergeReadings.ts';
import { missingTd1Line } from '../lib/mrz/missingLine.ts';
import { combineLines } from '../lib/mrz/combineLines.ts';
import type { OcrLine } from '../lib/mrz/types.ts';
import type { PageText } from '../lib/text/pageText.ts';
import type { PrintedReading } from '../lib/text/printedReading.ts';
import { implausibleCodes, readMrz, type MrzReading } from '../lib/mrz/readMrz.ts';
import { checkCounts, plausible, score, standsAsRead, validShare } from '../lib/mrz/readingScore.ts';
import type {
  AnalyseResult,
  CellLine,
  ImageQuality,
  LineSize,
  LineVariant,
  MrzLineImages,
  Quad,
  Rotation,
} from '../workers/preprocess.api.ts';
import type { LanguageId } from './assets.generated.ts';
import { qualityHints } from '../lib/quality/qualityHints.ts';
import { ReaderError } from './errors.ts';
import { decodeFailure, inspectFile } from './intake.ts';
import { recogniseLine, warmUpOcr } from './ocr.ts';
import { laneOf, type Lane } from './pool.ts';
import type { PreprocessWorker } from './preprocess.ts';
import { readPage } from './readPage.ts';
import { publishTimings } from './timings.ts';

export type Stage = 'starting' | 'locating' | 'reading' | 'checking';

interface ScanBase {
  quality: ImageQuality;
  document: Quad | null;
  rotation: Rotation;
  imageSize: { width: number; height: number };
  /** Milliseconds per step, for the benchmark. */
  timings: Record<string, number>;
}

/** A passport, ID card or visa read from its MRZ. */
export interface MrzScan extends ScanBase {
  kind: 'mrz';
  reading: MrzReading;
  /** The MRZ line images that were read, their sizes and their corners in the decoded image. */
  lines?: { images: Blob[]; quads: Quad[]; sizes: LineSize[] };
  /** Every way the lines were read, in order ("What the OCR saw"): the winner is `chosen`. */
  attempts: MrzAttempt[];
  /** Which attempt's reading is shown; 'merged' when fields were voted across attempts. */
  chosen: MrzAttempt['variant'] | 'merged';
}

/** One reading of the MRZ lines: the images the OCR was given and what it returned. */
export interface MrzAttempt {
  /**
   * `cells`: the glyph matcher's reading of the chosen orientation's lines (readCells.ts);
   * `added`: a TD1's lines with the one the search missed cut in (worker.addLine).
   */
  variant: 'first' | LineVariant | 'cells' | 'added';
  images: Blob[];
  /** The engine's text per line, before any repair. */
  raw: string[];
  validChecks: number;
  checks: number;
}

/** A US or Canadian licence (or state ID) read from the PDF417 barcode on its back. */
export interface LicenceBackScan extends ScanBase {
  kind: 'licence-back';
  licence: AamvaLicence;
  /** The barcode's corners in the decoded image. */
  barcode: Quad;
}

/** The straightened document (or whole frame) the printed text was read from. */
export interface PageInfo {
  image: Blob;
  width: number;
  height: number;
  straightened: boolean;
  /** The card was upside down: `image` is the turned page, and the boxes are in it. */
  upsideDown: boolean;
}

/** A US licence front or an Indonesian e-KTP, read from its printed text. */
export interface PrintedScan extends ScanBase {
  kind: 'licence-front' | 'ektp';
  printed: PrintedReading<string>;
  page: PageInfo;
  text: PageText;
}

/** Any-text mode: the document's text with its layout. */
export interface TextScan extends ScanBase {
  kind: 'text';
  page: PageInfo;
  text: PageText;
  language: LanguageId;
}

export type ScanResult = MrzScan | LicenceBackScan | PrintedScan | TextScan;

export interface ReadOptions {
  signal?: AbortSignal;
  onStage?: (stage: Stage) => void;
  /** The OCR model for MRZ lines. */
  language?: LanguageId;
  today?: string;
  /** 'text': skip the MRZ and barcode and return the page's text (any-text mode). */
  mode?: 'auto' | 'text';
  /** The model for printed text: eng, or ind for Indonesian. */
  textLanguage?: LanguageId;
  /** The pool lane whose workers read it (engine/pool.ts); lane 0's when not given. */
  lane?: Lane;
}

/** Long edge of the working image: keeps MRZ text ≥ ~12 px for a card filling a third of a 12 MP photo. */
const MAX_WORKING_EDGE = 2400;
/** Second chances, in order, while the check digits still fail. */
const VARIANTS: LineVariant[] = ['flipped', 'binarised', 'wide'];

/**
 * Reads one image: inspect → preprocess (worker: the document, its MRZ, or else a PDF417 barcode)
 * → for an MRZ, OCR each line (tesseract worker) → repair and parse; for a barcode, the AAMVA
 * parser. If MRZ check digits fail, the same MRZ is read again another way and the reading with
 * more valid checks wins. Every failure is a ReaderError with a code.
 */
export async function readDocument(file: Blob, options: ReadOptions = {}): Promise<ScanResult> {
  const { signal, onStage } = options;
  const { worker, lane } = laneOf(options);
  const language = options.language ?? 'ocrb';
  const timings: Record<string, number> = {};
  const started = performance.now();
  const sniffed = await inspectFile(file);
  timings.inspect = Math.round(performance.now() - started);
  // Engines start once per page (instant when warm): OpenCV first, as it is needed first; the OCR
  // engine starts alongside and is ready by the time the lines are.
  onStage?.('starting');
  if (options.mode !== 'text') warmUpOcr(language, 'line', lane);
  let t = performance.now();
  await worker.release(signal);
  timings.start = Math.round(performance.now() - t);

  let analysis: AnalyseResult;
  try {
    onStage?.('locating');
    t = performance.now();
    analysis = await worker.analyse(
      file,
      { maxWorkingEdge: MAX_WORKING_EDGE, pageOnly: options.mode === 'text' },
      signal,
    );
    timings.analyse = Math.round(performance.now() - t);
  } catch (error) {
    if (error instanceof ReaderError && error.code === 'corrupt-image') throw decodeFailure(sniffed);
    throw error;
  }
  Object.assign(timings, analysis.timings);
  if (!analysis.mrz && analysis.barcode) {
    const licence = parseLicence(analysis.barcode.text);
    return licenceBack(worker, analysis, analysis.barcode, licence, timings, started);
  }
  if (!analysis.mrz && analysis.page) {
    try {
      return await readPage(analysis, analysis.page, timings, started, options);
    } catch (error) {
      // Nothing printed that we know, and the barcode reader never loaded: say that, not "no MRZ".
      if (analysis.barcodeUnavailable && error instanceof ReaderError && error.code === 'no-mrz')
        throw new ReaderError('asset-load-failed');
      throw error;
    }
  }
  if (!analysis.mrz) throw new ReaderError('no-mrz', qualityHints(analysis.quality, analysis.scale));

  onStage?.('reading');
  t = performance.now();
  // The glyph matcher reads the name line while the model reads every line (the worker is idle
  // then): the layout guessed from the zone's shape, used only if the reading agrees.
  const nameCounts = guessNameCounts(analysis.mrz.sizes);
  const earlyNames = nameCounts && worker.readCells(false, nameCounts, signal).catch(() => null);
  let best = await readLines(analysis.mrz, 'first', language, options);
  timings.ocr = Math.round(performance.now() - t);
  const all = [best];
  // A TD1 found as two lines: its third is cut where the two read say it is, once.
  let zoneGrown = false;
  const completeZone = async (from: Attempt): Promise<void> => {
    const at = !zoneGrown && from.attempt ? missingTd1Line(from.attempt.raw) : null;
    if (at === null) return;
    zoneGrown = true;
    t = performance.now();
    const images = await worker.addLine(from.rotation !== analysis.mrz!.rotation, at, signal);
    if (!images) return;
    const next = await readLines(images, 'added', language, options);
    timings['ocr-added'] = Math.round(performance.now() - t);
    all.push(next);
    if (score(next.reading) > score(best.reading)) best = next;
  };
  await completeZone(best);
  for (const variant of VARIANTS) {
    if (best.reading?.valid && implausibleCodes(best.reading) === 0) break;
    if (variant === 'wide' && !readShort(all, analysis.mrz.rotation)) break;
    t = performance.now();
    const images = await worker.lineVariant(variant, signal);
    if (!images) break;
    const next = await readLines(images, variant, language, options);
    timings[`ocr-${variant}`] = Math.round(performance.now() - t);
    // A wide cut reads past the lines' ends, where a cut-off document has only background: its
    // reading must stand as read (fillers added or a check digit searched for would fabricate
    // what is not there, and the checks would then vouch for it).
    if (variant === 'wide' && next.reading && !standsAsRead(next.reading)) next.reading = null;
    all.push(next);
    if (score(next.reading) > score(best.reading)) best = next;
    if (!best.reading?.valid) await completeZone(next);
    // Still failing: vote per field by check digits across the readings taken the same way up.
    const merged = best.reading && !best.reading.valid ? mergeWith(best, all, options.today) : null;
    if (merged && score(merged.reading) > score(best.reading)) best = merged;
  }
  // The matcher's cells are the usual cut's: not a wide reading's, whose lines run further.
  if (best.reading && needsSecondReader(best.reading) && best.attempt?.variant !== 'wide') {
    t = performance.now();
    best = await secondReader(worker, best, all, best.rotation !== analysis.mrz.rotation, options);
    timings.cells = Math.round(performance.now() - t);
  } else if (best.reading?.valid && best.attempt && !best.relocated && !zoneGrown) {
    // Every check holds: only the name, which none covers, can still be misread.
    t = performance.now();
    const turned = best.rotation !== analysis.mrz.rotation;
    const early = !turned && earlyNames && nameCounts ? await earlyNames : null;
    best = await checkNames(worker, best, turned, early && { cells: early, counts: nameCounts! }, options);
    timings.names = Math.round(performance.now() - t);
  }
  if (best.reading && !best.reading.valid) {
    // The vote per line across the readings of these lines (glare spoils a different line in each).
    const voted = combineLines(
      all
        .filter((a) => a.rotation === best.rotation && !a.relocated && a.attempt?.variant !== 'wide' && a.ocr)
        .map((a) => a.ocr!),
      best.reading.format,
      options.today,
    );
    if (voted) best = { reading: voted, rotation: best.rotation };
  }
  if (!showable(best)) {
    // What was taken for the MRZ would not read: with no outline found (the worker declines
    // otherwise), a small card on a busy background whose pattern passed for text lines. The MRZ
    // looked for on the card itself is taken only when every check digit holds.
    t = performance.now();
    const images = await worker.lineVariant('card', signal);
    if (images) {
      const onCard = { ...(await readLines(images, 'card', language, options)), relocated: true };
      all.push(onCard);
      const taken = await relocatedChances(worker, onCard, all, language, options);
      timings['ocr-card'] = Math.round(performance.now() - t);
      if (taken) best = taken;
    }
  }
  let otherBarcode = false;
  if (!showable(best)) {
    // A PDF417's rows pass for MRZ lines: when the checks still fail, a licence barcode (only one
    // that parses as such) is the better reading. Valid MRZs never load the barcode reader.
    t = performance.now();
    const barcode = await worker.findBarcode(signal);
    timings.barcode = Math.round(performance.now() - t);
    const licence = barcode && parseLicence(barcode.text);
    if (barcode && licence) return licenceBack(worker, analysis, barcode, licence, timings, started);
    otherBarcode = barcode !== null;
    // Another kind of barcode, and an "MRZ" whose check digits mostly fail: its rows were read as one.
    if (otherBarcode && best.reading && validShare(best.reading) < 0.5) {
      void worker.release().catch(() => undefined);
      throw new ReaderError('unreadable-barcode');
    }
  }
  if (!showable(best)) {
    t = performance.now();
    const other = await otherDocument(worker, all, language, options);
    timings['ocr-other'] = Math.round(performance.now() - t);
    if (other) best = other;
  }
  if (!best.reading || !plausible(best.reading)) {
    // Nothing MRZ-like was read: the "MRZ" may have been a card's printed rows (a licence front).
    const page = await worker.pageOf('document', signal);
    if (page) {
      try {
        return await readPage(analysis, page, timings, started, options);
      } catch (error) {
        if (!(error instanceof ReaderError && error.code === 'no-mrz')) throw error;
      }
    }
    void worker.release().catch(() => undefined);
    // The "MRZ" was the rows of a barcode that is not a licence's: say that.
    if (otherBarcode) throw new ReaderError('unreadable-barcode');
    throw new ReaderError('unreadable-mrz', qualityHints(analysis.quality, analysis.scale));
  }
  onStage?.('checking');
  void worker.release().catch(() => undefined);
  timings.total = Math.round(performance.now() - started);
  publishTimings(timings);
  const { quads, sizes } = analysis.mrz;
  // The line images and where they are, for the review (the first analysis's, when its turn won).
  const lines =
    quads && sizes && best.rotation === analysis.mrz.rotation && !best.relocated && !zoneGrown
      ? { images: analysis.mrz.lines, quads, sizes }
      : undefined;
  return {
    kind: 'mrz',
    reading: best.reading,
    ...(lines ? { lines } : {}),
    attempts: all.flatMap((a) => (a.attempt ? [a.attempt] : [])),
    chosen: best.attempt?.variant ?? 'merged',
    quality: analysis.quality,
    document: analysis.document,
    rotation: best.rotation,
    imageSize: { width: analysis.width, height: analysis.height },
    timings,
  };
}

/** A barcode's text as a licence, or null when it is not a licence's (or is damaged). */
function parseLicence(text: string): AamvaLicence | null {
  try {
    return parseAamva(text);
  } catch (error) {
    if (error instanceof AamvaError) return null;
    throw error;
  }
}

function licenceBack(
  worker: PreprocessWorker,
  analysis: AnalyseResult,
  barcode: NonNullable<AnalyseResult['barcode']>,
  licence: AamvaLicence | null,
  timings: Record<string, number>,
  started: number,
): LicenceBackScan {
  void worker.release().catch(() => undefined);
  if (!licence) throw new ReaderError('unreadable-barcode');
  timings.total = Math.round(performance.now() - started);
  publishTimings(timings);
  return {
    kind: 'licence-back',
    licence,
    barcode: barcode.corners,
    quality: analysis.quality,
    document: analysis.document,
    rotation: 0,
    imageSize: { width: analysis.width, height: analysis.height },
    timings,
  };
}

/** A line read short still holds this share of its layout's length: glare took its end, not more. */
const MIN_SHORT_SHARE = 0.6;

/**
 * Whether the lines look cut short, so that a wide cut may find their missing ends: the length
 * repair had to add characters to a line, or no layout fitted and the lines read alike in length,
 * short of a layout with as many lines by at most two fifths. A barcode's rows (read long, or as a
 * few characters) and clutter never pay for the wide cut. Only the readings the way up the wide
 * cut is taken count.
 */
function readShort(all: readonly Attempt[], rotation: Rotation): boolean {
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
async function otherDocument(
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
 */
async function relocatedChances(
  worker: PreprocessWorker,
  found: Attempt,
  all: Attempt[],
  language: LanguageId,
  options: ReadOptions,
): Promise<Attempt | null> {
  if (showable(found)) return found;
  // The worker binarises the zone's lines as it located them (not turned over).
  if (!found.reading || !plausible(found.reading) || found.attempt?.variant === 'flipped') return null;
  const images = await worker.lineVariant('binarised', options.signal);
  if (!images) return null;
  const binarised = { ...(await readLines(images, 'binarised', language, options)), relocated: true };
  all.push(binarised);
  if (showable(binarised)) return binarised;
  const voted = combineLines([found.ocr!, binarised.ocr!], found.reading.format, options.today);
  return voted && { reading: voted, rotation: found.rotation, relocated: true };
}

/** A reading fit to show as it is: every check digit holds, and it looks like an MRZ. */
const showable = (a: Attempt): boolean => !!a.reading?.valid && plausible(a.reading);

interface Attempt {
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

async function readLines(
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
async function secondReader(
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
async function checkNames(
  worker: PreprocessWorker,
  best: Attempt,
  turned: boolean,
  early: { cells: CellLine[]; counts: number[] } | null,
  options: ReadOptions,
): Promise<Attempt> {
  const reading = best.reading!;
  const names = uncheckedNameLines(reading.format);
  if (!names.length) return best;
  const counts = reading.lines.map((l, i) => (names.includes(i) ? l.length : 0));
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
function guessNameCounts(sizes: LineSize[] | undefined): number[] | null {
  if (sizes?.length === 3) return [0, 0, 30];
  if (sizes?.length !== 2) return null;
  const cells = Math.max(...sizes.map((s) => (s.right - s.left) / (s.height * CELL_SHARE)));
  return [cells > 40 ? 44 : 36, 0];
}

function mergeWith(best: Attempt, all: Attempt[], today: string | undefined): Attempt | null {
  if (!best.reading) return null;
  const donors = all
    .filter((r) => r.rotation === best.rotation && r.reading && plausible(r.reading))
    .map((r) => r.reading!);
  const merged = mergeReadings(best.reading, donors, today);
  return merged && { reading: merged, rotation: best.rotation };
}
