import { describe, expect, it } from 'vitest';
import {
  pageLines,
  pagePlainText,
  levelledPage,
  textRows,
  unionBox,
  type PageLine,
  type PageText,
  type PageWord,
} from './pageText.ts';

/** A word 10 px a character wide; `y` is its top. */
const word = (text: string, x: number, y: number, height = 20, confidence = 0.9): PageWord => ({
  text,
  confidence,
  box: { x, y, width: text.length * 10, height },
});

const line = (...words: PageWord[]): PageLine => ({
  text: words.map((w) => w.text).join(' '),
  confidence: words.reduce((sum, w) => sum + w.confidence, 0) / words.length,
  words,
});

const page = (...blocks: PageLine[][]): PageText => ({
  blocks: blocks.map((lines) => ({ lines })),
  confidence: 0.9,
});

const texts = (rows: PageLine[]): string[] => rows.map((r) => r.text);

describe('pageLines and pagePlainText', () => {
  const twoBlocks = page(
    [line(word('PROVINSI', 0, 0), word('BALI', 90, 0)), line(word('KOTA', 0, 30), word('DENPASAR', 50, 30))],
    [line(word('NIK', 0, 70))],
  );

  it('flattens the blocks into their lines, in order', () => {
    expect(pageLines(twoBlocks).map((l) => l.text)).toEqual(['PROVINSI BALI', 'KOTA DENPASAR', 'NIK']);
  });

  it('writes one visual row per line, across blocks', () => {
    expect(pagePlainText(twoBlocks)).toBe('PROVINSI BALI\nKOTA DENPASAR\nNIK');
  });
});

describe('unionBox', () => {
  it('is null for no boxes', () => {
    expect(unionBox([])).toBeNull();
  });

  it('covers every box', () => {
    expect(
      unionBox([
        { x: 10, y: 20, width: 30, height: 5 },
        { x: 50, y: 15, width: 10, height: 20 },
      ]),
    ).toEqual({ x: 10, y: 15, width: 50, height: 20 });
  });
});

describe('textRows', () => {
  it('is empty for an empty page', () => {
    expect(textRows(page())).toEqual([]);
    expect(textRows(page([{ text: '', confidence: 0, words: [] }]))).toEqual([]);
  });

  it('joins a label block and a value block into rows, top to bottom and left to right', () => {
    // Tesseract's auto layout: the value column is one block, the label column another.
    const values = [
      line(word('SITI', 150, 1, 20, 0.5), word('RAHAYU', 200, 1, 20, 1)),
      line(word('ISLAM', 150, 31)),
    ];
    const labels = [line(word('Nama', 0, 0)), line(word('Agama', 0, 30))];
    const rows = textRows(page(values, labels));
    expect(texts(rows)).toEqual(['Nama SITI RAHAYU', 'Agama ISLAM']);
    expect(rows[0]!.words.map((w) => w.box.x)).toEqual([0, 150, 200]);
    expect(rows[0]!.confidence).toBeCloseTo((0.9 + 0.5 + 1) / 3, 10);
  });

  it('puts a line in the nearest row, and starts a row when none is within 0.6 text heights', () => {
    const rows = textRows(
      page(
        [line(word('Nama', 0, 0)), line(word('Agama', 0, 30))],
        // 8 px below Nama and 22 px above Agama; then 13 px below Agama: a row of its own.
        [line(word('SITI', 150, 8)), line(word('ISLAM', 300, 43))],
      ),
    );
    expect(texts(rows)).toEqual(['Nama SITI', 'Agama', 'ISLAM']);
  });

  it('joins a line that overlaps the end of a row by at most one text height', () => {
    // OCR boxes of neighbouring words overlap a little: ONE ends at 30, TWO starts at 10.
    expect(texts(textRows(page([line(word('ONE', 0, 0)), line(word('TWO', 10, 4))])))).toEqual(['ONE TWO']);
    // SEVEN ends at 50: TWO, 4 px lower, is another row, not the same row read twice.
    expect(texts(textRows(page([line(word('SEVEN', 0, 0)), line(word('TWO', 10, 4))])))).toEqual([
      'SEVEN',
      'TWO',
    ]);
  });

  it('keeps the rows of a slightly tilted card apart by comparing the ends that meet', () => {
    // Each row falls 8 px per 120 px; rows are 20 px apart, so a row's right end is level with
    // the next row's left end.
    const rowOf = (name: string, top: number): PageLine[] =>
      [0, 120, 240].map((x, i) => line(word(`${name}${i}`, x, top + i * 8)));
    const [a0, a1, a2] = rowOf('A', 0);
    const [b0, b1, b2] = rowOf('B', 20);
    const rows = textRows(page([a0!, b0!], [a1!, b1!], [a2!, b2!]));
    expect(texts(rows)).toEqual(['A0 A1 A2', 'B0 B1 B2']);
  });

  it('does not let one tall speck widen the rows (the typical text height is used)', () => {
    // A 60 px signature stroke beside the name; the next row's value is 18 px lower (20 px text).
    const rows = textRows(
      page(
        [
          line(word('Nama', 0, 0)),
          line(word('/', 60, -11, 60)),
          line(word('SITI', 150, 0), word('RAHAYU', 200, 0)),
        ],
        [line(word('ISLAM', 300, 18))],
      ),
    );
    expect(texts(rows)).toEqual(['Nama / SITI RAHAYU', 'ISLAM']);
  });

  it('keeps a caption far beside the rows (under a portrait) on a row of its own', () => {
    const rows = textRows(
      page(
        [line(word('Agama', 0, 0)), line(word(':', 200, 0), word('ISLAM', 220, 0))],
        [line(word('BANDUNG', 800, 2))],
      ),
    );
    expect(texts(rows)).toEqual(['Agama : ISLAM', 'BANDUNG']);
  });
});

describe('levelledPage', () => {
  const word = (text: string, x: number, y: number, width: number, height: number) => ({
    text,
    confidence: 0.9,
    box: { x, y, width, height },
  });
  const pageOf = (...lines: ReturnType<typeof word>[][]): PageText => ({
    confidence: 0.9,
    blocks: [{ lines: lines.map((words) => ({ text: '', confidence: 0.9, words })) }],
  });

  it('leaves lines that run across alone', () => {
    const across = pageOf([word('LN', 10, 10, 30, 20), word('DOE', 50, 10, 40, 20)]);
    expect(levelledPage(across, 1000, 600)).toEqual({ text: across, turns: 0 });
  });

  it('lays lines that run down level, and says to turn the image back a quarter', () => {
    // On a 600×1000 image turned a quarter clockwise, "LN DOE" runs down at x 560.
    const down = pageOf([word('LN', 560, 10, 20, 30), word('DOE', 560, 50, 20, 40)]);
    const { text, turns } = levelledPage(down, 600, 1000);
    expect(turns).toBe(3);
    const [ln, doe] = text.blocks[0]!.lines[0]!.words;
    expect(ln!.box).toEqual({ x: 10, y: 20, width: 30, height: 20 });
    expect(doe!.box).toEqual({ x: 50, y: 20, width: 40, height: 20 });
  });

  it('lays lines that run up level, a quarter turn clockwise', () => {
    const up = pageOf([word('LN', 20, 960, 20, 30), word('DOE', 20, 910, 20, 40)]);
    const { text, turns } = levelledPage(up, 600, 1000);
    expect(turns).toBe(1);
    const [ln, doe] = text.blocks[0]!.lines[0]!.words;
    expect(ln!.box.x).toBeLessThan(doe!.box.x);
    expect(ln!.box).toEqual({ x: 10, y: 20, width: 30, height: 20 });
  });
});
