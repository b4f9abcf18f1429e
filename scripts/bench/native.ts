/**
 * How fast Debian's native tesseract (`/usr/bin/tesseract`, 5.3) reads the MRZ line crops the web app's
 * OCR reads, so the benchmark can state the in-browser OCR time as a ratio to native.
 *
 * Why this is a fair baseline:
 * - Same input: each document goes through the app's own OpenCV preprocessing (run in Node by
 *   `mrzCrops` from scripts/train-ocrb/evaluate.ts), and the resulting line crops are what tesseract reads.
 * - Same model and mode: the app's OCR-B model (`ocrb.traineddata`) with PSM 13 (RAW_LINE) on each line.
 * - Same threading: the child runs with OMP_THREAD_LIMIT=1, because tesseract.js in the browser is
 *   single-threaded (WebAssembly without OpenMP); native OpenMP would otherwise use every core.
 * - Same warm state: the app keeps one worker with the model loaded, so its per-document OCR time has no
 *   model loading. Here one tesseract process reads all of a document's lines (a text file listing the
 *   PNGs is the input image argument), and the cost of starting the process and loading the model —
 *   measured as the median time of the same command on one blank 10×10 PNG — is subtracted.
 * Preprocessing and PNG writing are outside the timed region; documents where no MRZ is found are skipped.
 *
 *   npx tsx scripts/bench/native.ts <setDir> [limit]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FixtureCase } from '../fixtures/generateMrzSet.ts';
import { mrzCrops, writePng } from '../train-ocrb/evaluate.ts';

export interface NativeTiming {
  /** Documents timed (those with an MRZ found among the first `limit` cases). */
  documents: number;
  /** Line crops read in total. */
  lines: number;
  /** Median per-document OCR time after subtracting `startupMs` (ms). */
  msPerDocumentP50: number;
  /** Mean per-document OCR time after subtracting `startupMs` (ms). */
  msPerDocumentMean: number;
  /** Median time of one tesseract process that loads the model and reads a blank 10×10 PNG (ms). */
  startupMs: number;
}

const TESSERACT = '/usr/bin/tesseract';
const MODEL = fileURLToPath(new URL('../train-ocrb/model/ocrb.traineddata', import.meta.url));
const STARTUP_RUNS = 5;

/** Runs tesseract once on every image listed in `listFile`; returns the wall time in ms. */
function runTesseract(listFile: string): number {
  const args = [
    listFile,
    '-',
    '--psm',
    '13',
    '-l',
    path.basename(MODEL, '.traineddata'),
    '--tessdata-dir',
    path.dirname(MODEL),
  ];
  // OMP_THREAD_LIMIT=1: tesseract.js in the browser is single-threaded, so native gets one thread too.
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const started = performance.now();
  execFileSync(TESSERACT, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
  return performance.now() - started;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function writeList(listFile: string, images: string[]): void {
  fs.writeFileSync(listFile, `${images.join('\n')}\n`);
}

/** Per-document native OCR time on a benchmark set's line crops, with process startup and model load removed. */
export async function timeNativeOcr(setDir: string, limit?: number): Promise<NativeTiming> {
  if (!fs.existsSync(MODEL)) throw new Error(`model not found: ${MODEL}`);
  const cases = JSON.parse(fs.readFileSync(path.join(setDir, 'cases.json'), 'utf8')) as FixtureCase[];
  const selected = limit === undefined ? cases : cases.slice(0, limit);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'native-ocr-'));
  try {
    // Startup + model load: the same command on one blank image. The first run warms the file cache.
    const blank = path.join(tmp, 'blank.png');
    writePng({ pixels: new Uint8Array(100).fill(255), width: 10, height: 10, glare: 0 }, blank);
    const blankList = path.join(tmp, 'blank.txt');
    writeList(blankList, [blank]);
    runTesseract(blankList);
    const startupMs = median(Array.from({ length: STARTUP_RUNS }, () => runTesseract(blankList)));

    const perDocument: number[] = [];
    let lines = 0;
    for (const [i, c] of selected.entries()) {
      const crops = await mrzCrops(path.join(setDir, c.file));
      if (!crops?.length) continue;
      const pngs = crops.map((crop, k) => {
        const png = path.join(tmp, `doc${i}-${k}.png`);
        writePng(crop, png);
        return png;
      });
      const list = path.join(tmp, `doc${i}.txt`);
      writeList(list, pngs);
      perDocument.push(Math.max(0, runTesseract(list) - startupMs));
      lines += crops.length;
      for (const file of [...pngs, list]) fs.rmSync(file, { force: true });
    }

    return {
      documents: perDocument.length,
      lines,
      msPerDocumentP50: median(perDocument),
      msPerDocumentMean: perDocument.length ? perDocument.reduce((a, b) => a + b, 0) / perDocument.length : 0,
      startupMs,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [setDir, limit] = process.argv.slice(2);
  if (!setDir) throw new Error('usage: native.ts <setDir> [limit]');
  const result = await timeNativeOcr(setDir, limit === undefined ? undefined : Number(limit));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
