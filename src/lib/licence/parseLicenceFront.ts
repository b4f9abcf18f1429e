/**
 * The front of a US driver's licence or state ID from OCR'd text. Labels are small and often misread
 * (EXP as "exe", DOB as "pos"), so fields are found by what their values look like and by the order
 * AAMVA's design puts them in, with labels as a tie-breaker:
 * - dates (MM/DD/YYYY): the earliest is the birth date, the latest the expiry, the one between the issue;
 * - the licence number: the first long letter-and-digit value above the dates' block;
 * - names: the rows labelled LN/FN or 1/2, else the two rows of letters after the expiry row;
 * - address: the rows between the given names and the birth date (label 8);
 * - sex, height (5'-09"), eyes (an AAMVA colour code), class: by their patterns.
 */
import { JURISDICTION_NAMES, jurisdictionByCode, jurisdictionName } from '../aamva/jurisdictions.ts';
import { closest, squash } from '../text/fuzzy.ts';
import type { PageLine, PageText, PageWord } from '../text/pageText.ts';
import { textRows, unionBox } from '../text/pageText.ts';
import { meanConfidence, printedDate, wordsText, type PrintedReading } from '../text/printedReading.ts';

export type LicenceFrontField =
  | 'documentType'
  | 'issuingCountry'
  | 'state'
  | 'documentNumber'
  | 'class'
  | 'expiryDate'
  | 'issueDate'
  | 'dateOfBirth'
  | 'surname'
  | 'givenNames'
  | 'address'
  | 'sex'
  | 'height'
  | 'eyes';

export type LicenceFrontReading = PrintedReading<LicenceFrontField>;

export const EYE_CODES = ['BLK', 'BLU', 'BRO', 'GRY', 'GRN', 'HAZ', 'MAR', 'PNK', 'DIC', 'UNK'] as const;

