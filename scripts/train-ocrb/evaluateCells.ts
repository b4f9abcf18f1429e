/**
 * Scores the glyph matcher (src/workers/preprocess/readCells.ts) beside the LSTM model on what the
 * app feeds them: each fixture's MRZ lines cut by the app's own OpenCV steps (run in Node, as in
 * evaluate.ts), read by Debian's native tesseract with the committed model and by the matcher
 * (told each line's true length, as the app tells it the model's). A line cut upside down is
 * turned the way the model reads better, so both recognisers are scored on the same upright lines.
 *
 *   tsx scripts/train-ocrb/evaluateCells.ts <setDir> [--verbose]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { CV } from '@techstark/opencv-js';
import { readCells } from '../../src/workers/preprocess/readCells.ts';
import type { LineCrop } from '../../src/workers/preprocess/lineImages.ts';
import type { FixtureCase } from '../fixtures/generateMrzSet.ts';
import { editDistance, mrzCrops, nativeTesseract, writePng } from './evaluate.ts';

const cv = await (createRequire(import.meta.url)('@techstark/opencv-js') as Promise<CV>);
const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: evaluateCells.ts <setDir> [--verbose]');
const verbose = process.argv.includes('--verbose');
const model = path.resolve('scripts/train-ocrb/model/ocrb.traineddata');
const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')) as FixtureCase[];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ocrb-cells-'));
const turned = (c: LineCrop): LineCrop => ({ ...c, pixels: c.pixels.slice().reverse() });
const readAll = (crops: LineCrop[]): string[] =>
  crops.map((crop, k) => {
    const png = path.join(tmp, `${k}.png`);
    writePng(crop, png);
    return nativeTesseract(png, model).text;
  });

let lines = 0;
let chars = 0;
const exact = { model: 0, cells: 0 };
const errors = { model: 0, cells: 0 };
let ms = 0;
let notFound = 0;
for (const c of cases) {
  const truth = c.truth.mrz.split('\n');
  let crops = await mrzCrops(path.join(dir, c.file));
  if (!crops || crops.length !== truth.length) {
    notFound++;
    continue;
  }
  let read = readAll(crops);
  const flipped = crops.slice().reverse().map(turned);
  const readFlipped = readAll(flipped);
  const distance = (r: string[]): number => r.reduce((s, l, k) => s + editDistance(l, truth[k]!), 0);
  if (distance(readFlipped) < distance(read)) [crops, read] = [flipped, readFlipped];
  crops.forEach((crop, k) => {
    const want = truth[k]!;
    const line = cv.matFromArray(crop.height, crop.width, cv.CV_8UC1, crop.pixels);
    const started = performance.now();
    const cells = readCells(cv, line, want.length)?.text ?? '';
    ms += performance.now() - started;
    line.delete();
    lines++;
    chars += want.length;
    if (read[k] === want) exact.model++;
    if (cells === want) exact.cells++;
    errors.model += editDistance(read[k]!, want);
    errors.cells += editDistance(cells, want);
    if (verbose && (read[k] !== want || cells !== want))
      process.stdout.write(`${c.name}#${k}\n  want  ${want}\n  model ${read[k]}\n  cells ${cells}\n`);
  });
}
process.stdout.write(
  `${lines} lines (${notFound} documents without their MRZ found): model exact ${exact.model} ` +
    `(${errors.model} character errors), glyph matcher exact ${exact.cells} (${errors.cells}) of ` +
    `${chars} characters; matcher ${(ms / Math.max(1, lines)).toFixed(0)} ms a line\n`,
);
fs.rmSync(tmp, { recursive: true, force: true });
