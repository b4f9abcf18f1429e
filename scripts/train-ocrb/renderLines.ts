/**
 * Renders augmented single-line MRZ images for tesseract LSTM training:
 *   <out>/<n>.png   grayscale line image
 *   <out>/<n>.gt.txt the truth
 *   <out>/<n>.box    one full-line box per character (what tesstrain's generate_line_box.py writes)
 *
 * Usage: tsx scripts/train-ocrb/renderLines.ts <outDir> <count> <seed> [--light]
 * Deterministic: the same seed gives byte-identical images. --light renders the milder lines of the
 * second (fine-tuning) phase: the pipeline hands OCR clean, fixed-height crops, and fine letter
 * shapes (U/H, O/0) are learnt better from them once the net is robust.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts, loadImage, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { createRng, type Rng } from '../fixtures/rng.ts';
import { createSpecimen } from '../fixtures/specimen.ts';
import { registerOcrbFonts } from '../fixtures/fonts.ts';

const CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

function lineText(rng: Rng): string {
  if (rng.chance(0.2)) {
    // Random sequences stop the net leaning on MRZ context alone; filler runs are common there.
    const length = rng.pick([30, 36, 44]);
    let text = '';
    while (text.length < length) {
      text += rng.chance(0.25) ? '<'.repeat(rng.int(1, 12)) : CHARSET[rng.int(0, CHARSET.length - 2)];
    }
    return text.slice(0, length);
  }
  return rng.pick(createSpecimen(rng).mrz);
}

/** How hard the degradations are: 1 for the main phase, lower for the light fine-tuning phase. */
let severity = 1;

async function renderLine(rng: Rng, text: string): Promise<Buffer> {
  const fontSize = severity < 1 ? rng.range(26, 44) : rng.range(16, 46);
  const family = rng.chance(0.85) ? 'OCRB' : 'OCRBS';
  const measure = createCanvas(10, 10).getContext('2d');
  measure.font = `${fontSize}px ${family}`;
  const advance = measure.measureText('<').width;
  const pitch = advance * rng.range(0.96, 1.18);
  const padX = rng.range(0.2, 1.5) * fontSize;
  const padY = rng.range(0.15, 0.6) * fontSize;
  const width = Math.ceil(pitch * text.length + 2 * padX);
  const height = Math.ceil(fontSize * 0.75 + 2 * padY);
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');

  const paper = rng.int(150, 255);
  const ink = rng.int(0, Math.min(90, paper - 80));
  paintBackground(g, rng, width, height, paper);

  g.save();
  g.translate(width / 2, height / 2);
  g.rotate((rng.range(-1.2, 1.2) * Math.PI) / 180);
  g.translate(-width / 2, -height / 2);
  g.font = `${fontSize}px ${family}`;
  g.fillStyle = `rgb(${ink},${ink},${ink})`;
  g.strokeStyle = g.fillStyle;
  const bold = rng.chance(0.25) ? rng.range(0.3, 0.06 * fontSize) : 0;
  const baseline = padY + fontSize * 0.72;
  for (let i = 0; i < text.length; i++) {
    const x = padX + i * pitch + rng.gauss() * 0.04 * fontSize;
    const y = baseline + rng.gauss() * 0.02 * fontSize;
    g.fillText(text[i] ?? '', x, y);
    if (bold) {
      g.lineWidth = bold;
      g.strokeText(text[i] ?? '', x, y);
    }
  }
  g.restore();

  let out = canvas;
  if (rng.chance(0.6))
    out = await filtered(
      out,
      `blur(${rng.range(0.2, Math.max(0.5, fontSize * 0.045 * severity)).toFixed(2)}px)`,
    );
  if (rng.chance(0.2 * severity)) out = await resample(out, rng.range(0.35, 0.7));
  addNoise(out.getContext('2d'), rng, width, height);
  if (rng.chance(0.25 * severity)) binarise(out.getContext('2d'), width, height);
  if (rng.chance(0.25)) {
    const jpeg = await out.encode('jpeg', rng.int(severity < 1 ? 60 : 35, 90));
    const image = await loadImage(jpeg);
    const back = createCanvas(width, height);
    back.getContext('2d').drawImage(image, 0, 0);
    out = back;
  }
  return out.encode('png');
}

