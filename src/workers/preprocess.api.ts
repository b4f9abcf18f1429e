/**
 * Contract of the preprocessing worker (preprocess.worker.ts): decode an image, find the document
 * and its MRZ, and hand back clean line images for OCR; measure live camera frames. Both sides
 * import these types only.
 */
import type { CellLine } from '../lib/mrz/fuseCells.ts';
import type { FrameMeasures } from '../lib/quality/frameGuidance.ts';

export type Point = { x: number; y: number };
export type Quad = [Point, Point, Point, Point];
export type Rotation = 0 | 90 | 180 | 270;

export interface AnalyseOptions {
  /** Long edge of the working image; larger images are scaled down first (memory stays bounded). */
  maxWorkingEdge: number;
  /** Any-text mode: skip the MRZ and barcode and return the page for OCR. */
  pageOnly?: boolean;
}

export interface ImageQuality {
  /** Variance of the Laplacian over the MRZ lines at a fixed text height: low means blurred. */
  sharpness: number;
  /** Variance of the Laplacian over the document at a 1000 px long side. */
  frameSharpness: number;
  /** Mean grey level (0-255) of the document. */
  brightness: number;
  /** Share of the document's pixels that are blown out (≥ 250). */
  glare: number;
  /** The same over the MRZ lines (the worst line); 0 when no MRZ was found. */
  mrzGlare: number;
  /** MRZ text height in pixels of the working image. */
  textHeight: number;
}

export interface LineSize {
  width: number;
  height: number;
  left: number;
  right: number;
}

export interface MrzLineImages {
  /** PNG line images, top to bottom as the document reads. */
  lines: Blob[];
  /** The orientation they were taken in, relative to the image as decoded. */
  rotation: Rotation;
  /** Each line's corners in the decoded image, in reading order (first analysis only). */
  quads?: Quad[];
  /** Each line image's size in pixels, and the columns its characters run between. */
  sizes?: LineSize[];
}

export interface AnalyseResult {
  width: number;
  height: number;
  /** Working-image pixels per decoded-image pixel. */
  scale: number;
  /** The document's corners in the decoded image, when an outline was found. */
  document: Quad | null;
  mrz: MrzLineImages | null;
  /** A PDF417 symbol (a licence back), looked for only when there is no MRZ. */
  barcode: BarcodeFound | null;
  /** The barcode reader could not be loaded (the page was still returned for its text). */
  barcodeUnavailable?: boolean;
  /** The document for full-page OCR, when there is neither an MRZ nor a barcode. */
  page: PageImage | null;
  quality: ImageQuality;
  timings: Record<string, number>;
}

export interface BarcodeFound {
  /** Decoded text, control characters included. */
  text: string;
  /** The symbol's corners in the decoded image. */
  corners: Quad;
}

export interface PageImage {
  /** Grey PNG: the straightened document at a fixed width, landscape, or the whole frame. */
  image: Blob;
  width: number;
  height: number;
  /** True when the document's outline was found and the image is just the document. */
  straightened: boolean;
}

export type LineVariant = 'flipped' | 'binarised' | 'wide' | 'card' | 'other' | 'near';

/** One MRZ line as the glyph matcher read it (see lib/mrz/fuseCells.ts). */
export type { CellLine };

/** The guide drawn over the live camera view, as shares of the frame (0-1). */
export interface GuideRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One camera frame measured for live guidance (src/lib/quality/frameGuidance.ts reads it). */
export interface FrameAnalysis {
  measures: FrameMeasures;
  /** The document's corners in frame pixels, when found. */
  outline: Quad | null;
  width: number;
  height: number;
  /** Time spent in the worker, for the benchmark. */
  ms: number;
}

export interface PreprocessApi {
  [method: string]: (...args: never[]) => Promise<unknown>;
  init(opencvUrl: string, zxingWasmUrl: string): Promise<void>;
  analyse(image: Blob, options: AnalyseOptions): Promise<AnalyseResult>;
  /**
   * The last analysed image for full-page OCR: the straightened document ('document', or the frame
   * when no outline was found), or the whole frame ('frame': the outline held no known text).
   */
  pageOf(which: 'document' | 'frame'): Promise<PageImage | null>;
  /** A page image turned clockwise by quarter turns (a card upside down or on its side), as a new PNG. */
  turnPage(image: Blob, quarterTurns: 1 | 2 | 3): Promise<Blob>;
  /** A PDF417 symbol in the last analysed image (its "MRZ" would not read: it may be a barcode's rows). */
  findBarcode(): Promise<BarcodeFound | null>;
  /**
   * Line images binarised exactly as the binarised second chance does ("What the OCR saw" shows
   * them for readings that never needed it). Stateless: safe beside a read in progress.
   */
  binariseLines(images: Blob[]): Promise<Blob[]>;
  /**
   * The last analysed MRZ again, another way: upside down, binarised by the worker, or cut wide
   * (five or so characters past each end, light levelled: a line whose end glare washed out); or
   * looked for again on the image's light card (`card`: no outline was found, and what was taken
   * for the MRZ would not read); or another document's MRZ in the frame, the last one's blanked
   * (`other`). Null when that way does not apply.
   */
  lineVariant(variant: LineVariant): Promise<MrzLineImages | null>;
  /**
   * A TD1 zone found as two lines (glare washed the third out past the line search): cuts the
   * missing line at `at` (0-2, top to bottom as read; lib/mrz/missingLine.ts says where) and makes
   * the three the last analysed lines. `turned`: the reading that told was the other way up. Null
   * unless two lines were found.
   */
  addLine(turned: boolean, at: 0 | 1 | 2): Promise<MrzLineImages | null>;
  /**
   * The last analysed MRZ read by the second recogniser, glyph by glyph (`preprocess/readCells.ts`):
   * `turned` the other way up from the first reading, each line as `counts[i]` cells (0: that
   * line is skipped and comes back empty). Null when nothing was analysed or a line would not
   * hold its cells.
   */
  readCells(turned: boolean, counts: number[]): Promise<CellLine[] | null>;
  /**
   * Measures a small camera frame (~640 px wide; the bitmap is transferred and closed). Keeps a
   * thumbnail of it to measure motion against the next one.
   */
  analyseFrame(frame: ImageBitmap, guide: GuideRect): Promise<FrameAnalysis>;
  /** Frees the last analysed image. */
  release(): Promise<void>;
}
