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
  FrameAnalysis,
  GuideRect,
  LineVariant,
  MrzLineImages,
  PreprocessApi,
  Quad,
  Rotation,
} from './preprocess.api.ts';
import { WorkerError } from './rpc.api.ts';
import { decodeImage } from './preprocess/decode.ts';
import { findDocument, warpDocument } from './preprocess/findDocument.ts';
import { analyseFrame } from './preprocess/frameAnalysis.ts';
import { locateMrz, type LineQuad, type LocateOptions } from './preprocess/findMrzLines.ts';
import { cropLines, cropsToPng } from './preprocess/lineImages.ts';
import { MatScope } from './preprocess/matScope.ts';
import { exposure, frameSharpness, sharpness } from './preprocess/quality.ts';

/**
 * Where to look for the MRZ. On a straightened document its lines span most of the width and the
 * text is large, so a smaller detection copy will do; in a whole frame the document may be small.
 */
const ON_DOCUMENT: LocateOptions = { minWidthShare: 0.55, detectEdge: 900 };
const IN_FRAME: LocateOptions = { minWidthShare: 0.12, detectEdge: 1200 };

let cv: CV | null = null;
let last: { source: Mat; lines: LineQuad[]; flipped: boolean; rotation: Rotation } | null = null;
/** Camera frames: one reused canvas, and the previous frame's thumbnail for the motion measure. */
let framePixels: OffscreenCanvas | null = null;
let previousThumb: Uint8Array | null = null;

function release(): void {
  last?.source.delete();
  last = null;
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
  async init(opencvUrl: string) {
    if (cv) return;
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
      let location = locateMrz(c, documentGrey, quad ? ON_DOCUMENT : IN_FRAME);
      if (!location && quad) {
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
        return {
          ...base,
          mrz: null,
          quality: { sharpness: 0, frameSharpness: frame, brightness, glare, mrzGlare: 0, textHeight: 0 },
          timings,
        };
      }
      const lines = location.lines;
      // The MRZ sits at the bottom of every TD1/TD2/TD3 side: a band in the upper half means the
      // document is upside down (the engine still tries the other way if the check digits fail).
      const flipped = location.upsideDown;
      const rotation = ((location.rotation + (flipped ? 180 : 0)) % 360) as Rotation;
      last = { source: source === grey ? source.clone() : scope.release(source), lines, flipped, rotation };
      const crops = cropLines(c, last.source, lines, { flip: flipped, binarise: false });
      const blobs = await cropsToPng(crops);
      lap('lines');
      const textHeight = lines.reduce((sum, l) => sum + l.height, 0) / lines.length;
      return {
        ...base,
        mrz: { lines: blobs, rotation },
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

  async lineVariant(variant: LineVariant): Promise<MrzLineImages | null> {
    const c = requireCv();
    if (!last) return null;
    const flip = variant === 'flipped' ? !last.flipped : last.flipped;
    const crops = cropLines(c, last.source, last.lines, { flip, binarise: variant === 'binarised' });
    const rotation = ((last.rotation + (variant === 'flipped' ? 180 : 0)) % 360) as Rotation;
    return { lines: await cropsToPng(crops), rotation };
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
