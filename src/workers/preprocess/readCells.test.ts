/**
 * The glyph matcher on rendered specimen documents, in Node with the real OpenCV.js: the lines the
 * worker cuts are read cell by cell, exactly (the number of cells comes from the model's reading).
 */
import { createRequire } from 'node:module';
import type { CV, Mat } from '@techstark/opencv-js';
import { GlobalFonts } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerDocumentFonts } from '../../../scripts/fixtures/fonts.ts';
import { renderDocument } from '../../../scripts/fixtures/renderDocument.ts';
import { createRng } from '../../../scripts/fixtures/rng.ts';
import { createSpecimen, type MrzFormat } from '../../../scripts/fixtures/specimen.ts';
import { locateMrz } from './findMrzLines.ts';
import { cropLines } from './lineImages.ts';
import { readCells } from './readCells.ts';

let cv: CV;
beforeAll(async () => {
  cv = await (createRequire(import.meta.url)('@techstark/opencv-js') as Promise<CV>);
  registerDocumentFonts(GlobalFonts);
}, 60_000);

function linesOf(format: MrzFormat, seed: number): { truth: string[]; lines: Mat[] } {
  const rng = createRng(seed);
  const specimen = createSpecimen(rng, { format });
  const canvas = renderDocument(specimen, rng, { dpi: 200 });
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const rgba = cv.matFromImageData({ data: data.data, width: data.width, height: data.height } as ImageData);
  const grey = new cv.Mat();
  cv.cvtColor(rgba, grey, cv.COLOR_RGBA2GRAY);
  rgba.delete();
  const found = locateMrz(cv, grey, { minWidthShare: 0.12, detectEdge: 1200 });
  if (!found) throw new Error('no MRZ found on the rendered document');
  const crops = cropLines(cv, grey, found.lines, { flip: found.upsideDown, binarise: false });
  grey.delete();
  return {
    truth: specimen.mrz,
    lines: crops.map((c) => cv.matFromArray(c.height, c.width, cv.CV_8UC1, c.pixels)),
  };
}

describe('readCells', () => {
  for (const [format, seed] of [
    ['TD1', 11],
    ['TD2', 12],
    ['TD3', 13],
  ] as const) {
    it(`reads every cell of a ${format} exactly`, () => {
      const { truth, lines } = linesOf(format, seed);
      try {
        lines.forEach((line, i) => {
          const read = readCells(cv, line, truth[i]!.length);
          // The matcher does not tell O from 0 (fuseCells leaves that to the field's class).
          expect(read?.text.replace(/O/g, '0')).toBe(truth[i]!.replace(/O/g, '0'));
          expect(read!.mean).toBeGreaterThan(0.8);
        });
      } finally {
        lines.forEach((l) => l.delete());
      }
    });
  }
});
