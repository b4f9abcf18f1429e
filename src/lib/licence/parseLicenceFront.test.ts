import { describe, expect, it } from 'vitest';
import type { PageLine, PageText, PageWord } from '../text/pageText.ts';
import { licenceFrontScore, parseLicenceFront } from './parseLicenceFront.ts';

const LEFT = 30;
const CHAR = 10;
const PITCH = 30;
/** Values are printed larger than their labels (AAMVA's small red labels). */
const VALUE_HEIGHT = 20;
const LABEL_HEIGHT = 12;

/** One row's label and value pairs: [['4b EXP', '12/10/2024']], [['', 'VIRGINIA']] for no label. */
type Row = Array<[label: string, value: string]>;

/**
 * A card as tesseract returns it: one line per row, rows 30 px apart, words 10 px a character wide,
 * labels shorter than values and sharing their baseline.
 */
function licencePage(rows: Row[]): PageText {
  const lines = rows.map((row, index): PageLine => {
    const words: PageWord[] = [];
    let x = LEFT;
    const add = (text: string, height: number): void => {
      for (const t of text.split(' ').filter(Boolean)) {
        const y = index * PITCH + VALUE_HEIGHT - height;
        words.push({ text: t, confidence: 0.9, box: { x, y, width: t.length * CHAR, height } });
        x += (t.length + 1) * CHAR;
      }
    };
    for (const [label, value] of row) {
      add(label, LABEL_HEIGHT);
      add(value, VALUE_HEIGHT);
    }
    return { text: words.map((w) => w.text).join(' '), confidence: 0.9, words };
  });
  return { blocks: [{ lines }], confidence: 0.9 };
}

/** AAMVA's sample holder (the same as parseAamva's test), with the numbered labels. */
const NUMBERED: Row[] = [
  [['', 'DRIVER LICENSE']],
  [['', 'VIRGINIA']],
  [
    ['4d DLN', 'T64235789'],
    ['9 CLASS', 'D'],
  ],
  [['4b EXP', '12/10/2024']],
  [['1', 'SAMPLE']],
  [['2', 'MICHAEL JOHN']],
  [['8', '2300 WEST BROAD STREET']],
  [['', 'RICHMOND, VA 23269']],
  [['3 DOB', '06/06/1986']],
  [
    ['15 SEX', 'M'],
    ['16 HGT', `5'-08"`],
    ['18 EYES', 'BRO'],
  ],
  [['4a ISS', '06/06/2019']],
];

/** The same card with worded labels. */
const WORDED: Row[] = [
  [['', 'DRIVER LICENSE']],
  [['', 'VIRGINIA']],
  [
    ['DL', 'T64235789'],
    ['CLASS', 'D'],
  ],
  [['EXP', '12/10/2024']],
  [['LN', 'SAMPLE']],
  [['FN', 'MICHAEL JOHN']],
  [['', '2300 WEST BROAD STREET']],
  [['', 'RICHMOND, VA 23269']],
  [['DOB', '06/06/1986']],
  [
    ['SEX', 'M'],
    ['HGT', `5'-08"`],
    ['EYES', 'BRO'],
  ],
  [['ISS', '06/06/2019']],
];

const FIELDS = {
  documentType: 'driver_license',
  issuingCountry: 'USA',
  state: 'VA',
  documentNumber: 'T64235789',
  class: 'D',
  expiryDate: '2024-12-10',
  issueDate: '2019-06-06',
  dateOfBirth: '1986-06-06',
  surname: 'SAMPLE',
  givenNames: 'MICHAEL JOHN',
  address: '2300 WEST BROAD STREET, RICHMOND, VA 23269',
  sex: 'M',
  height: `5'-08"`,
  eyes: 'BRO',
};

/** The card with a row replaced: the row found by its first label, or by its value when it has none. */
const replacing = (rows: Row[], first: string, row: Row): Row[] =>
  rows.map((r) => ((r[0]![0] || r[0]![1]) === first ? row : r));

