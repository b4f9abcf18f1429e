/**
 * Scores an MRZ model on what the app really feeds it: each fixture goes through the same OpenCV
 * steps as the preprocessing worker (run in Node), and Debian's native tesseract reads the line
 * crops. Prints line-exact rate and character error rate against the ground truth.
 *
 *   tsx scripts/train-ocrb/evaluate.ts <setDir> [--model scripts/train-ocrb/model/ocrb.traineddata] [--verbose]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { CV, Mat } from '@techstark/opencv-js';
import { findDocument, warpDocument } from '../../src/workers/preprocess/findDocument.ts';
import { locateMrz } from '../../src/workers/preprocess/findMrzLines.ts';
import { cropLines, type LineCrop } from '../../src/workers/preprocess/lineImages.ts';
import type { FixtureCase } from '../fixtures/generateMrzSet.ts';

const cv = await (createRequire(import.meta.url)('@techstark/opencv-js') as Promise<CV>);

async function greyOf(file: string, maxEdge = 2400): Promise<Mat> {
  const image = await loadImage(file);
  const s = Math.min(1, maxEdge / Math.max(image.width, image.height));
  const canvas = createCanvas(Math.round(image.width * s), Math.round(image.height * s));
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const rgba = cv.matFromImageData({ data: data.data, width: data.width, height: data.height } as ImageData);
  const grey = new cv.Mat();
  cv.cvtColor(rgba, grey, cv.COLOR_RGBA2GRAY);
  rgba.delete();
  return grey;
}

/** Line crops as the worker makes them (outline → warp → locate → crop), or null when no MRZ is found. */
export async function mrzCrops(file: string): Promise<LineCrop[] | null> {
  const grey = await greyOf(file);
  const quad = findDocument(cv, grey);
  const doc = quad ? warpDocument(cv, grey, quad) : grey;
  try {
    // The same two tries as the worker: on the straightened document, then on the whole frame.
    let source = doc;
    let found = locateMrz(
      cv,
      doc,
      quad ? { minWidthShare: 0.55, detectEdge: 900 } : { minWidthShare: 0.12, detectEdge: 1200 },
    );
    if (!found && quad) {
      found = locateMrz(cv, grey, { minWidthShare: 0.12, detectEdge: 1200 });
      source = grey;
    }
    if (!found) return null;
    return cropLines(cv, source, found.lines, { flip: found.upsideDown, binarise: false });
  } finally {
    if (doc !== grey) doc.delete();
    grey.delete();
  }
}

export function writePng(crop: LineCrop, file: string): void {
  const canvas = createCanvas(crop.width, crop.height);
  const image = canvas.getContext('2d').createImageData(crop.width, crop.height);
  for (let i = 0; i < crop.width * crop.height; i++) {
    image.data[i * 4] = image.data[i * 4 + 1] = image.data[i * 4 + 2] = crop.pixels[i]!;
    image.data[i * 4 + 3] = 255;
  }
  canvas.getContext('2d').putImageData(image, 0, 0);
  fs.writeFileSync(file, canvas.toBuffer('image/png'));
}

export function nativeTesseract(png: string, modelFile: string): { text: string; ms: number } {
  const lang = path.basename(modelFile).replace(/\.traineddata$/, '');
  const started = performance.now();
  const text = execFileSync(
    'tesseract',
    [png, '-', '--psm', '13', '-l', lang, '--tessdata-dir', path.dirname(modelFile)],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  )
    .toString()
    .replace(/\s+/g, '');
  return { text, ms: performance.now() - started };
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

async function main(): Promise<void> {
  const [dir] = process.argv.slice(2);
  const i = process.argv.indexOf('--model');
  const model = path.resolve(i >= 0 ? process.argv[i + 1]! : 'scripts/train-ocrb/model/ocrb.traineddata');
  if (!dir) throw new Error('usage: evaluate.ts <setDir> [--model file.traineddata]');
  const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')) as FixtureCase[];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ocrb-eval-'));
  let lines = 0;
  let exact = 0;
  let chars = 0;
  let errors = 0;
  let docsExact = 0;
  let notFound = 0;
  for (const c of cases) {
    const crops = await mrzCrops(path.join(dir, c.file));
    const truth = c.truth.mrz.split('\n');
    if (!crops || crops.length !== truth.length) {
      if (process.argv.includes('--verbose'))
        process.stdout.write(`${c.name}: ${crops ? `${crops.length} lines` : 'no MRZ'}\n`);
      notFound++;
      lines += truth.length;
      chars += truth.join('').length;
      errors += truth.join('').length;
      continue;
    }
    let all = true;
    crops.forEach((crop, k) => {
      const png = path.join(tmp, `${c.name}-${k}.png`);
      writePng(crop, png);
      const read = nativeTesseract(png, model).text;
      const want = truth[k]!;
      lines++;
      chars += want.length;
      errors += editDistance(read, want);
      if (read === want) exact++;
      else {
        all = false;
        if (process.argv.includes('--verbose'))
          process.stdout.write(`${c.name}#${k}\n  read ${read}\n  want ${want}\n`);
      }
    });
    if (all) docsExact++;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
  process.stdout.write(
    `${path.basename(model)} on ${dir}: lines exact ${pct(exact, lines)} (${exact}/${lines}), CER ${pct(errors, chars)}, ` +
      `documents with every line exact ${pct(docsExact, cases.length)}, MRZ not found ${notFound}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith('evaluate.ts')) await main();
