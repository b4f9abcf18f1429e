import { describe, expect, it } from 'vitest';
import type { PageLine, PageText, PageWord } from '../text/pageText.ts';
import { ektpLabelCount, parseEktp } from './parseEktp.ts';

/** The straightened card's width; the label column starts 4 % in, the portrait column at 70 %. */
const CARD_WIDTH = 1000;
const LEFT = 40;
const CHAR = 10;
const PITCH = 32;
const HEIGHT = 20;

/** A word, or a word placed by hand (the portrait column) with its own confidence. */
type Cell = string | { text: string; x?: number; confidence?: number };

const lineOf = (words: PageWord[]): PageLine => ({
  text: words.map((w) => w.text).join(' '),
  confidence: words.reduce((sum, w) => sum + w.confidence, 0) / words.length,
  words,
});

/**
 * A card as tesseract returns it: one row of text per entry, each word 10 px a character wide,
 * rows 32 px apart. A string is a header line, centred on the card. Words placed by hand go into
 * a block of their own; with `split`, so do the colons and values (the label column's block, the
 * value column's block).
 */
function ektpPage(rows: Array<string | Cell[]>, { split = false } = {}): PageText {
  const blocks: PageLine[][] = [[], [], []];
  rows.forEach((row, index) => {
    const y = index * PITCH;
    const word = (text: string, x: number, confidence = 0.9): PageWord => ({
      text,
      confidence,
      box: { x, y, width: text.length * CHAR, height: HEIGHT },
    });
    if (typeof row === 'string') {
      let x = CARD_WIDTH / 2 - (row.length * CHAR) / 2;
      blocks[0]!.push(
        lineOf(
          row.split(' ').map((text) => {
            const w = word(text, x);
            x += (text.length + 1) * CHAR;
            return w;
          }),
        ),
      );
      return;
    }
    const parts: PageWord[][] = [[], [], []];
    let x = LEFT;
    let part = 0;
    for (const cell of row) {
      const { text, x: at, confidence } = typeof cell === 'string' ? { text: cell } : cell;
      if (at !== undefined) [part, x] = [2, at];
      else if (split && part === 0 && /[:;]/.test(text)) part = 1;
      parts[part]!.push(word(text, x, confidence));
      x += (text.length + 1) * CHAR;
    }
    parts.forEach((words, i) => {
      if (words.length) blocks[i]!.push(lineOf(words));
    });
  });
  return { blocks: blocks.filter((b) => b.length).map((lines) => ({ lines })), confidence: 0.9 };
}

/** The front of an e-KTP: the issuing city and date under the portrait, beside the Agama rows. */
const CARD: Array<string | Cell[]> = [
  'PROVINSI JAWA BARAT',
  'KOTA BANDUNG',
  ['NIK', ':', '3273025708900012'],
  ['Nama', ':', { text: 'SITI', confidence: 0.5 }, { text: 'RAHAYU', confidence: 1 }],
  ['Tempat/Tgl', 'Lahir', ':', 'BANDUNG,', '17-08-1990'],
  ['Jenis', 'Kelamin', ':', 'PEREMPUAN', 'Gol.', 'Darah', ':', 'O'],
  ['Alamat', ':', 'JL.', 'MERDEKA', 'NO.', '12'],
  ['RT/RW', ':', '003/007'],
  ['Kel/Desa', ':', 'CITARUM'],
  ['Kecamatan', ':', 'BANDUNG', 'WETAN'],
  ['Agama', ':', 'ISLAN', { text: 'BANDUNG', x: 780 }],
  ['Status', 'Perkawinan', ':', 'BELUM', 'KAWlN', { text: '17-08-2012', x: 770 }],
  ['Pekerjaan', ':', 'KARYAWAN', 'SWASTA'],
  ['Kewarganegaraan', ':', 'WNI'],
  ['Berlaku', 'Hingga', ':', 'SEUMUR', 'HIDUP'],
];

const FIELDS = {
  documentType: 'id_card',
  issuingCountry: 'IDN',
  province: 'JAWA BARAT',
  regency: 'KOTA BANDUNG',
  nik: '3273025708900012',
  name: 'SITI RAHAYU',
  placeOfBirth: 'BANDUNG',
  dateOfBirth: '1990-08-17',
  sex: 'F',
  bloodType: 'O',
  address: 'JL. MERDEKA NO. 12',
  rtRw: '003/007',
  kelDesa: 'CITARUM',
  kecamatan: 'BANDUNG WETAN',
  religion: 'ISLAM',
  maritalStatus: 'BELUM KAWIN',
  occupation: 'KARYAWAN SWASTA',
  nationality: 'IDN',
  expiryDate: '',
  issueDate: '2012-08-17',
};

/** The card with one row replaced, found by its first word. */
const withRow = (first: string, row: Cell[]): Array<string | Cell[]> =>
  CARD.map((r) => (Array.isArray(r) && r[0] === first ? row : r));

