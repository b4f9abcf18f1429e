/// <reference lib="webworker" />
/**
 * Preprocessing worker: a thin adapter over the OpenCV steps in ./preprocess. It keeps the last
 * analysed MRZ so the engine can ask for it again another way (upside down, binarised) without
 * decoding the image twice.
 */
import type { CV, Mat } from '@techstark/opencv-js';
import { expose } from './expose.ts';
import type {
  AnalyseOptions,
  AnalyseResult,
  CellLine,
  FrameAnalysis,
  GuideRect,
  LineVariant,
  MrzLineImages,
  PageImage,
  PreprocessApi,
  Quad,
  Rotation,
} from './preprocess.api.ts';
import { WorkerError } from './rpc.api.ts';
import { configureBarcodeReader, findPdf417 } from './preprocess/barcode.ts';
import { invertAffine } from '../lib/geometry/affine.ts';
import { straightenedBarcode } from './preprocess/barcodeRegion.ts';
import { decodeImage, greyToPng } from './preprocess/decode.ts';
import { findBrightCard, findDocument, warpDocument } from './preprocess/findDocument.ts';
import { analyseFrame } from './preprocess/frameAnalysis.ts';
import { locateMrz, type LineQuad, type LocateOptions, type MrzLocation } from './preprocess/findMrzLines.ts';
import {
  binarisedCopy,
  binariseLine,
  cropLines,
  cropsToPng,
  inkSpan,
  type LineCrop,
} from './preprocess/lineImages.ts';
import { copyOf, MatScope } from './preprocess/matScope.ts';
import { locateNear } from './preprocess/nearZone.ts';
import { blankedCopy, zoneMask } from './preprocess/otherZone.ts';
import type { Point } from '../lib/geometry/quad.ts';
import { readCells } from './preprocess/readCells.ts';
import { insertLine } from './preprocess/addLine.ts';
import { fromPage, greyImageData, pageMat, pagePng, unwarpPoints } from './preprocess/pageImage.ts';
import { exposure, frameSharpness, sharpness } from './preprocess/quality.ts';

/**
 * Where to look for the MRZ. On a straightened document its lines span most of the width and the
 * text is large, so a smaller detection copy will do; in a whole frame the document may be small.
 */
const ON_DOCUMENT: LocateOptions = { minWidthShare: 0.55, detectEdge: 900 };
const IN_FRAME: LocateOptions = { minWidthShare: 0.12, detectEdge: 1200 };

let cv: CV | null = null;
let last: {
  source: Mat;
  lines: LineQuad[];
  flipped: boolean;
  rotation: Rotation;
  /** The grey (unbinarised) line cuts made so far, by flip: the glyph matcher reads them again. */
  cuts: Map<boolean, LineCrop[]>;
  /**
   * Where this MRZ's document is in the frame's grey image (lastImage.grey): its outline, or the
   * zone with a margin. Blanked when another document's MRZ is looked for.
   */
  mask: Point[];
} | null = null;
/** The last analysed image, kept while its MRZ is read: a failing "MRZ" may be a licence barcode. */
let lastImage: BarcodeSource | null = null;
/** Camera frames: one reused canvas, and the previous frame's thumbnail for the motion measure. */
let framePixels: OffscreenCanvas | null = null;
let previousThumb: Uint8Array | null = null;

function release(): void {
  last?.source.delete();
  last = null;
  lastImage?.page?.delete();
  if (lastImage?.ownsGrey) lastImage.grey?.delete();
  lastImage = null;
}

/**
 * The MRZ looked for again on the image's light card, straightened: a small card on a busy
 * background (a checkerboard) whose pattern the whole-frame search took for the MRZ. Only when no
 * outline was found (with one, the MRZ was already looked for on the straightened card). On
 * success the card's lines replace the last analysed ones.
 */
async function onBrightCard(c: CV): Promise<MrzLineImages | null> {
  const frame = lastImage?.grey;
  if (!last || !lastImage || !frame || lastImage.corners) return null;
  const card = findBrightCard(c, frame);
  if (!card) return null;
  const straightened = warpDocument(c, frame, card);
  const found = locateMrz(c, straightened, ON_DOCUMENT);
  if (!found) {
    straightened.delete();
    return null;
  }
  // Without an outline the frame's grey image was the source, shared with lastImage: hand it over.
  if (last.source === frame) lastImage.ownsGrey = true;
  else last.source.delete();
  return adoptZone(c, straightened, found, card);
}

