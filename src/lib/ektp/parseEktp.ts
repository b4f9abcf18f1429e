/**
 * The front of an Indonesian e-KTP from OCR'd text: the province/regency header, the 16-digit NIK
 * and the "Label : value" rows, found by their labels (matched with a few OCR mistakes allowed),
 * plus the issue date printed under the portrait. The NIK is checked against the printed date of
 * birth and sex; a disagreement is reported on both fields, never resolved.
 */
import type { PageLine, PageText, PageWord } from '../text/pageText.ts';
import { pageLines, textRows, unionBox } from '../text/pageText.ts';
import { closest, digitsFrom, levenshtein, squash } from '../text/fuzzy.ts';
import {
  type LabelledLine,
  meanConfidence,
  printedDate,
  splitAtColon,
  wordsText,
  type PrintedReading,
} from '../text/printedReading.ts';
import { checkNik } from './nik.ts';

export type EktpField =
  | 'documentType'
  | 'issuingCountry'
  | 'nik'
  | 'name'
  | 'placeOfBirth'
  | 'dateOfBirth'
  | 'sex'
  | 'bloodType'
  | 'address'
  | 'rtRw'
  | 'kelDesa'
  | 'kecamatan'
  | 'religion'
  | 'maritalStatus'
  | 'occupation'
  | 'nationality'
  | 'expiryDate'
  | 'province'
  | 'regency'
  | 'issueDate';

export type EktpReading = PrintedReading<EktpField>;

/** Each row's label as printed (and variants), by what the row holds. */
const LABELS = {
  nik: ['NIK'],
  name: ['Nama'],
  birth: ['Tempat/Tgl Lahir', 'Tempat Lahir'],
  sex: ['Jenis Kelamin'],
  address: ['Alamat'],
  rtRw: ['RT/RW'],
  kelDesa: ['Kel/Desa'],
  kecamatan: ['Kecamatan'],
  religion: ['Agama'],
  maritalStatus: ['Status Perkawinan'],
  occupation: ['Pekerjaan'],
  nationality: ['Kewarganegaraan'],
  expiry: ['Berlaku Hingga'],
} satisfies Record<string, string[]>;

type Row = keyof typeof LABELS;

export const RELIGIONS = ['ISLAM', 'KRISTEN', 'KATOLIK', 'HINDU', 'BUDDHA', 'KONGHUCU'] as const;
export const MARITAL_STATUSES = ['BELUM KAWIN', 'KAWIN', 'CERAI HIDUP', 'CERAI MATI'] as const;

/** Words this far right on a straightened card belong to the portrait column (issue city and date). */
const PORTRAIT_COLUMN = 0.7;
/** Where the label column starts, as a share of the card's width. */
const LABEL_MARGIN = 0.04;

/** Labels an e-KTP has that other documents do not: how the kind is told. */
export function ektpLabelCount(page: PageText): number {
  const text = squash(
    pageLines(page)
      .map((l) => l.text)
      .join(' '),
  );
  return [
    'PROVINSI',
    'NIK',
    'KEWARGANEGARAAN',
    'BERLAKUHINGGA',
    'KELDESA',
    'KECAMATAN',
    'AGAMA',
    'PERKAWINAN',
  ].filter((label) => text.includes(label)).length;
}

/**
 * `pageWidth`: the straightened card's width in the page image's pixels, or null when no outline was
 * found (then the portrait column cannot be told apart and is not used).
 */
