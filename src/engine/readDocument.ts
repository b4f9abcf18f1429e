import { AamvaError, parseAamva, type AamvaLicence } from '../lib/aamva/parseAamva.ts';
import { needsSecondReader } from '../lib/mrz/fuseCells.ts';
import { missingTd1Line } from '../lib/mrz/missingLine.ts';
import { combineLines } from '../lib/mrz/combineLines.ts';
import type { PageText } from '../lib/text/pageText.ts';
import type { PrintedReading } from '../lib/text/printedReading.ts';
import { implausibleCodes, type MrzReading } from '../lib/mrz/readMrz.ts';
import { plausible, score, standsAsRead, validShare } from '../lib/mrz/readingScore.ts';
import type {
  AnalyseResult,
  ImageQuality,
  LineSize,
  LineVariant,
  Quad,
  Rotation,
} from '../workers/preprocess.api.ts';
import type { LanguageId } from './assets.generated.ts';
import { qualityHints } from '../lib/quality/qualityHints.ts';
import { ReaderError } from './errors.ts';
import { decodeFailure, inspectFile } from './intake.ts';
import { warmUpOcr } from './ocr.ts';
import { laneOf, type Lane } from './pool.ts';
import type { PreprocessWorker } from './preprocess.ts';
import { readPage } from './readPage.ts';
import { publishTimings } from './timings.ts';
import {
  checkNames,
  guessNameCounts,
  mergeWith,
  otherDocument,
  readLines,
  readShort,
  relocatedChances,
  secondReader,
  showable,
  type Attempt,
} from './mrzAttempts.ts';

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
  // The MRZ looked for again elsewhere in the photo: taken as relocatedChances allows.
  const searchAgain = async (variant: 'card' | 'near'): Promise<void> => {
    t = performance.now();
    const images = await worker.lineVariant(variant, signal);
    if (!images) return;
    const found = { ...(await readLines(images, variant, language, options)), relocated: true };
    all.push(found);
    const taken = await relocatedChances(worker, found, all, language, options);
    timings[`ocr-${variant}`] = Math.round(performance.now() - t);
    if (taken) best = taken;
  };
  // What was taken for the MRZ would not read: with no outline found (the worker declines
  // otherwise), a small card on a busy background whose pattern passed for text lines. The MRZ
  // looked for on the card itself is taken only when every check digit holds.
  if (!showable(best)) await searchAgain('card');
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
  // On a busy frame the lines may have been found at the clutter's angle, across a tilted MRZ:
  // looked for again round the zone, where the MRZ's own lines lead. Last, as it moves the zone
  // the other-document search starts from.
  if (!showable(best)) await searchAgain('near');
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