/**
 * Another document's MRZ in the same photo: the frame's grey image with the last MRZ's document
 * (or zone) blanked, searched again. For two documents side by side, the first found may be the
 * one cut off or covered. Upright and quarter-turned passes only: the diagonal ones cost a second
 * on a frame with nothing left to find. On success its lines replace the last analysed ones, and
 * the blanked copy becomes the frame searched next time.
 */
async function otherZone(c: CV): Promise<MrzLineImages | null> {
  const frame = lastImage?.grey;
  if (!last || !lastImage || !frame) return null;
  const blanked = blankedCopy(c, frame, last.mask);
  const found = locateMrz(c, blanked, { ...IN_FRAME, diagonal: false });
  if (!found) {
    blanked.delete();
    return null;
  }
  // The old source and the frame are done with (the frame owned by lastImage, or shared as the
  // source): the blanked copy takes both places, owned by `last`.
  if (last.source !== frame) last.source.delete();
  if (lastImage.ownsGrey || last.source === frame) frame.delete();
  lastImage.grey = blanked;
  lastImage.ownsGrey = false;
  return adoptZone(c, blanked, found, zoneMask(found.lines));
}

/**
 * The MRZ looked for again round the zone found (nearZone.ts): the lines found there replace the
 * last analysed ones, on the same source image.
 */
async function nearZone(c: CV): Promise<MrzLineImages | null> {
  if (!last) return null;
  const found = locateNear(c, last.source, last.lines);
  if (!found) return null;
  // The source is the frame's grey image when no outline was found: the zone is then the mask.
  const mask = lastImage?.grey === last.source ? zoneMask(found.lines) : last.mask;
  return adoptZone(c, last.source, found, mask);
}

/** Which way up a located MRZ reads, and its turn from the image it was found in. */
function readingTurn(found: MrzLocation): { flipped: boolean; rotation: Rotation } {
  const flipped = found.upsideDown;
  return { flipped, rotation: ((found.rotation + (flipped ? 180 : 0)) % 360) as Rotation };
}

/** Makes a zone found again (on the light card, on another document) the last analysed one, cut. */
async function adoptZone(c: CV, source: Mat, found: MrzLocation, mask: Point[]): Promise<MrzLineImages> {
  const { flipped, rotation } = readingTurn(found);
  last = { source, lines: found.lines, flipped, rotation, cuts: new Map(), mask };
  const crops = cropLines(c, source, found.lines, { flip: flipped, binarise: false });
  last.cuts.set(flipped, crops);
  return { lines: await cropsToPng(crops), rotation };
}

interface BarcodeSource {
  /** The straightened document (grey), when its outline was found. */
  page: Mat | null;
  image: ImageData;
  /** The whole working image in grey. */
  grey?: Mat;
  /** True when `grey` is this record's own copy (deleted with it). */
  ownsGrey?: boolean;
  scale: number;
  corners: Quad | null;
}

/**
 * A PDF417 symbol: on the straightened document first (zxing reads PDF417 row by row and fails
 * beyond a few degrees of skew), then in the whole frame. Corners in the decoded image.
 */
async function lookForBarcode(c: CV, from: BarcodeSource): Promise<AnalyseResult['barcode']> {
  if (from.page) {
    const page = pageMat(c, from.page, true);
    try {
      const found = await findPdf417(greyImageData(c, page));
      if (found && from.corners) {
        // Its corners on the page → the straightened document → the photo.
        const size = { width: from.page.cols, height: from.page.rows };
        const onDocument = found.corners.map((p) => fromPage(p, size, true));
        const quad = from.corners.map((p) => ({ x: p.x * from.scale, y: p.y * from.scale }));
        const inWorking = unwarpPoints(c, onDocument, quad, size);
        const corners = inWorking.map((p) => ({ x: p.x / from.scale, y: p.y / from.scale })) as Quad;
        return { text: found.text, corners };
      }
    } finally {
      page.delete();
    }
  }
  // No outline: level the barcode-like block first; then the frame as it is.
  const cut = from.grey ? straightenedBarcode(c, from.grey) : null;
  if (cut) {
    try {
      const found = await findPdf417(greyImageData(c, cut.mat));
      if (found) {
        const corners = found.corners
          .map((p) => invertAffine(cut.affine, p))
          .map((p) => ({ x: p.x / from.scale, y: p.y / from.scale })) as Quad;
        return { text: found.text, corners };
      }
    } finally {
      cut.mat.delete();
    }
  }
  const found = await findPdf417(from.image);
  if (!found) return null;
  const toDecoded = (p: { x: number; y: number }) => ({ x: p.x / from.scale, y: p.y / from.scale });
  return { text: found.text, corners: found.corners.map(toDecoded) as Quad };
}