export function parseEktp(page: PageText, pageWidth: number | null): EktpReading {
  const reading: EktpReading = { fields: {}, confidence: {}, boxes: {}, problems: [] };
  const set = (field: EktpField, value: string, words: readonly PageWord[]): void => {
    if (!value || reading.fields[field]) return;
    reading.fields[field] = value;
    reading.confidence[field] = meanConfidence(words);
    const box = unionBox(words.map((w) => w.box));
    if (box) reading.boxes[field] = box;
  };
  reading.fields.documentType = 'id_card';
  reading.fields.issuingCountry = 'IDN';

  const lines = textRows(page);
  const column = portraitColumn(lines, pageWidth);
  const inTextColumn = (w: PageWord): boolean => column === null || w.box.x < column;
  lines.forEach((line, index) => {
    const words = line.words.filter(inTextColumn);
    const text = wordsText(words);
    const upper = text.toUpperCase();
    // Header: "PROVINSI JAWA BARAT", then the regency on the next line.
    const provinsi = /^PR[O0]V[I1]NS[I1]\s+(.+)$/.exec(upper);
    if (provinsi) {
      set('province', cleanUpper(provinsi[1]!), words.slice(1));
      const next = lines[index + 1];
      if (next && !splitAtColon(next)) set('regency', cleanUpper(next.text), next.words);
      return;
    }
    const colon = splitAtColon({ ...line, words });
    const split = colon && rowOf(colon.label) ? colon : splitAtLabel(words);
    const row = split ? rowOf(split.label) : null;
    if (!split || !row) return;
    const value = split.value;
    const raw = wordsText(value);
    switch (row) {
      case 'nik': {
        set('nik', nikDigits(digitsFrom(raw.replace(/\s+/g, ''))), value);
        break;
      }
      case 'name':
      case 'address':
      case 'kelDesa':
      case 'kecamatan':
      case 'occupation':
        set(row, cleanUpper(raw), value);
        break;
      case 'birth': {
        const comma = raw.lastIndexOf(',');
        const place = comma >= 0 ? raw.slice(0, comma) : raw.replace(/[\d\s./-]+$/, '');
        set('placeOfBirth', cleanUpper(place), value);
        set('dateOfBirth', printedDate(raw, 'dmy'), value);
        break;
      }
      case 'sex': {
        const blood = /G[O0]L\.?\s*DARAH\s*[:;1|]?\s*(AB|A|B|O|0|Q|D|-|–|—|=|~)?/i.exec(raw);
        const sexText = blood ? raw.slice(0, blood.index) : raw;
        const sex = closest(sexText.split(/\s+/)[0] ?? '', ['LAKI-LAKI', 'PEREMPUAN']);
        set('sex', sex === 'PEREMPUAN' ? 'F' : sex ? 'M' : '', value);
        const group = blood?.[1]?.toUpperCase();
        if (group)
          set(
            'bloodType',
            /^[0QD]$/.test(group) ? 'O' : /^[–—=~]$/.test(group) ? '-' : group,
            value.slice(-1),
          );
        break;
      }
      case 'rtRw': {
        const parts = raw.split('/').map(digitsFrom).filter(Boolean);
        if (parts.length === 2) set('rtRw', parts.map((p) => p.padStart(3, '0')).join('/'), value);
        break;
      }
      case 'religion':
        set('religion', closest(raw, RELIGIONS) ?? cleanUpper(raw), value);
        break;
      case 'maritalStatus':
        set('maritalStatus', closest(raw, MARITAL_STATUSES) ?? cleanUpper(raw), value);
        break;
      case 'nationality':
        // WNA (a foreign citizen) is one letter from WNI: only a clear WNI is Indonesian.
        if (closest(raw.split(/\s+/)[0] ?? '', ['WNI', 'WNA'], 0.34) === 'WNI')
          set('nationality', 'IDN', value.slice(0, 1));
        break;
      case 'expiry':
        if (closest(raw, ['SEUMUR HIDUP'])) {
          reading.fields.expiryDate = '';
          (reading.notes ??= []).push({ field: 'expiryDate', code: 'lifetime' });
        } else set('expiryDate', printedDate(raw, 'dmy'), value);
        break;
    }
  });

  // The issue date is printed under the portrait, beside the rows.
  if (column !== null) {
    for (const word of lines.flatMap((l) => l.words)) {
      if (word.box.x < column * 0.95) continue;
      const iso = printedDate(word.text, 'dmy');
      if (iso) set('issueDate', iso, [word]);
    }
  }

  const nik = reading.fields.nik;
  if (nik) {
    const printed = { dateOfBirth: reading.fields.dateOfBirth ?? '', sex: reading.fields.sex ?? '' };
    for (const code of checkNik(nik, printed)) {
      reading.problems.push({ field: 'nik', code });
      if (code === 'date-mismatch') reading.problems.push({ field: 'dateOfBirth', code });
      if (code === 'sex-mismatch') reading.problems.push({ field: 'sex', code });
    }
  }
  return reading;
}

/** Where the portrait column starts: from the card's width, or estimated from the text when the
 * card's outline was not found (labels start ~4 % in; the header is centred on the card). */
function portraitColumn(rows: PageLine[], pageWidth: number | null): number | null {
  if (pageWidth !== null) return pageWidth * PORTRAIT_COLUMN;
  const header = rows.find((r) => /PR[O0]V[I1]NS[I1]/i.test(r.text));
  const labelled = rows.filter((r) => splitAtColon(r) && rowOf(splitAtColon(r)!.label));
  if (!header || labelled.length < 3) return null;
  const left = Math.min(...labelled.map((r) => r.words[0]!.box.x));
  const first = header.words[0]!.box;
  const last = header.words.at(-1)!.box;
  const centre = (first.x + last.x + last.width) / 2;
  const width = (centre - left) / (0.5 - LABEL_MARGIN);
  return width > 0 ? left + (PORTRAIT_COLUMN - LABEL_MARGIN) * width : null;
}

/** "Agama 1 ISLAM": the colon read as 1, |, ! or lost; the label is the first one to three words. */
function splitAtLabel(words: PageWord[]): LabelledLine | null {
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const label = words
      .slice(0, n)
      .map((w) => w.text)
      .join(' ');
    if (!rowOf(label)) continue;
    const rest = words.slice(n);
    const value = /^[1|!il;:.]$/.test(rest[0]?.text ?? '') ? rest.slice(1) : rest;
    return value.length ? { line: { text: '', confidence: 0, words }, label, value } : null;
  }
  return null;
}

/**
 * A NIK read with extra digits (the colon before it read as "1", a speck as a digit): the one
 * 16-digit run that is a NIK on its own (a province code, a birth date). When none or several
 * are, the digits stay as read, and the length is flagged.
 */
function nikDigits(digits: string): string {
  if (digits.length <= 16) return digits;
  const valid: string[] = [];
  for (let start = 0; start + 16 <= digits.length; start++) {
    const candidate = digits.slice(start, start + 16);
    if (checkNik(candidate, { dateOfBirth: '', sex: '' }).length === 0) valid.push(candidate);
  }
  return valid.length === 1 ? valid[0]! : digits;
}

function rowOf(label: string): Row | null {
  const l = squash(label);
  if (!l) return null;
  let best: { row: Row; distance: number } | null = null;
  for (const [row, options] of Object.entries(LABELS) as Array<[Row, string[]]>) {
    const match = closest(l, options, 0.3);
    if (!match) continue;
    // Fewest edits wins ("ALAMA" is Alamat, not Agama).
    const distance = levenshtein(l, squash(match));
    if (!best || distance < best.distance) best = { row, distance };
  }
  return best?.row ?? null;
}

/** Upper case, single spaces, no stray punctuation at the ends (OCR noise from the background). */
function cleanUpper(text: string): string {
  return text
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/^[^A-Z0-9]+|[^A-Z0-9.)]+$/g, '')
    .trim();
}
