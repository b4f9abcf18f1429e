/**
 * Contract of the preprocessing worker (preprocess.worker.ts): decode an image, find the document
 * and its MRZ, and hand back clean line images for OCR. Both sides import these types only.
 */
export type Point = { x: number; y: number };
export type Quad = [Point, Point, Point, Point];
export type Rotation = 0 | 90 | 180 | 270;

export interface AnalyseOptions {
  /** Long edge of the working image; larger images are scaled down first (memory stays bounded). */
  maxWorkingEdge: number;
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
  /** MRZ text height in pixels of the working image. */
  textHeight: number;
}

export interface MrzLineImages {
  /** PNG line images, top to bottom as the document reads. */
  lines: Blob[];
  /** The orientation they were taken in, relative to the image as decoded. */
  rotation: Rotation;
}

export interface AnalyseResult {
  width: number;
  height: number;
  /** Working-image pixels per decoded-image pixel. */
  scale: number;
  /** The document's corners in the decoded image, when an outline was found. */
  document: Quad | null;
  mrz: MrzLineImages | null;
  quality: ImageQuality;
  timings: Record<string, number>;
}

export type LineVariant = 'flipped' | 'binarised';

export interface PreprocessApi {
  [method: string]: (...args: never[]) => Promise<unknown>;
  init(opencvUrl: string): Promise<void>;
  analyse(image: Blob, options: AnalyseOptions): Promise<AnalyseResult>;
  /** The last analysed MRZ again, another way: upside down, or binarised by the worker. */
  lineVariant(variant: LineVariant): Promise<MrzLineImages | null>;
  /** Frees the last analysed image. */
  release(): Promise<void>;
}
