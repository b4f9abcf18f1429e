/**
 * Builds the glyph templates of the per-character MRZ reader (src/workers/preprocess/readCells.ts):
 * each of the 37 MRZ characters drawn in OCR-B (Debian's fonts-ocr-b, vendored in
 * scripts/fixtures/fonts) in one fixed-pitch cell, exactly as ICAO 9303 sets them (2.54 mm pitch for
 * 3.45 mm of font size), grey, ink dark. Deterministic: the same font gives the same bytes.
 *
 *   tsx scripts/train-ocrb/buildGlyphs.ts   → src/workers/preprocess/ocrbGlyphs.json (committed)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { registerOcrbFonts } from '../fixtures/fonts.ts';

export const MRZ_CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';
/** Font size the templates are drawn at; the reader scales them to each line. */
const FONT_PX = 48;
/** ICAO 9303: 2.54 mm pitch for OCR-B at 3.45 mm (the fixtures draw it the same way). */
const PITCH = Math.round((FONT_PX * 2.54) / 3.45);

registerOcrbFonts(GlobalFonts);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'src', 'workers', 'preprocess', 'ocrbGlyphs.json');

// Measure the capital height on "H" so the reader can match it against a line's measured text.
const probe = createCanvas(PITCH * 2, FONT_PX * 2).getContext('2d');
probe.font = `${FONT_PX}px OCRB`;
const m = probe.measureText('H');
const capHeight = Math.round(m.actualBoundingBoxAscent);
const margin = Math.round(capHeight * 0.2);
const height = capHeight + 2 * margin;

const glyphs: Record<string, string> = {};
for (const ch of MRZ_CHARSET) {
  const canvas = createCanvas(PITCH, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, PITCH, height);
  g.fillStyle = '#000';
  g.font = `${FONT_PX}px OCRB`;
  g.fillText(ch, 0, margin + capHeight);
  const rgba = g.getImageData(0, 0, PITCH, height).data;
  const grey = new Uint8Array(PITCH * height);
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4]!;
  glyphs[ch] = Buffer.from(grey).toString('base64');
}
fs.writeFileSync(
  out,
  `${JSON.stringify({ fontPx: FONT_PX, width: PITCH, height, capHeight, top: margin, glyphs }, null, 2)}\n`,
);
console.log(`${out}: ${MRZ_CHARSET.length} glyphs, ${PITCH}×${height} px, cap height ${capHeight} px`);