function paintBackground(g: SKRSContext2D, rng: Rng, width: number, height: number, paper: number): void {
  const gradient = g.createLinearGradient(0, 0, width, height * rng.range(-1, 1));
  const other = Math.max(120, paper - rng.int(0, 60));
  gradient.addColorStop(0, `rgb(${paper},${paper},${paper})`);
  gradient.addColorStop(1, `rgb(${other},${other},${other})`);
  g.fillStyle = gradient;
  g.fillRect(0, 0, width, height);
  if (rng.chance(0.3)) {
    // Faint guilloche-like security print behind the MRZ.
    g.strokeStyle = `rgba(80,80,80,${rng.range(0.05, 0.2)})`;
    g.lineWidth = rng.range(0.5, 1.5);
    const period = rng.range(8, 30);
    for (let y = -height; y < 2 * height; y += period) {
      g.beginPath();
      for (let x = 0; x <= width; x += 4) g.lineTo(x, y + Math.sin(x / period) * period * 0.5);
      g.stroke();
    }
  }
}

async function filtered(source: Canvas, filter: string): Promise<Canvas> {
  const target = createCanvas(source.width, source.height);
  const g = target.getContext('2d');
  g.filter = filter;
  g.drawImage(source, 0, 0);
  return target;
}

async function resample(source: Canvas, scale: number): Promise<Canvas> {
  const small = createCanvas(
    Math.max(1, Math.round(source.width * scale)),
    Math.max(1, Math.round(source.height * scale)),
  );
  small.getContext('2d').drawImage(source, 0, 0, small.width, small.height);
  const back = createCanvas(source.width, source.height);
  back.getContext('2d').drawImage(small, 0, 0, source.width, source.height);
  return back;
}

function addNoise(g: SKRSContext2D, rng: Rng, width: number, height: number): void {
  const sigma = rng.chance(0.7) ? rng.range(2, 2 + 16 * severity) : 0;
  if (!sigma) return;
  const image = g.getImageData(0, 0, width, height);
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    const v = Math.max(0, Math.min(255, (d[i] ?? 0) + rng.gauss() * sigma));
    d[i] = d[i + 1] = d[i + 2] = v;
  }
  g.putImageData(image, 0, 0);
}

function binarise(g: SKRSContext2D, width: number, height: number): void {
  const image = g.getImageData(0, 0, width, height);
  const d = image.data;
  let sum = 0;
  for (let i = 0; i < d.length; i += 4) sum += d[i] ?? 0;
  const threshold = (sum / (d.length / 4)) * 0.8;
  for (let i = 0; i < d.length; i += 4) d[i] = d[i + 1] = d[i + 2] = (d[i] ?? 0) < threshold ? 0 : 255;
  g.putImageData(image, 0, 0);
}

async function main(): Promise<void> {
  const [outDir, countArg, seedArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (process.argv.includes('--light')) severity = 0.35;
  if (!outDir || !countArg || !seedArg) throw new Error('usage: renderLines.ts <outDir> <count> <seed>');
  registerOcrbFonts(GlobalFonts);
  fs.mkdirSync(outDir, { recursive: true });
  const rng = createRng(Number(seedArg));
  for (let n = 0; n < Number(countArg); n++) {
    const text = lineText(rng);
    const png = await renderLine(rng, text);
    const base = path.join(outDir, String(n).padStart(6, '0'));
    fs.writeFileSync(`${base}.png`, png);
    fs.writeFileSync(`${base}.gt.txt`, `${text}\n`);
    const size = await loadImage(png);
    const box = [...text].map((c) => `${c} 0 0 ${size.width} ${size.height} 0`).join('\n');
    fs.writeFileSync(`${base}.box`, `${box}\n\t 0 0 ${size.width} ${size.height} 0\n`);
  }
}

await main();