function requireCv(): CV {
  if (!cv) throw new WorkerError('not-initialised', 'OpenCV is not loaded');
  return cv;
}

/**
 * Dev server only (removed from production builds): module workers cannot importScripts(), so the
 * UMD script is fetched and run as a sloppy-mode function, where `this` is the worker's global.
 */
async function evaluateClassicScript(url: string): Promise<void> {
  const source = await (await fetch(url)).text();
  new Function(source).call(self);
}

const api: PreprocessApi = {
  async init(opencvUrl: string, zxingWasmUrl: string) {
    if (cv) return;
    configureBarcodeReader(zxingWasmUrl);
    try {
      if (import.meta.env.DEV) await evaluateClassicScript(opencvUrl);
      else importScripts(opencvUrl);
    } catch {
      throw new WorkerError('asset-load-failed', 'OpenCV could not be loaded');
    }
    // @techstark/opencv-js 5 sets self.cv to a promise of the ready module.
    cv = await (self as unknown as { cv: Promise<CV> }).cv;
  },

  async analyse(image: Blob, options: AnalyseOptions): Promise<AnalyseResult> {
    const c = requireCv();
    release();
    const timings: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string): void => {
      const now = performance.now();
      timings[name] = Math.round(now - t);
      t = now;
    };
    const decoded = await decodeImage(image, options.maxWorkingEdge);
    lap('decode');
    const scope = new MatScope();
    try {
      const rgba = scope.track(c.matFromImageData(decoded.image));
      const grey = scope.track(new c.Mat());
      c.cvtColor(rgba, grey, c.COLOR_RGBA2GRAY);
      const quad = findDocument(c, grey);
      const documentGrey = quad ? scope.track(warpDocument(c, grey, quad)) : grey;
      lap('document');
      let source = documentGrey;
      // On a straightened document MRZ lines span most of its width; in a whole frame the document
      // may be small.
      let location = options.pageOnly ? null : locateMrz(c, documentGrey, quad ? ON_DOCUMENT : IN_FRAME);
      if (!location && quad && !options.pageOnly) {
        // The outline may have been a false one (a photo, a pattern): look at the whole frame.
        location = locateMrz(c, grey, IN_FRAME);
        source = grey;
      }
      lap('locate');
      const { brightness, glare } = exposure(c, documentGrey);
      const frame = frameSharpness(c, documentGrey);
      const documentCorners = quad
        ? (quad.map((p) => ({ x: p.x / decoded.scale, y: p.y / decoded.scale })) as Quad)
        : null;
      const base = {
        width: decoded.width,
        height: decoded.height,
        scale: decoded.scale,
        document: documentCorners,
      };
      if (!location) {
        // No MRZ: a licence barcode, else the printed text. zxing reads PDF417 row by row and fails
        // beyond a few degrees of skew, so the straightened document goes first.
        // The barcode reader failing to load must not stop the printed text from being read.
        let barcodeUnavailable = false;
        const barcode = options.pageOnly
          ? null
          : await lookForBarcode(c, {
              page: quad ? documentGrey : null,
              image: decoded.image,
              grey,
              scale: decoded.scale,
              corners: documentCorners,
            }).catch((error: unknown) => {
              if (!(error instanceof WorkerError && error.code === 'asset-load-failed')) throw error;
              barcodeUnavailable = true;
              return null;
            });
        lap('barcode');
        const page = scope.track(pageMat(c, documentGrey, quad !== null));
        // Kept in case the outline was a false one (a portrait, a panel): the whole frame is read then.
        if (!barcode && quad)
          lastImage = {
            page: null,
            image: decoded.image,
            grey: copyOf(c, grey),
            ownsGrey: true,
            scale: decoded.scale,
            corners: documentCorners,
          };
        const pageImage = barcode
          ? null
          : { image: await pagePng(page), width: page.cols, height: page.rows, straightened: quad !== null };
        lap('page');
        return {
          ...base,
          mrz: null,
          barcode,
          ...(barcodeUnavailable ? { barcodeUnavailable } : {}),
          page: pageImage,
          quality: { sharpness: 0, frameSharpness: frame, brightness, glare, mrzGlare: 0, textHeight: 0 },
          timings,
        };
      }
      const lines = location.lines;
      // The MRZ sits at the bottom of every TD1/TD2/TD3 side: a band in the upper half means the
      // document is upside down (the engine still tries the other way if the check digits fail).
      const { flipped, rotation } = readingTurn(location);
      // Where each line is in the decoded image, corners in reading order (for the review's highlight).
      const asRead = flipped
        ? [...lines].reverse().map((l) => [l.corners[2], l.corners[3], l.corners[0], l.corners[1]])
        : lines.map((l) => l.corners);
      const working =
        quad && source === documentGrey
          ? unwarpPoints(c, asRead.flat(), quad, { width: documentGrey.cols, height: documentGrey.rows })
          : asRead.flat();
      const lineQuads = asRead.map(
        (_, i) =>
          working
            .slice(i * 4, i * 4 + 4)
            .map((p) => ({ x: p.x / decoded.scale, y: p.y / decoded.scale })) as Quad,
      );
      last = {
        source: source === grey ? copyOf(c, source) : scope.release(source),
        lines,
        flipped,
        rotation,
        cuts: new Map(),
        mask: quad && source === documentGrey ? quad : zoneMask(lines),
      };
      lastImage = {
        page: quad ? (source === documentGrey ? copyOf(c, last.source) : scope.release(documentGrey)) : null,
        image: decoded.image,
        // Without an outline the MRZ was looked for in the whole frame: the same grey image.
        ...(quad ? { grey: copyOf(c, grey), ownsGrey: true } : { grey: last.source }),
        scale: decoded.scale,
        corners: documentCorners,
      };
      const crops = cropLines(c, last.source, lines, { flip: flipped, binarise: false });
      last.cuts.set(flipped, crops);
      const blobs = await cropsToPng(crops);
      lap('lines');
      const textHeight = lines.reduce((sum, l) => sum + l.height, 0) / lines.length;
      return {
        ...base,
        mrz: {
          lines: blobs,
          rotation,
          quads: lineQuads,
          sizes: crops.map((crop) => ({ width: crop.width, height: crop.height, ...inkSpan(crop) })),
        },
        barcode: null,
        page: null,
        quality: {
          sharpness: sharpness(c, crops),
          frameSharpness: frame,
          brightness,
          glare,
          mrzGlare: Math.max(...crops.map((crop) => crop.glare)),
          textHeight,
        },
        timings,
      };
    } finally {
      scope.dispose();
    }
  },

  async pageOf(which: 'document' | 'frame'): Promise<PageImage | null> {
    const c = requireCv();
    const straightened = which === 'document' && !!lastImage?.page;
    const source = straightened ? lastImage?.page : lastImage?.grey;
    if (!source) return null;
    const page = pageMat(c, source, straightened);
    try {
      return { image: await pagePng(page), width: page.cols, height: page.rows, straightened };
    } finally {
      page.delete();
    }
  },

  async turnPage(image: Blob, quarterTurns: 1 | 2 | 3): Promise<Blob> {
    const bitmap = await createImageBitmap(image);
    try {
      const sideways = quarterTurns !== 2;
      const width = sideways ? bitmap.height : bitmap.width;
      const height = sideways ? bitmap.width : bitmap.height;
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new WorkerError('decode-failed', 'No 2D canvas in this worker');
      context.translate(width / 2, height / 2);
      context.rotate((quarterTurns * Math.PI) / 2);
      context.drawImage(bitmap, -bitmap.width / 2, -bitmap.height / 2);
      return await canvas.convertToBlob({ type: 'image/png' });
    } finally {
      bitmap.close();
    }
  },

  async findBarcode() {
    const c = requireCv();
    return lastImage ? lookForBarcode(c, lastImage) : null;
  },

  async binariseLines(images: Blob[]): Promise<Blob[]> {
    const c = requireCv();
    const out: Blob[] = [];
    for (const image of images) {
      const bitmap = await createImageBitmap(image);
      const scope = new MatScope();
      try {
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (!context) throw new WorkerError('decode-failed', 'No 2D canvas in this worker');
        context.drawImage(bitmap, 0, 0);
        const rgba = scope.track(c.matFromImageData(context.getImageData(0, 0, bitmap.width, bitmap.height)));
        const grey = scope.track(new c.Mat());
        c.cvtColor(rgba, grey, c.COLOR_RGBA2GRAY);
        binariseLine(c, grey);
        out.push(await greyToPng(new Uint8Array(grey.data), grey.cols, grey.rows));
      } finally {
        scope.dispose();
        bitmap.close();
      }
    }
    return out;
  },

  async lineVariant(variant: LineVariant): Promise<MrzLineImages | null> {
    const c = requireCv();
    if (!last) return null;
    if (variant === 'card') return onBrightCard(c);
    if (variant === 'other') return otherZone(c);
    if (variant === 'near') return nearZone(c);
    const flip = variant === 'flipped' ? !last.flipped : last.flipped;
    const binarise = variant === 'binarised';
    const wide = variant === 'wide';
    // The binarised lines are the grey cut's, thresholded: no need to cut them again.
    const grey = binarise ? last.cuts.get(flip) : undefined;
    const crops = grey
      ? grey.map((crop) => binarisedCopy(c, crop))
      : cropLines(c, last.source, last.lines, { flip, binarise, wide });
    // The glyph matcher reads the usual cuts (the wide one runs past the lines' ends).
    if (!binarise && !wide) last.cuts.set(flip, crops);
    const rotation = ((last.rotation + (variant === 'flipped' ? 180 : 0)) % 360) as Rotation;
    return { lines: await cropsToPng(crops), rotation };
  },

  async addLine(turned: boolean, at: 0 | 1 | 2): Promise<MrzLineImages | null> {
    const c = requireCv();
    if (!last || last.lines.length !== 2) return null;
    const flip = turned ? !last.flipped : last.flipped;
    // `at` counts lines as read: turned over, the located lines run the other way.
    last.lines = insertLine(last.lines, flip ? ((2 - at) as 0 | 1 | 2) : at);
    last.cuts.clear();
    const crops = cropLines(c, last.source, last.lines, { flip, binarise: false });
    last.cuts.set(flip, crops);
    const rotation = ((last.rotation + (turned ? 180 : 0)) % 360) as Rotation;
    return { lines: await cropsToPng(crops), rotation };
  },

  async readCells(turned: boolean, counts: number[]): Promise<CellLine[] | null> {
    const c = requireCv();
    if (!last) return null;
    const flip = turned ? !last.flipped : last.flipped;
    const crops = last.cuts.get(flip) ?? cropLines(c, last.source, last.lines, { flip, binarise: false });
    if (crops.length !== counts.length) return null;
    const lines: CellLine[] = [];
    for (const [i, crop] of crops.entries()) {
      // A line not asked for: nothing read.
      if (counts[i] === 0) {
        lines.push({ text: '', scores: [], margins: [], mean: 0 });
        continue;
      }
      const scope = new MatScope();
      try {
        const line = scope.track(c.matFromArray(crop.height, crop.width, c.CV_8UC1, crop.pixels));
        const read = readCells(c, line, counts[i]!);
        if (!read) return null;
        lines.push(read);
      } finally {
        scope.dispose();
      }
    }
    return lines;
  },

  async analyseFrame(frame: ImageBitmap, guide: GuideRect): Promise<FrameAnalysis> {
    const c = requireCv();
    const started = performance.now();
    const { width, height } = frame;
    const scope = new MatScope();
    try {
      framePixels ??= new OffscreenCanvas(width, height);
      if (framePixels.width !== width || framePixels.height !== height) {
        framePixels.width = width;
        framePixels.height = height;
      }
      const context = framePixels.getContext('2d', { willReadFrequently: true });
      if (!context) throw new WorkerError('decode-failed', 'No 2D canvas in this worker');
      context.drawImage(frame, 0, 0);
      const rgba = scope.track(c.matFromImageData(context.getImageData(0, 0, width, height)));
      const grey = scope.track(new c.Mat());
      c.cvtColor(rgba, grey, c.COLOR_RGBA2GRAY);
      const result = analyseFrame(c, grey, guide, previousThumb);
      previousThumb = result.thumb;
      return {
        measures: result.measures,
        outline: result.outline,
        width,
        height,
        ms: Math.round(performance.now() - started),
      };
    } finally {
      frame.close();
      scope.dispose();
    }
  },

  async release() {
    release();
  },
};

expose(api);