describe('parseEktp', () => {
  it('reads every field of a clean card', () => {
    const reading = parseEktp(ektpPage(CARD), CARD_WIDTH);
    expect(reading.fields).toEqual(FIELDS);
    expect(reading.problems).toEqual([]);
    // SEUMUR HIDUP: no expiry date, and the form says why.
    expect(reading.notes).toEqual([{ field: 'expiryDate', code: 'lifetime' }]);
  });

  it('reads the same when the label and value columns are separate blocks', () => {
    const page = ektpPage(CARD, { split: true });
    expect(page.blocks.length).toBe(3);
    expect(parseEktp(page, CARD_WIDTH).fields).toEqual(FIELDS);
  });

  it('keeps the portrait column out of the values', () => {
    const page = ektpPage(CARD);
    // Estimated from the centred header and the label column when the outline was not found.
    expect(parseEktp(page, null).fields).toEqual(FIELDS);
    // Without a header nothing tells where the portrait column starts, but its caption sits too far
    // from the values to join their rows; the issue date under it is not found.
    const headless = parseEktp(ektpPage(CARD.slice(2)), null).fields;
    expect(headless.religion).toBe('ISLAM');
    expect(headless.maritalStatus).toBe('BELUM KAWIN');
    expect(headless.issueDate).toBeUndefined();
    expect(parseEktp(ektpPage(CARD.slice(2)), CARD_WIDTH).fields.religion).toBe('ISLAM');
  });

  it('gives each read field its box and confidence', () => {
    const reading = parseEktp(ektpPage(CARD), CARD_WIDTH);
    expect(reading.boxes.nik).toEqual({ x: 100, y: 64, width: 160, height: 20 });
    expect(reading.boxes.name).toEqual({ x: 110, y: 96, width: 110, height: 20 });
    expect(reading.confidence.name).toBe(0.75);
    expect(reading.confidence.nik).toBe(0.9);
    expect(reading.boxes.bloodType).toEqual({ x: 430, y: 160, width: 10, height: 20 });
    expect(reading.boxes.issueDate).toEqual({ x: 770, y: 352, width: 100, height: 20 });
    expect(reading.boxes.province).toEqual({ x: 495, y: 0, width: 100, height: 20 });
    // Fixed by the card's kind, not read: no box.
    expect(reading.boxes.documentType).toBeUndefined();
    expect(reading.boxes.expiryDate).toBeUndefined();
  });

  it('reads a NIK with letters for digits, split in two, colon stuck to the label', () => {
    const noisy = parseEktp(ektpPage(withRow('NIK', ['NIK', ':', '3273O2S7O89OOOI2'])), CARD_WIDTH);
    expect(noisy.fields.nik).toBe('3273025708900012');
    expect(noisy.problems).toEqual([]);
    const split = parseEktp(ektpPage(withRow('NIK', ['NIK:', '32730257', '08900012'])), CARD_WIDTH);
    expect(split.fields.nik).toBe('3273025708900012');
    expect(split.boxes.nik).toEqual({ x: 90, y: 64, width: 170, height: 20 });
  });

  it('drops a digit the colon before the NIK was read as', () => {
    const read = parseEktp(ektpPage(withRow('NIK', ['NIK', '13273025708900012'])), CARD_WIDTH);
    expect(read.fields.nik).toBe('3273025708900012');
    expect(read.problems).toEqual([]);
    // Both 16-digit runs are NIKs on their own: the digits stay as read, and the length is flagged.
    const ambiguous = parseEktp(ektpPage(withRow('NIK', ['NIK', '11111111111111111'])), CARD_WIDTH);
    expect(ambiguous.fields.nik).toBe('11111111111111111');
    expect(ambiguous.problems).toContainEqual({ field: 'nik', code: 'length' });
  });

  it('reads rows whose colon was read as 1 or |, or lost', () => {
    // Every row but the sex row, whose second colon ("Gol. Darah :") is not read as | or lost here.
    const page = ektpPage(
      CARD.map((r) => (Array.isArray(r) && r[0] !== 'Jenis' ? r.map((c) => (c === ':' ? '|' : c)) : r)),
    );
    expect(parseEktp(page, CARD_WIDTH).fields).toEqual(FIELDS);
    const lost = ektpPage(withRow('Pekerjaan', ['Pekerjaan', 'KARYAWAN', 'SWASTA']));
    expect(parseEktp(lost, CARD_WIDTH).fields.occupation).toBe('KARYAWAN SWASTA');
    const one = ektpPage(withRow('Agama', ['Agama', '1', 'KRISTEN']));
    expect(parseEktp(one, CARD_WIDTH).fields.religion).toBe('KRISTEN');
  });

  it('reads a man, his blood group and an RT/RW without leading zeros', () => {
    const page = ektpPage(
      withRow('Jenis', ['Jenis', 'Kelamin', ':', 'LAKI-LAKI', 'Gol.', 'Darah', ':', 'AB']).map((r) =>
        Array.isArray(r) && r[0] === 'RT/RW' ? ['RT/RW', ':', '3/O7'] : r,
      ),
    );
    const fields = parseEktp(page, CARD_WIDTH).fields;
    expect([fields.sex, fields.bloodType, fields.rtRw]).toEqual(['M', 'AB', '003/007']);
  });

  it('reads a blood group printed as a dash, or with 0 for O', () => {
    const group = (value: string) =>
      parseEktp(
        ektpPage(withRow('Jenis', ['Jenis', 'Kelamin', ':', 'PEREMPUAN', 'Gol.', 'Darah', ':', value])),
        CARD_WIDTH,
      ).fields.bloodType;
    expect(group('-')).toBe('-');
    expect(group('—')).toBe('-');
    expect(group('0')).toBe('O');
    expect(group('B')).toBe('B');
  });

  it('reads the place of birth without the comma, and a dated expiry', () => {
    const page = ektpPage(
      withRow('Tempat/Tgl', ['Tempat/Tgl', 'Lahir', ':', 'BANDUNG', '17-08-1990']).map((r) =>
        Array.isArray(r) && r[0] === 'Berlaku' ? ['Berlaku', 'Hingga', ':', '17-08-2027'] : r,
      ),
    );
    const fields = parseEktp(page, CARD_WIDTH).fields;
    expect([fields.placeOfBirth, fields.dateOfBirth, fields.expiryDate]).toEqual([
      'BANDUNG',
      '1990-08-17',
      '2027-08-17',
    ]);
  });

  it('keeps a religion or status it cannot match as printed', () => {
    const page = ektpPage(
      withRow('Agama', ['Agama', ':', 'KEPERCAYAAN']).map((r) =>
        Array.isArray(r) && r[0] === 'Status' ? ['Status', 'Perkawinan', ':', 'CERAI', 'HIDUP'] : r,
      ),
    );
    const fields = parseEktp(page, CARD_WIDTH).fields;
    expect([fields.religion, fields.maritalStatus]).toEqual(['KEPERCAYAAN', 'CERAI HIDUP']);
  });

  it('reports a NIK that disagrees with the printed birth date on both fields', () => {
    const page = ektpPage(withRow('Tempat/Tgl', ['Tempat/Tgl', 'Lahir', ':', 'BANDUNG,', '18-08-1990']));
    const reading = parseEktp(page, CARD_WIDTH);
    expect(reading.fields.dateOfBirth).toBe('1990-08-18');
    expect(reading.fields.nik).toBe('3273025708900012');
    expect(reading.problems).toEqual([
      { field: 'nik', code: 'date-mismatch' },
      { field: 'dateOfBirth', code: 'date-mismatch' },
    ]);
  });

  it('reports a NIK that disagrees with the printed sex on both fields', () => {
    const page = ektpPage(
      withRow('Jenis', ['Jenis', 'Kelamin', ':', 'LAKI-LAKI', 'Gol.', 'Darah', ':', 'O']),
    );
    const reading = parseEktp(page, CARD_WIDTH);
    expect(reading.fields.sex).toBe('M');
    expect(reading.problems).toEqual([
      { field: 'nik', code: 'sex-mismatch' },
      { field: 'sex', code: 'sex-mismatch' },
    ]);
  });

  it('reports a NIK with a digit lost', () => {
    const reading = parseEktp(ektpPage(withRow('NIK', ['NIK', ':', '327302570890012'])), CARD_WIDTH);
    expect(reading.fields.nik).toBe('327302570890012');
    expect(reading.problems).toEqual([{ field: 'nik', code: 'length' }]);
  });

  it('reads nothing but the kind from a page without labels', () => {
    const reading = parseEktp(ektpPage([['VIRGINIA'], ['DRIVER', 'LICENSE']]), CARD_WIDTH);
    expect(reading).toEqual({
      fields: { documentType: 'id_card', issuingCountry: 'IDN' },
      confidence: {},
      boxes: {},
      problems: [],
    });
  });
});

describe('ektpLabelCount', () => {
  it('counts the labels only an e-KTP has', () => {
    expect(ektpLabelCount(ektpPage(CARD))).toBe(8);
    expect(ektpLabelCount(ektpPage(CARD, { split: true }))).toBe(8);
    expect(ektpLabelCount(ektpPage(CARD.slice(2, 4)))).toBe(1);
    expect(
      ektpLabelCount(
        ektpPage([
          ['Agama', ':', 'ISLAM'],
          ['Kecamatan', ':', 'COBLONG'],
        ]),
      ),
    ).toBe(2);
  });

  it('is 0 for a licence', () => {
    const licence = ektpPage([['VIRGINIA'], ['DL', 'T64235789'], ['EXP', '12/10/2024'], ['LN', 'SAMPLE']]);
    expect(ektpLabelCount(licence)).toBe(0);
  });
});
