import { describe, expect, it } from 'vitest';
import type { PageLine, PageWord } from './pageText.ts';
import { meanConfidence, printedDate, splitAtColon, wordsText } from './printedReading.ts';

/** A line of words 10 px a character wide, one space between them. */
function line(text: string, confidence = 0.9): PageLine {
  let x = 0;
  const words: PageWord[] = text.split(' ').map((t) => {
    const w = { text: t, confidence, box: { x, y: 0, width: t.length * 10, height: 20 } };
    x += (t.length + 1) * 10;
    return w;
  });
  return { text, confidence, words };
}

const split = (text: string) => {
  const s = splitAtColon(line(text));
  return s && { label: s.label, value: s.value.map((w) => w.text) };
};

describe('splitAtColon', () => {
  it('splits at a colon standing alone, stuck to the label or stuck to the value', () => {
    expect(split('Nama : SITI RAHAYU')).toEqual({ label: 'Nama', value: ['SITI', 'RAHAYU'] });
    expect(split('Nama: SITI RAHAYU')).toEqual({ label: 'Nama', value: ['SITI', 'RAHAYU'] });
    expect(split('Nama :SITI RAHAYU')).toEqual({ label: 'Nama', value: ['SITI', 'RAHAYU'] });
    expect(split('Jenis Kelamin:PEREMPUAN')).toEqual({ label: 'Jenis Kelamin', value: ['PEREMPUAN'] });
  });

  it('takes a semicolon for a colon', () => {
    expect(split('Agama ; ISLAM')).toEqual({ label: 'Agama', value: ['ISLAM'] });
  });

  it('splits at the first colon only', () => {
    expect(split('Jenis Kelamin : PEREMPUAN Gol. Darah : O')).toEqual({
      label: 'Jenis Kelamin',
      value: ['PEREMPUAN', 'Gol.', 'Darah', ':', 'O'],
    });
  });

  it('gives an empty label or value when there is none', () => {
    expect(split(': WNI')).toEqual({ label: '', value: ['WNI'] });
    expect(split('Agama :')).toEqual({ label: 'Agama', value: [] });
  });

  it('is null without a colon', () => {
    expect(split('KOTA BANDUNG')).toBeNull();
  });

  it('keeps the box of a value word the colon was stuck to', () => {
    const l = line('Nama :SITI');
    expect(splitAtColon(l)!.value[0]).toEqual({ text: 'SITI', confidence: 0.9, box: l.words[1]!.box });
  });
});

describe('wordsText and meanConfidence', () => {
  it('joins words with single spaces', () => {
    const words = line('JL.  MERDEKA NO. 12').words;
    expect(wordsText(words)).toBe('JL. MERDEKA NO. 12');
    expect(wordsText([])).toBe('');
  });

  it('averages, and is 0 for no words', () => {
    const [a, b] = line('SITI RAHAYU').words;
    expect(
      meanConfidence([
        { ...a!, confidence: 0.5 },
        { ...b!, confidence: 1 },
      ]),
    ).toBe(0.75);
    expect(meanConfidence([])).toBe(0);
  });
});

describe('printedDate', () => {
  it('reads day-month-year and month/day/year as ISO', () => {
    expect(printedDate('17-08-1990', 'dmy')).toBe('1990-08-17');
    expect(printedDate('08/17/1990', 'mdy')).toBe('1990-08-17');
    expect(printedDate('1.8.1990', 'dmy')).toBe('1990-08-01');
    expect(printedDate('17 - 08 - 1990', 'dmy')).toBe('1990-08-17');
  });

  it('finds the date inside other text', () => {
    expect(printedDate('BANDUNG, 17-08-1990', 'dmy')).toBe('1990-08-17');
    expect(printedDate('4b EXP 12/10/2024', 'mdy')).toBe('2024-12-10');
  });

  it('rejects dates that do not exist', () => {
    expect(printedDate('02/30/2020', 'mdy')).toBe('');
    expect(printedDate('29-02-2021', 'dmy')).toBe('');
    expect(printedDate('29-02-2020', 'dmy')).toBe('2020-02-29');
    expect(printedDate('13/01/2020', 'mdy')).toBe('');
    expect(printedDate('32-01-2020', 'dmy')).toBe('');
    expect(printedDate('00-01-2020', 'dmy')).toBe('');
  });

  it('reads the same digits in either order', () => {
    expect(printedDate('05/06/2019', 'mdy')).toBe('2019-05-06');
    expect(printedDate('05/06/2019', 'dmy')).toBe('2019-06-05');
  });

  it('takes O, I, l, |, S and B for digits inside a date', () => {
    expect(printedDate('O1/O2/2OOO', 'mdy')).toBe('2000-01-02');
    expect(printedDate('I2/3l/I999', 'mdy')).toBe('1999-12-31');
    expect(printedDate('1B-0S-2020', 'dmy')).toBe('2020-05-18');
    expect(printedDate('1|-o8-1990', 'dmy')).toBe('1990-08-11');
  });

  it('is empty without a date', () => {
    expect(printedDate('SEUMUR HIDUP', 'dmy')).toBe('');
    expect(printedDate('17-08-90', 'dmy')).toBe('');
    expect(printedDate('', 'mdy')).toBe('');
  });
});
