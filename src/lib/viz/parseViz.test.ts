import { describe, expect, it } from 'vitest';
import type { PageLine, PageText } from '../text/pageText.ts';
import { parseViz, vizDate } from './parseViz.ts';

/** Rows of text as tesseract returns them: one line per row, 40 px apart, 12 px per character. */
function page(rows: string[]): PageText {
  const lines = rows.map((row, index): PageLine => {
    let x = 100;
    const words = row
      .split(' ')
      .filter(Boolean)
      .map((text) => {
        const word = {
          text,
          confidence: 0.9,
          box: { x, y: index * 40, width: text.length * 12, height: 20 },
        };
        x += (text.length + 1) * 12;
        return word;
      });
    return { text: row, confidence: 0.9, words };
  });
  return { blocks: [{ lines }], confidence: 0.9 };
}

describe('parseViz', () => {
  it('reads each caption’s value from the row below, keeping the printed spelling', () => {
    const viz = parseViz(
      page([
        'Surname / Nom',
        'MÜLLER',
        'Given names',
        'ANNA MARIA',
        'Nationality',
        'DEU',
        'Date of birth',
        '12 AUG 1974',
        'Sex',
        'F',
        'Place of birth',
        'SAINT-ÉTIENNE',
        'Date of issue',
        '03 FEB/FÉV 2020',
        'Date of expiry',
        '02 FEB 2030',
        'Document no.',
        'C01X00T47',
      ]),
    );
    expect(viz.fields).toEqual({
      surname: 'MÜLLER',
      givenNames: 'ANNA MARIA',
      nationality: 'DEU',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      placeOfBirth: 'SAINT-ÉTIENNE',
      issueDate: '2020-02-03',
      expiryDate: '2030-02-02',
      documentNumber: 'C01X00T47',
    });
    expect(viz.confidence.surname).toBeCloseTo(0.9);
    expect(viz.boxes.surname).toMatchObject({ y: 40 });
  });

  it('reads a value on the caption’s own row, and tolerates a misread caption', () => {
    const viz = parseViz(
      page(['PLACE OF BIRTH  PARIS', 'Date ot issue', '01.02.2021', 'Sex', 'Date of birth']),
    );
    expect(viz.fields).toEqual({ placeOfBirth: 'PARIS', issueDate: '2021-02-01' });
  });
});

describe('vizDate', () => {
  it('reads ICAO month abbreviations in English and French, and numeric dates', () => {
    expect(vizDate('12 MAR 1985')).toBe('1985-03-12');
    expect(vizDate('1 AOÛT 2001')).toBe('2001-08-01');
    expect(vizDate('31 FEB 2001')).toBe('');
    expect(vizDate('05/06/2007')).toBe('2007-06-05');
  });
});