const DATE = /[\dOIlSB]{2}\s*\/\s*[\dOIlSB]{2}\s*\/\s*[\dOIlSB]{4}/;
/** 5'-09" (the apostrophe is often lost: 5-09"). */
const HEIGHT = /(?:^|\s)(\d)\s*(?:['’′]\s*-?|-)\s*(\d{2})(?:["”″]|\s|$)/;

/** How strongly the text says "US licence front": header words and AAMVA labels. */
export function licenceFrontScore(page: PageText): number {
  const text = textRows(page)
    .map((r) => r.text)
    .join(' ')
    .toUpperCase();
  let score = 0;
  if (/DRIVER|LICEN[CS]E|IDENTIFICATION\s+CARD/.test(text)) score += 2;
  if (jurisdictionName(text)) score += 1;
  if ((text.match(new RegExp(DATE.source, 'g')) ?? []).length >= 2) score += 1;
  if (HEIGHT.test(text)) score += 1;
  // The header may be cut off or unreadable: the small labels and a US address also tell.
  // Whole labels only (a field number may stick to one: 15SEX), not ISSUE, EXPIRY or MISSISSIPPI.
  const labels = text.match(/(?<![A-Z])(DOB|EXP|ISS|SEX|HGT|EYES|CLASS)(?![A-Z])/g) ?? [];
  if (new Set(labels).size >= 3) score += 1;
  if (/,\s*[A-Z]{2}\s+\d{5}\b/.test(text)) score += 1;
  return score;
}

export function parseLicenceFront(page: PageText): LicenceFrontReading {
  const reading: LicenceFrontReading = { fields: {}, confidence: {}, boxes: {}, problems: [] };
  const set = (field: LicenceFrontField, value: string, words: readonly PageWord[]): void => {
    if (!value || reading.fields[field] !== undefined) return;
    reading.fields[field] = value;
    reading.confidence[field] = meanConfidence(words);
    const box = unionBox(words.map((w) => w.box));
    if (box) reading.boxes[field] = box;
  };
  const rows = textRows(page);
  const all = rows
    .map((r) => r.text)
    .join(' ')
    .toUpperCase();

  // Header: which jurisdiction, and licence or ID card.
  // The header first: a holder named VIRGINIA, or a street named WASHINGTON, is no issuer.
  const header = rows.slice(0, 3).map((r) => r.text);
  const jurisdiction =
    jurisdictionName(header.join(' ')) ??
    jurisdictionName(header.map(closestName).join(' ')) ??
    jurisdictionName(all);
  if (jurisdiction) {
    reading.fields.state = jurisdiction.code;
    reading.fields.issuingCountry = jurisdiction.country;
  }
  const idHeader = /IDENTIFICATION|\bID\s+CARD/.test(all) && !/DRIVER/.test(all);

  // Dates, in reading order, with the label word before each.
  const dates: Array<{ row: number; iso: string; label: string; words: PageWord[] }> = [];
  rows.forEach((row, index) => {
    row.words.forEach((word, i) => {
      if (!DATE.test(word.text)) return;
      const iso = printedDate(word.text, 'mdy');
      if (iso) dates.push({ row: index, iso, label: labelBefore(row.words, i), words: [word] });
    });
  });
  const byLabel = (labels: string[]) => dates.find((d) => closest(d.label, labels, 0.34));
  const sorted = [...dates].sort((a, b) => a.iso.localeCompare(b.iso));
  const birth = byLabel(['DOB', '3DOB']) ?? (sorted.length >= 2 ? sorted[0] : undefined);
  const expiry = byLabel(['EXP', '4BEXP']) ?? (sorted.length >= 2 ? sorted.at(-1) : undefined);
  // Unlabelled, the issue date is one between the birth and the expiry (not an "under 21 until").
  const issue =
    byLabel(['ISS', '4AISS']) ??
    dates.find(
      (d) => d !== birth && d !== expiry && !!birth && !!expiry && d.iso > birth.iso && d.iso < expiry.iso,
    );
  if (birth) set('dateOfBirth', birth.iso, birth.words);
  if (expiry && expiry !== birth) set('expiryDate', expiry.iso, expiry.words);
  if (issue && issue !== birth && issue !== expiry) set('issueDate', issue.iso, issue.words);

  const firstDateRow = Math.min(...dates.map((d) => d.row), rows.length);
  const birthRow = birth?.row ?? rows.length;
  const expiryRow = expiry?.row ?? -1;

  // Licence number: the first one before the dates' block.
  for (let index = 0; index < rows.length && index <= firstDateRow; index++) {
    const words = rows[index]!.words;
    const at = words.findIndex((w) => isDocumentNumber(w.text));
    if (at < 0) continue;
    set('documentNumber', cleanNumber(words[at]!.text), [words[at]!]);
    break;
  }
  // Class: the value after a CLASS label (beside the number on most designs, a row of its own on some).
  for (const row of rows.slice(0, firstDateRow + 1)) {
    const classAt = row.words.findIndex((w) => closest(w.text, ['CLASS'], 0.4));
    const value = classAt >= 0 ? row.words[classAt + 1] : undefined;
    if (value && /^[A-Z0-9€]{1,3}$/i.test(value.text)) {
      set('class', value.text.replace('€', 'C').toUpperCase(), [value]);
      break;
    }
  }

  // Names: the rows of letters after the expiry (or number) row, before the address.
  const nameRows: Array<{ index: number; words: PageWord[] }> = [];
  for (let index = Math.max(expiryRow, 0) + 1; index < birthRow && nameRows.length < 2; index++) {
    const value = valueWords(rows[index]!);
    // A name has no digits, except a generational suffix at its end (JONES 3RD).
    const digits = value.filter((w) => /\d/.test(w.text));
    const suffix =
      digits.length === 1 && digits[0] === value.at(-1) && /^\d(ST|ND|RD|TH)$/i.test(digits[0]!.text);
    if (!value.length || (digits.length && !suffix)) {
      if (nameRows.length) break;
      continue;
    }
    nameRows.push({ index, words: value });
  }
  const [surnameRow, givenRow] = nameRows;
  if (surnameRow) set('surname', wordsText(surnameRow.words).toUpperCase(), surnameRow.words);
  if (givenRow) set('givenNames', wordsText(givenRow.words).toUpperCase(), givenRow.words);

  // Address: the rows between the names and the birth date; "CITY, ST 12345" ends it.
  const after = (givenRow ?? surnameRow)?.index ?? expiryRow;
  const addressRows: PageWord[][] = [];
  for (let index = after + 1; index < birthRow; index++) {
    const value = valueWords(rows[index]!);
    // Specks from the portrait or signature are no address line.
    if (wordsText(value).replace(/[^A-Za-z0-9]/g, '').length >= 3) addressRows.push(value);
  }
  if (addressRows.length) {
    const text = addressRows.map((words) => wordsText(words).replace(/,$/, '')).join(', ');
    set('address', text.toUpperCase().replace(/\s+,/g, ','), addressRows.flat());
    // A header the OCR could not read: the holder lives in the issuing state on nearly every card.
    const region = /,\s*([A-Z]{2})\s+\d{5}(?:-\d{4})?$/.exec(reading.fields.address ?? '');
    const byCode = region ? jurisdictionByCode(region[1]!) : null;
    if (!reading.fields.state && byCode) {
      reading.fields.state = byCode.code;
      reading.fields.issuingCountry = byCode.country;
    }
  }

  // Sex, height and eyes: by pattern, anywhere after the names.
  for (const row of rows.slice(after + 1)) {
    const text = row.text.toUpperCase();
    const height = HEIGHT.exec(text);
    if (height) {
      const word = row.words.find((w) => HEIGHT.test(w.text)) ?? row.words[0]!;
      set('height', `${height[1]}'-${height[2]!.padStart(2, '0')}"`, [word]);
    }
    const sex =
      /(?:SEX|5EX|SEK)\s*:?\s*([MFX])(?![A-Z])/.exec(text) ??
      (height ? /(?:^|\s)([MFX])(?:\d|\s|$)/.exec(text) : null);
    if (sex) {
      const word = row.words.find((w) => new RegExp(`^${sex[1]}\\d*$`, 'i').test(w.text)) ?? row.words[0]!;
      set('sex', sex[1]!, [word]);
    }
    const eyes = row.words.find(
      (w, i) => i > 0 && (EYE_CODES as readonly string[]).includes(w.text.toUpperCase()),
    );
    if (eyes) set('eyes', eyes.text.toUpperCase(), [eyes]);
  }
  // Licence or ID card by the header; without one, an ID card has no licence class.
  const headerSays = /DRIVER|LICEN[CS]E/.test(all) ? 'driver_license' : idHeader ? 'id_card' : null;
  reading.fields.documentType = headerSays ?? (reading.fields.class ? 'driver_license' : 'id_card');
  return reading;
}

/** A header row as the jurisdiction name it nearly spells (PENNSYLVAN1A → PENNSYLVANIA), or as it is. */
function closestName(text: string): string {
  return closest(text, JURISDICTION_NAMES, 0.2) ?? text;
}

/**
 * A licence number: 6-17 letters and digits, not a date; at least 4 digits, or 2 in a long one
 * (Washington's WDL2Y5ABOGTA).
 */
function isDocumentNumber(text: string): boolean {
  const t = text.replace(/[^A-Za-z0-9-]/g, '');
  const digits = (t.match(/\d/g) ?? []).length;
  return /^[A-Z0-9-]{6,17}$/i.test(t) && (digits >= 4 || (digits >= 2 && t.length >= 10)) && !DATE.test(text);
}

const cleanNumber = (text: string): string => text.replace(/[^A-Za-z0-9-]/g, '').toUpperCase();

/** The label word(s) right before word i (squashed), e.g. "EXP", "4BEXP". */
function labelBefore(words: readonly PageWord[], i: number): string {
  return squash(
    words
      .slice(Math.max(0, i - 2), i)
      .map((w) => w.text)
      .join(''),
  );
}

/**
 * A row's value words: without the small label at its start. Labels are printed smaller than the
 * values, so a leading word much shorter than the row's tallest is a label.
 */
function valueWords(row: PageLine): PageWord[] {
  const tallest = Math.max(...row.words.map((w) => w.box.height));
  let start = 0;
  // AAMVA's field numbers (8, 4d…) are digits, as tall as small capitals: a looser bound for them.
  const isLabel = (w: PageWord): boolean =>
    w.box.height < tallest * (/^\d{1,2}[a-d]?$/i.test(w.text) ? 0.85 : 0.72);
  while (start < row.words.length - 1 && isLabel(row.words[start]!)) start++;
  return row.words.slice(start).filter((w) => /[A-Za-z0-9]/.test(w.text));
}
