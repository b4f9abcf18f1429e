/**
 * The live-camera measures on synthetic 640×480 frames (a card photographed on a desk, in Node with
 * OpenCV.js): a good frame is ready to capture, and blur, glare, darkness, distance, a card cut off
 * by the frame's edge and movement each give their own hint.
 */
import { createRequire } from 'node:module';
import type { CV, Mat } from '@techstark/opencv-js';
import { GlobalFonts, loadImage, createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerDocumentFonts } from '../../../scripts/fixtures/fonts.ts';
import { photograph, type PhotoOptions } from '../../../scripts/fixtures/photograph.ts';
import { renderDocument } from '../../../scripts/fixtures/renderDocument.ts';
import { createRng } from '../../../scripts/fixtures/rng.ts';
import { createSpecimen } from '../../../scripts/fixtures/specimen.ts';
import { frameHint, guideFor, type FrameHint } from '../../lib/quality/frameGuidance.ts';
import { analyseFrame } from './frameAnalysis.ts';

let cv: CV;
beforeAll(async () => {
  cv = await (createRequire(import.meta.url)('@techstark/opencv-js') as Promise<CV>);
  registerDocumentFonts(GlobalFonts);
}, 60_000);

const SCENE: PhotoOptions = {
  width: 640,
  height: 480,
  coverage: 1.05,
  rotation: 0,
  skew: 2,
  perspective: 0.01,
  blur: 0,
  noise: 2,
  unevenLight: 0.1,
  jpegQuality: 95,
  background: 'wood',
};

interface Extra {
  darken?: number;
  shiftX?: number;
  /** A specular highlight over the middle of the card, burnt white at its centre. */
  spot?: boolean;
}

async function frame(options: Partial<PhotoOptions> & Extra = {}): Promise<Mat> {
  const card = renderDocument(createSpecimen(createRng(5), { format: 'TD1' }), createRng(5), { dpi: 200 });
  const { jpeg } = await photograph(card, createRng(6), { ...SCENE, ...options });
  const image = await loadImage(jpeg);
  const canvas = createCanvas(SCENE.width, SCENE.height);
  const g = canvas.getContext('2d');
  g.drawImage(image, options.shiftX ?? 0, 0);
  if (options.spot) {
    const light = g.createRadialGradient(380, 230, 0, 380, 230, 70);
    light.addColorStop(0, 'rgba(255,255,255,1)');
    light.addColorStop(0.5, 'rgba(255,255,255,0.9)');
    light.addColorStop(1, 'rgba(255,255,255,0)');
    g.fillStyle = light;
    g.fillRect(0, 0, canvas.width, canvas.height);
  }
  if (options.darken) {
    g.fillStyle = `rgba(0,0,0,${options.darken})`;
    g.fillRect(0, 0, canvas.width, canvas.height);
  }
  const data = g.getImageData(0, 0, canvas.width, canvas.height);
  const rgba = cv.matFromImageData({ data: data.data, width: data.width, height: data.height } as ImageData);
  const grey = new cv.Mat();
  cv.cvtColor(rgba, grey, cv.COLOR_RGBA2GRAY);
  rgba.delete();
  return grey;
}

async function hintOf(options: Parameters<typeof frame>[0]): Promise<FrameHint> {
  const grey = await frame(options);
  try {
    return frameHint(analyseFrame(cv, grey, guideFor(grey.cols, grey.rows), null).measures);
  } finally {
    grey.delete();
  }
}

describe('analyseFrame', () => {
  it('finds a sharp, well-lit card filling the guide: ready', async () => {
    const grey = await frame();
    try {
      const { measures, outline } = analyseFrame(cv, grey, guideFor(640, 480), null);
      expect(outline).not.toBeNull();
      expect(measures.fill).toBeGreaterThan(0.6);
      expect(measures.inView).toBe(true);
      expect(frameHint(measures)).toBe('ready');
    } finally {
      grey.delete();
    }
  });

  it('names each problem', async () => {
    expect(await hintOf({ blur: 1.5 })).toBe('hold-still');
    expect(await hintOf({ spot: true })).toBe('glare');
    expect(await hintOf({ darken: 0.75 })).toBe('too-dark');
    expect(await hintOf({ coverage: 0.5 })).toBe('move-closer');
    expect(await hintOf({ shiftX: 200 })).toBe('not-in-view');
  });

  it('measures movement between consecutive frames', async () => {
    const still = await frame();
    const moved = await frame({ shiftX: 12 });
    try {
      const first = analyseFrame(cv, still, guideFor(640, 480), null);
      expect(analyseFrame(cv, still, guideFor(640, 480), first.thumb).measures.motion).toBe(0);
      const second = analyseFrame(cv, moved, guideFor(640, 480), first.thumb);
      expect(second.measures.motion).toBeGreaterThan(6);
      expect(frameHint(second.measures)).toBe('hold-still');
    } finally {
      still.delete();
      moved.delete();
    }
  });
});
