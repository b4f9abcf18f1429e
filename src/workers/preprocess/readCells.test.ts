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
import { readCells, textRows } from './readCells.ts';

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

describe('readCells on a tight cut', () => {
  it('reads the line, not the tops of the next line caught under it', () => {
    const { truth, lines } = linesOf('TD3', 13);
    const [line, next] = lines as [Mat, Mat];
    // Lines close together: the crop sits a little high on its line, and the tops of the next
    // line's capitals (a sixth of their height) show at its bottom, under the text.
    const cols = Math.min(line.cols, next.cols);
    const h = line.rows;
    const [shift, edge] = [Math.round(h * 0.06), Math.round(h * 0.14)];
    const top = line.roi(new cv.Rect(0, shift, cols, h - edge));
    const tops = next.roi(new cv.Rect(0, Math.round(h * 0.1), cols, edge));
    const stack = new cv.MatVector();
    stack.push_back(top);
    stack.push_back(tops);
    const tight = new cv.Mat();
    cv.vconcat(stack, tight);
    try {
      const read = readCells(cv, tight, truth[0]!.length);
      expect(read?.text.replace(/O/g, '0')).toBe(truth[0]!.replace(/O/g, '0'));
      expect(read!.mean).toBeGreaterThan(0.8);
    } finally {
      [tight, top, tops, ...lines].forEach((m) => m.delete());
      stack.delete();
    }
  });
});

describe('textRows', () => {
  it('takes the run of rows holding the most ink, trimmed by its own peak', () => {
    expect(textRows([0, 2, 9, 10, 9, 8, 2, 0, 16, 7, 0], 0.3)).toEqual([2, 5]);
    // Trimmed by the run's own peak, not the neighbour's.
    expect(textRows([0, 3, 6, 6, 6, 6, 3, 0, 20, 0], 0.3)).toEqual([1, 6]);
    expect(textRows([0, 0], 0.3)).toEqual([0, 1]);
  });
});