describe('parseLicenceFront', () => {
  it('reads a card with numbered labels', () => {
    const reading = parseLicenceFront(licencePage(NUMBERED));
    expect(reading.fields).toEqual(FIELDS);
    expect(reading.problems).toEqual([]);
  });

  it('reads a card with worded labels', () => {
    expect(parseLicenceFront(licencePage(WORDED)).fields).toEqual(FIELDS);
  });

  it('gives each read field its box and confidence', () => {
    const reading = parseLicenceFront(licencePage(NUMBERED));
    // "4d DLN T64235789" on the third row: the number after the two label words.
    expect(reading.boxes.documentNumber).toEqual({ x: 100, y: 60, width: 90, height: 20 });
    expect(reading.boxes.givenNames).toEqual({ x: 50, y: 150, width: 120, height: 20 });
    expect(reading.boxes.expiryDate).toEqual({ x: 100, y: 90, width: 100, height: 20 });
    expect(reading.confidence.surname).toBe(0.9);
    expect(reading.boxes.state).toBeUndefined();
  });

  it('tells the dates apart by order when their labels are misread', () => {
    // EXP read as "exe", DOB as "pos", ISS lost.
    const garbled = replacing(
      replacing(replacing(WORDED, 'EXP', [['exe', '12/10/2024']]), 'DOB', [['pos', '06/06/1986']]),
      'ISS',
      [['', '06/06/2019']],
    );
    const fields = parseLicenceFront(licencePage(garbled)).fields;
    expect([fields.dateOfBirth, fields.issueDate, fields.expiryDate]).toEqual([
      '1986-06-06',
      '2019-06-06',
      '2024-12-10',
    ]);
    expect(fields).toEqual(FIELDS);
  });

  it('tells the dates apart by order with no labels at all', () => {
    const bare = replacing(
      replacing(replacing(WORDED, 'EXP', [['', '12/10/2024']]), 'DOB', [['', '06/06/1986']]),
      'ISS',
      [['', '06/06/2019']],
    );
    expect(parseLicenceFront(licencePage(bare)).fields).toEqual(FIELDS);
  });

  it('trusts a label over the order', () => {
    // A misprinted card whose issue date is later than its expiry: the labels still say which is which.
    const swapped = replacing(WORDED, 'ISS', [['ISS', '12/31/2025']]);
    const fields = parseLicenceFront(licencePage(swapped)).fields;
    expect([fields.dateOfBirth, fields.issueDate, fields.expiryDate]).toEqual([
      '1986-06-06',
      '2025-12-31',
      '2024-12-10',
    ]);
  });

  it('reads a height whose apostrophe was lost, and a woman', () => {
    const height = (hgt: string, sex = 'M') =>
      parseLicenceFront(
        licencePage(
          replacing(WORDED, 'SEX', [
            ['SEX', sex],
            ['HGT', hgt],
            ['EYES', 'BLU'],
          ]),
        ),
      ).fields;
    expect(height(`5'-09"`).height).toBe(`5'-09"`);
    expect(height(`5-09"`).height).toBe(`5'-09"`);
    expect(height(`5’-09”`).height).toBe(`5'-09"`);
    expect(height(`6'-00"`, 'F')).toMatchObject({ height: `6'-00"`, sex: 'F', eyes: 'BLU' });
  });

  it('reads an ID card', () => {
    const id = replacing(replacing(WORDED, 'DL', [['ID', 'T64235789']]), 'DRIVER LICENSE', [
      ['', 'IDENTIFICATION CARD'],
    ]);
    const reading = parseLicenceFront(licencePage(id));
    expect(reading.fields.documentType).toBe('id_card');
    expect(reading.fields.documentNumber).toBe('T64235789');
    expect(reading.fields.class).toBeUndefined();
    expect(reading.fields.surname).toBe('SAMPLE');
  });

  it('takes the state from a header name OCR nearly spelled', () => {
    const rows = replacing(NUMBERED, 'VIRGINIA', [['', 'PENNSYLVAN1A']]);
    const fields = parseLicenceFront(licencePage(rows)).fields;
    // The header, not the address (the holder's VA), says who issued it.
    expect([fields.state, fields.issuingCountry]).toEqual(['PA', 'USA']);
  });

  it('takes the state from the address when the header is unreadable', () => {
    const rows = replacing(NUMBERED, 'VIRGINIA', [['', 'V1RG1N1A']]);
    const fields = parseLicenceFront(licencePage(rows)).fields;
    expect([fields.state, fields.issuingCountry]).toEqual(['VA', 'USA']);
    const moved = replacing(rows, 'RICHMOND, VA 23269', [['', 'HARRISBURG, PA 17101-1234']]);
    const pa = parseLicenceFront(licencePage(moved)).fields;
    expect([pa.state, pa.address]).toEqual(['PA', '2300 WEST BROAD STREET, HARRISBURG, PA 17101-1234']);
  });

  it('leaves the state empty when nothing names it', () => {
    const rows = replacing(replacing(NUMBERED, 'VIRGINIA', [['', 'V1RG1N1A']]), 'RICHMOND, VA 23269', [
      ['', 'RICHMOND'],
    ]);
    const fields = parseLicenceFront(licencePage(rows)).fields;
    expect(fields.state).toBeUndefined();
    expect(fields.issuingCountry).toBeUndefined();
    expect(fields.address).toBe('2300 WEST BROAD STREET, RICHMOND');
  });
});

describe('licenceFrontScore', () => {
  it('scores the header, the state, the dates, the height, the labels and a US address', () => {
    expect(licenceFrontScore(licencePage(NUMBERED))).toBe(7);
    expect(licenceFrontScore(licencePage([[['', 'VIRGINIA DRIVER LICENSE']]]))).toBe(3);
    expect(licenceFrontScore(licencePage([[['', 'IDENTIFICATION CARD']]]))).toBe(2);
    expect(licenceFrontScore(licencePage([[['EXP', '12/10/2024']], [['DOB', '06/06/1986']]]))).toBe(1);
    expect(licenceFrontScore(licencePage([[['HGT', `5'-08"`]]]))).toBe(1);
    // The header cut off: labels, dates, height and address still tell.
    const headless = licencePage([
      [['3 DOB', '06/06/1986']],
      [['4b EXP', '12/10/2024']],
      [['', 'RICHMOND, VA 23269']],
      [
        ['15 SEX', 'M'],
        ['16 HGT', `5'-08"`],
      ],
    ]);
    expect(licenceFrontScore(headless)).toBe(4);
  });

  it('is 0 for an e-KTP', () => {
    const ektp = licencePage([
      [['', 'PROVINSI JAWA BARAT']],
      [['NIK :', '3273025708900012']],
      [['Tempat/Tgl Lahir :', 'BANDUNG, 17-08-1990']],
      [['RT/RW :', '003/007']],
      [['Berlaku Hingga :', '17-08-2027']],
    ]);
    expect(licenceFrontScore(ektp)).toBe(0);
  });
});
