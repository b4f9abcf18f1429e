import { levenshtein, squash } from '../text/fuzzy.ts';
import { textRows, unionBox, type PageLine, type PageText, type PageWord } from '../text/pageText.ts';
import { meanConfidence, printedDate, wordsText, type PrintedReading } from '../text/printedReading.ts';
import { isRealDate } from '../dates/isoDate.ts';

/** The fields a passport's or ID card's visual zone prints under a caption (ICAO 9303-3 §4). */
export type VizField =
  | 'surname'
  | 'givenNames'
  | 'nationality'
  | 'dateOfBirth'
  | 'sex'
  | 'placeOfBirth'
  | 'issueDate'
  | 'expiryDate'
  | 'documentNumber';

/** Captions in English, French and Indonesian (documents print one or several, "Surname / Nom"). */
const CAPTIONS: Record<VizField, string[]> = {
  surname: ['SURNAME', 'NOM', 'NAMA KELUARGA'],
  givenNames: ['GIVEN NAMES', 'PRENOMS', 'NAMA DEPAN'],
  nationality: ['NATIONALITY', 'NATIONALITE', 'KEWARGANEGARAAN'],
  dateOfBirth: ['DATE OF BIRTH', 'DATE DE NAISSANCE', 'TANGGAL LAHIR'],
  sex: ['SEX', 'SEXE', 'JENIS KELAMIN'],
  placeOfBirth: ['PLACE OF BIRTH', 'LIEU DE NAISSANCE', 'TEMPAT LAHIR'],
  issueDate: ['DATE OF ISSUE', 'DATE DE DELIVRANCE', 'TANGGAL PENGELUARAN'],
  expiryDate: ['DATE OF EXPIRY', 'DATE D EXPIRATION', 'TANGGAL HABIS BERLAKU'],
  documentNumber: ['DOCUMENT NO', 'PASSPORT NO', 'NO DU DOCUMENT', 'NO PASPOR'],
};

const MONTHS: Record<string, number> = {
  JAN: 1,
  FEB: 2,
  FEV: 2,
  MAR: 3,
  MARS: 3,
  APR: 4,
  AVR: 4,
  MAY: 5,
  MAI: 5,
  JUN: 6,
  JUIN: 6,
  JUL: 7,
  JUIL: 7,
  AUG: 8,
  AOUT: 8,
  AGU: 8,
  SEP: 9,
  OCT: 10,
  OKT: 10,
  NOV: 11,
  DEC: 12,
  DES: 12,
  MEI: 5,
};

/** A caption at the start of a row: the field, and how many of the row's words it took. */
function captionOf(row: PageLine): { field: VizField; words: number } | null {
  let best: { field: VizField; words: number; distance: number } | null = null;
  for (const [field, captions] of Object.entries(CAPTIONS) as Array<[VizField, string[]]>) {
    for (const caption of captions) {
      const size = caption.split(' ').length;
      const head = squash(
        row.words
          .slice(0, size)
          .map((w) => w.text)
          .join(' '),
      );
      const want = squash(caption);
      const distance = levenshtein(head, want);
      if (distance <= Math.floor(want.length * 0.25) && (!best || distance < best.distance))
        best = { field, words: size, distance };
    }
  }
  // A bilingual caption ("Surname / Nom") takes the rest of the row's caption words with it.
  if (!best) return null;
  let words = best.words;
  while (words < row.words.length && /^[/|]$|^\//.test(row.words[words]!.text)) words += 2;
  return { field: best.field, words: Math.min(words, row.words.length) };
}

/** "12 MAR 1985", "12 MAR/MARS 1985", "12.03.1985" as ISO, or ''. */
export function vizDate(text: string): string {
  const named = /(\d{1,2})\s+([A-Z]{3,4})(?:\s*\/\s*[A-Z]{3,5})?\s+(\d{4})/.exec(
    text.toUpperCase().normalize('NFD').replace(/\p{M}/gu, ''),
  );
  if (named) {
    const [day, month, year] = [Number(named[1]), MONTHS[named[2]!] ?? 0, Number(named[3])];
    if (!isRealDate(year, month, day)) return '';
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return printedDate(text, 'dmy');
}

function valueOf(field: VizField, text: string): string {
  const t = text.trim();
  if (field === 'dateOfBirth' || field === 'issueDate' || field === 'expiryDate') return vizDate(t);
  if (field === 'sex') return /^[MFX]\b/.exec(t.toUpperCase())?.[0] ?? '';
  if (field === 'nationality') return /\b[A-Z]{3}\b/.exec(t.toUpperCase())?.[0] ?? '';
  if (field === 'documentNumber') return t.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return t.toUpperCase().replace(/\s+/g, ' ');
}

/**
 * The visual zone of a passport or ID card: each caption's value, on the caption's row after it
 * or on the row below (the ICAO layout prints captions above the data). Values keep the printed
 * spelling (MÜLLER, GARCÍA), which the MRZ can only transliterate.
 */
export function parseViz(page: PageText): PrintedReading<VizField> {
  const rows = textRows(page);
  const out: PrintedReading<VizField> = { fields: {}, confidence: {}, boxes: {}, problems: [] };
  rows.forEach((row, i) => {
    const caption = captionOf(row);
    if (!caption || out.fields[caption.field] !== undefined) return;
    const next = rows[i + 1];
    const words: PageWord[] =
      caption.words < row.words.length
        ? row.words.slice(caption.words)
        : next && !captionOf(next)
          ? next.words
          : [];
    const value = valueOf(caption.field, wordsText(words));
    if (!value) return;
    out.fields[caption.field] = value;
    out.confidence[caption.field] = meanConfidence(words);
    const box = unionBox(words.map((w) => w.box));
    if (box) out.boxes[caption.field] = box;
  });
  return out;
}
