import { describe, expect, it } from 'vitest';
import {
  cellOcrLines,
  fuseCells,
  needsSecondReader,
  uncheckedNameLines,
  type CellLine,
} from './fuseCells.ts';
import { interpretMrz, type MrzReading } from './readMrz.ts';

// ICAO 9303-4 specimen passport, issued by a real country (Utopia is no country's code).
const LINE1 = 'P<NLDERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const LINE2 = 'L898902C36NLD7408122F1204159ZE184226B<<<<<10';
const TODAY = '2010-01-01';

/** The model's reading of `lines`, with `confidence` at the given positions of line 1 and 0.99 elsewhere. */
function modelReading(lines: string[], unsure: Record<number, number> = {}): MrzReading {
  const confidences = lines.map((l, li) =>
    [...l].map((_, i) => (li === 0 && unsure[i] !== undefined ? unsure[i]! : 0.99)),
  );
  const r = interpretMrz(lines, { today: TODAY, confidences });
  if (!r) throw new Error('not an MRZ');
  return r;
}

/** The matcher's clear reading of `text`: every cell 0.9, 0.2 ahead. */
const clear = (text: string, margin = 0.2): CellLine => ({
  text,
  scores: [...text].map(() => 0.9),
  margins: [...text].map(() => margin),
  mean: 0.9,
});

const misread = (index: number, char: string): string =>
  LINE1.slice(0, index) + char + LINE1.slice(index + 1);

describe('fuseCells', () => {
  it('takes a letter the model was unsure of from a clear cell, as an undoable correction', () => {
    const model = modelReading([misread(16, 'M'), LINE2], { 16: 0.6 }); // ANNA read AMNA
    expect(model.fields.givenNames).toBe('AMNA MARIA');
    expect(needsSecondReader(model)).toBe(true);
    const fused = fuseCells(model, [clear(LINE1), clear(LINE2)], TODAY)!;
    expect(fused.fields.givenNames).toBe('ANNA MARIA');
    expect(fused.corrections).toContainEqual({
      line: 0,
      index: 16,
      from: 'M',
      to: 'N',
      reason: 'secondReader',
    });
    // Taken, not vouched for: the character stays unsure.
    expect(fused.charConfidences[0]![16]).toBeLessThan(0.9);
  });

  it("overrules a sure model within a code that is no country's with a narrow lead", () => {
    // NLD read NWD, sure: the code is on no list, so the model misread some letter of it.
    const model = modelReading([LINE1, LINE2.slice(0, 11) + 'W' + LINE2.slice(12)]);
    expect(model.fields.nationality).toBe('NWD');
    const fused = fuseCells(model, [clear(LINE1, 0.08), clear(LINE2, 0.08)], TODAY);
    expect(fused?.fields.nationality).toBe('NLD');
    expect(fused?.corrections).toEqual([{ line: 1, index: 11, from: 'W', to: 'L', reason: 'secondReader' }]);
  });

  it('overrules a sure model only with a wide lead', () => {
    const model = modelReading([misread(16, 'M'), LINE2]);
    expect(fuseCells(model, [clear(LINE1, 0.08), clear(LINE2, 0.08)], TODAY)).toBeNull();
    expect(fuseCells(model, [clear(LINE1, 0.2), clear(LINE2, 0.2)], TODAY)?.fields.givenNames).toBe(
      'ANNA MARIA',
    );
  });

  it('needs only the usual lead next to a character the length repair dropped', () => {
    // The line came back a character long and the repair dropped one at 15: the model's sure "M"
    // next to it (ANNA read AMNA) may be out of step.
    const sure = modelReading([misread(16, 'M'), LINE2]);
    const fixed: MrzReading = {
      ...sure,
      corrections: [{ line: 0, index: 15, from: 'X', to: '', reason: 'length' }],
    };
    expect(fuseCells(sure, [clear(LINE1, 0.08), clear(LINE2, 0.08)], TODAY)).toBeNull();
    expect(fuseCells(fixed, [clear(LINE1, 0.08), clear(LINE2, 0.08)], TODAY)?.fields.givenNames).toBe(
      'ANNA MARIA',
    );
  });

  it('leaves lines whose cells are shifted by one, badly matched, or only differ by O/0', () => {
    const model = modelReading([misread(16, 'M'), LINE2], { 16: 0.6 });
    const shifted = clear(`<${LINE1.slice(0, -1)}`);
    expect(fuseCells(model, [shifted, clear(LINE2)], TODAY)).toBeNull();
    expect(fuseCells(model, [{ ...clear(LINE1), mean: 0.6 }, clear(LINE2)], TODAY)).toBeNull();
    const sure = modelReading([LINE1, LINE2]);
    expect(fuseCells(sure, [clear(LINE1), clear(LINE2.replace('7408122', '74O8122'))], TODAY)).toBeNull();
  });

  it('reads a cell it sees as O or 0 as the one the position allows', () => {
    // Held-out hard photo (seed 19, td3-026): ZOFIA read ZTTIA, unsure; the matcher saw the O.
    const model = modelReading([misread(11, 'T'), LINE2], { 11: 0.6 });
    const cells = clear(LINE1.slice(0, 11) + '0' + LINE1.slice(12));
    expect(fuseCells(model, [cells, clear(LINE2)], TODAY)?.lines[0]).toBe(LINE1);
  });

  it('never puts a letter where the layout wants a digit', () => {
    const model = modelReading([LINE1, LINE2]);
    expect(fuseCells(model, [clear(LINE1), clear(LINE2.replace('7408122', '74O8I22'))], TODAY)).toBeNull();
  });

  it('is not needed when every check holds and the model was sure of every character', () => {
    expect(needsSecondReader(modelReading([LINE1, LINE2]))).toBe(false);
  });

  it('gives a badly placed line no confidence to lean on', () => {
    const [line] = cellOcrLines([{ ...clear(LINE1), mean: 0.5 }]);
    expect(line!.confidences!.every((c) => c <= 0.3)).toBe(true);
  });

  it('names the lines only a name is on, that no check digit covers', () => {
    expect(uncheckedNameLines('TD1')).toEqual([2]);
    expect(uncheckedNameLines('TD2')).toEqual([0]);
    expect(uncheckedNameLines('TD3')).toEqual([0]);
    expect(uncheckedNameLines('MRVA')).toEqual([0]);
    // The French ID's composite covers its surname line; its given names share a checked line.
    expect(uncheckedNameLines('FRENCH_ID')).toEqual([]);
  });
});
