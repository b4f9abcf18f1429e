/**
 * Training lines cut by the app's own preprocessing from photo-like documents (the third, "photo"
 * phase of scripts/train-ocrb/README.md): what the model really meets on a phone photo, namely
 * perspective resampling, security-print backgrounds, glare, uneven light and JPEG, rather than
 * rendered lines. Each document is generated (scripts/fixtures), photographed with the benchmark's
 * photo or hard-photo options, located and cut exactly as the worker does (in Node), and kept only
 * when the zone was found with the right number of lines the right way up (the current model
 * reads it with under 25 % character errors). Writes, per line:
 *   <out>/<n>.png, <out>/<n>.gt.txt, <out>/<n>.box (one full-line box per character)
 *
 *   tsx scripts/train-ocrb/pipelineCrops.ts <outDir> <documents> <seed> [--model file.traineddata]
 * Deterministic for a seed. Seeds must differ from the benchmark's (1-5001) so it never trains on
 * what it is measured on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { registerDocumentFonts } from '../fixtures/fonts.ts';
import { DOC_MM, hardPhotoOptions, randomPhotoOptions } from '../fixtures/generateMrzSet.ts';
import { photograph } from '../fixtures/photograph.ts';
import { renderDocument } from '../fixtures/renderDocument.ts';
import { createRng } from '../fixtures/rng.ts';
import { createSpecimen, type MrzFormat } from '../fixtures/specimen.ts';
import { editDistance, mrzCrops, nativeTesseract, writePng } from './evaluate.ts';

const FORMATS: MrzFormat[] = ['TD1', 'TD2', 'TD3', 'TD1', 'TD3', 'MRVA', 'MRVB', 'FRENCH_ID'];
/** The working size the worker scales 12 MP photos to. */
const SCENE = { width: 2400, height: 1800 };
const MAX_CER = 0.25;

async function main(): Promise<void> {
  const [outDir, countArg, seedArg] = process.argv.slice(2);
  const m = process.argv.indexOf('--model');
  const model = path.resolve(m >= 0 ? process.argv[m + 1]! : 'scripts/train-ocrb/model/ocrb.traineddata');
  if (!outDir || !countArg || !seedArg)
    throw new Error('usage: pipelineCrops.ts <outDir> <documents> <seed>');
  registerDocumentFonts(GlobalFonts);
  fs.mkdirSync(outDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ocrb-crops-'));
  const seed = Number(seedArg);
  let kept = 0;
  let skipped = 0;
  for (let i = 0; i < Number(countArg); i++) {
    const rng = createRng(seed * 100_000 + i);
    const format = FORMATS[i % FORMATS.length]!;
    const specimen = createSpecimen(rng, { format });
    const photo = rng.chance(0.5) ? hardPhotoOptions(rng) : randomPhotoOptions(rng);
    const targetPx = photo.coverage * Math.min(SCENE.width, SCENE.height);
    const dpi = Math.max(150, (25.4 * targetPx) / DOC_MM[format]);
    const { jpeg } = await photograph(renderDocument(specimen, rng, { dpi }), rng, { ...photo, ...SCENE });
    const file = path.join(tmp, 'photo.jpg');
    fs.writeFileSync(file, jpeg);
    const crops = await mrzCrops(file);
    if (!crops || crops.length !== specimen.mrz.length) {
      skipped++;
      continue;
    }
    const pngs = crops.map((crop, k) => {
      const png = path.join(outDir, `${seed}-${String(i).padStart(5, '0')}-${k}.png`);
      writePng(crop, png);
      return png;
    });
    const errors = pngs.reduce(
      (sum, png, k) => sum + editDistance(nativeTesseract(png, model).text, specimen.mrz[k]!),
      0,
    );
    if (errors / specimen.mrz.join('').length > MAX_CER) {
      for (const png of pngs) fs.rmSync(png);
      skipped++;
      continue;
    }
    pngs.forEach((png, k) => {
      const text = specimen.mrz[k]!;
      const base = png.replace(/\.png$/, '');
      const { width, height } = crops[k]!;
      fs.writeFileSync(`${base}.gt.txt`, `${text}\n`);
      const box = [...text].map((c) => `${c} 0 0 ${width} ${height} 0`).join('\n');
      fs.writeFileSync(`${base}.box`, `${box}\n\t 0 0 ${width} ${height} 0\n`);
    });
    kept++;
    if (i % 20 === 0) process.stdout.write(`  ${i + 1}/${countArg}: kept ${kept}, skipped ${skipped}\r`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(`\n${outDir}: ${kept} documents kept, ${skipped} skipped\n`);
}

await main();
