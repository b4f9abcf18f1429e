/**
 * The AAMVA DL/ID card design standard (versions 1-10): the text a US or Canadian licence's PDF417
 * barcode holds. Header ("@", separators, "ANSI " + issuer number + versions + subfile directory),
 * then the DL or ID subfile of three-letter elements (DAQ number, DCS surname, DBB birth date…).
 * Offsets in the directory are used when they are right and searched for when they are not (some
 * issuers write them wrong). Dates are MMDDYYYY in the US and YYYYMMDD in Canada.
 */
import { isRealDate } from '../dates/isoDate.ts';
import { jurisdictionOf, type Jurisdiction } from './jurisdictions.ts';

export type AamvaErrorCode =
  /** Not the text of a licence barcode (no "ANSI " / "AAMVA" header). */
  | 'not-aamva'
  /** A licence header, but no DL or ID subfile in the text (cut short, or damaged). */
  | 'no-card-subfile';

export class AamvaError extends Error {
  constructor(readonly code: AamvaErrorCode) {
    super(code);
    this.name = 'AamvaError';
  }
}

/** The form's fields a licence barcode fills, as the form holds them. */
export interface LicenceFields {
  documentType: 'driver_license' | 'id_card';
  issuingCountry: string;
  state: string;
  documentNumber: string;
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  issueDate: string;
  expiryDate: string;
  sex: 'M' | 'F' | 'X' | '';
  address: string;
  height: string;
  eyes: string;
  class: string;
  placeOfBirth: string;
}

export type LicenceFieldKey = keyof LicenceFields;

export interface AamvaProblem {
  field: LicenceFieldKey;
  reason: 'missing' | 'bad-date' | 'truncated';
}

export interface AamvaLicence {
  /** AAMVA version number (1-10; 0 for pre-standard barcodes). */
  version: number;
  iin: string;
  jurisdiction: Jurisdiction | null;
  subfile: 'DL' | 'ID';
  /** Every element of the card subfile, by its three-letter ID, trimmed. */
  elements: Record<string, string>;
  fields: LicenceFields;
  problems: AamvaProblem[];
}

const RECORD_SEPARATOR = String.fromCharCode(0x1e);
const EMPTY = /^(NONE|UNAVL|UNAVAILABLE|UNK)$/i;

/** Parses the decoded text of a licence barcode. Throws AamvaError when it is not one. */
export function parseAamva(text: string): AamvaLicence {
  const start = text.search(/ANSI |AAMVA/);
  if (start < 0) throw new AamvaError('not-aamva');
  // "@" LF RS CR precede the file type; they name the separators this barcode uses.
  const at = text.lastIndexOf('@', start);
  const separator = at >= 0 && start - at === 4 ? text[at + 1]! : '\n';
  const header = text.slice(start + 5);
  const iin = header.slice(0, 6);
  const version = Number(header.slice(6, 8));
  if (!/^\d{6}$/.test(iin) || !Number.isInteger(version)) throw new AamvaError('not-aamva');
  // Version 1 has no jurisdiction version before the number of entries.
  const directoryAt = version >= 2 ? 12 : 10;
  const entries = Number(header.slice(directoryAt - 2, directoryAt));
  const origin = at >= 0 && start - at <= 4 ? at : start;

  let subfile: { type: 'DL' | 'ID'; body: string } | null = null;
  for (let i = 0; i < (Number.isInteger(entries) ? entries : 0) && !subfile; i++) {
    const entry = header.slice(directoryAt + i * 10, directoryAt + (i + 1) * 10);
    const type = entry.slice(0, 2);
    if (type !== 'DL' && type !== 'ID') continue;
    const offset = Number(entry.slice(2, 6));
    const length = Number(entry.slice(6, 10));
    const body = text.slice(origin + offset, origin + offset + length);
    if (body.startsWith(type)) subfile = { type, body: body.slice(2) };
  }
  // Directory missing or off: find the subfile by its type followed by a first element ID.
  if (!subfile) {
    const directoryEnd = start + 5 + directoryAt + Math.max(0, entries || 0) * 10;
    const found = /(DL|ID)(?=D[A-Z]{2})/.exec(text.slice(directoryEnd));
    if (found) {
      const from = directoryEnd + found.index + 2;
      const end = text.indexOf('\r', from);
      subfile = {
        type: found[1] as 'DL' | 'ID',
        body: text.slice(from, end < 0 ? undefined : end),
      };
    }
  }
  if (!subfile) throw new AamvaError('no-card-subfile');

  const elements: Record<string, string> = {};
  for (const raw of subfile.body.split(separator)) {
    // The segment terminator (CR) and record separator (RS) may trail the last element.
    let chunk = raw;
    while (chunk.endsWith('\r') || chunk.endsWith(RECORD_SEPARATOR)) chunk = chunk.slice(0, -1);
    const id = chunk.slice(0, 3);
    if (!/^[A-Z]{3}$/.test(id) || id in elements) continue;
    elements[id] = chunk.slice(3).trim();
  }
  const jurisdiction = jurisdictionOf(iin);
  const { fields, problems } = toFields(elements, subfile.type, version, jurisdiction);
  return { version, iin, jurisdiction, subfile: subfile.type, elements, fields, problems };
}

function toFields(
  e: Record<string, string>,
  subfile: 'DL' | 'ID',
  version: number,
  jurisdiction: Jurisdiction | null,
): { fields: LicenceFields; problems: AamvaProblem[] } {
  const problems: AamvaProblem[] = [];
  const value = (id: string): string => {
    const v = e[id] ?? '';
    return EMPTY.test(v) ? '' : v;
  };
  const country = (value('DCG') || jurisdiction?.country || '').toUpperCase();
  const yearFirst = country === 'CAN' || version <= 1;
  const date = (id: string, field: LicenceFieldKey): string => {
    const raw = value(id);
    if (!raw) return '';
    const iso = aamvaDate(raw, yearFirst);
    if (!iso) problems.push({ field, reason: 'bad-date' });
    return iso;
  };
  const names = nameParts(e, value);
  const fields: LicenceFields = {
    documentType: subfile === 'DL' ? 'driver_license' : 'id_card',
    issuingCountry: country,
    state: jurisdiction?.code ?? value('DAJ').toUpperCase(),
    documentNumber: value('DAQ').toUpperCase(),
    surname: names.surname,
    givenNames: names.givenNames,
    dateOfBirth: date('DBB', 'dateOfBirth'),
    issueDate: date('DBD', 'issueDate'),
    expiryDate: date('DBA', 'expiryDate'),
    sex: sexOf(value('DBC')),
    address: addressOf(value),
    height: heightOf(value('DAU'), country),
    eyes: value('DAY').toUpperCase(),
    class: value('DCA').toUpperCase(),
    placeOfBirth: value('DCI'),
  };
  for (const [field, id] of [
    ['documentNumber', 'DAQ'],
    ['surname', 'DCS'],
    ['dateOfBirth', 'DBB'],
    ['expiryDate', 'DBA'],
  ] as const) {
    const absent = field === 'surname' ? !fields.surname : !value(id);
    if (absent) problems.push({ field, reason: 'missing' });
  }
  if (e.DDE === 'T') problems.push({ field: 'surname', reason: 'truncated' });
  if (e.DDF === 'T' || e.DDG === 'T') problems.push({ field: 'givenNames', reason: 'truncated' });
  return { fields, problems };
}

/** Surname and given names across versions: DCS + DAC/DAD (v3+), DCS + DCT (v2), DAB/DAA (v1). */
function nameParts(
  e: Record<string, string>,
  value: (id: string) => string,
): { surname: string; givenNames: string } {
  const words = (s: string): string =>
    s
      .replace(/[,\s]+/g, ' ')
      .trim()
      .toUpperCase();
  let surname = value('DCS') || value('DAB');
  let given = [value('DAC') || value('DCT'), value('DAD')].filter(Boolean).join(' ');
  if ((!surname || !given) && e.DAA) {
    // Version 1 full name: "SURNAME,FIRST,MIDDLE" (some issuers use spaces).
    const [last = '', ...rest] = e.DAA.split(',');
    surname ||= last;
    given ||= rest.join(' ');
  }
  return { surname: words(surname), givenNames: words(given) };
}

/** An AAMVA date as ISO: MMDDYYYY (US) or YYYYMMDD (Canada, version 1), whichever exists. */
export function aamvaDate(raw: string, yearFirst: boolean): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length !== 8) return '';
  const us = { y: digits.slice(4), m: digits.slice(0, 2), d: digits.slice(2, 4) };
  const ca = { y: digits.slice(0, 4), m: digits.slice(4, 6), d: digits.slice(6) };
  for (const c of yearFirst ? [ca, us] : [us, ca]) {
    if (isRealDate(Number(c.y), Number(c.m), Number(c.d)) && Number(c.y) >= 1850)
      return `${c.y}-${c.m}-${c.d}`;
  }
  return '';
}

function sexOf(raw: string): LicenceFields['sex'] {
  const s = raw.toUpperCase();
  if (s === '1' || s === 'M') return 'M';
  if (s === '2' || s === 'F') return 'F';
  if (s === '9' || s === 'X') return 'X';
  return '';
}

/** "069 IN" → 5'-09" (as US cards print it); "175 CM" → 175 cm. */
export function heightOf(raw: string, country: string): string {
  const match = /^(\d{1,3})\s*(IN|CM)?/i.exec(raw.trim());
  if (!match) return '';
  const n = Number(match[1]);
  const unit = match[2]?.toUpperCase() ?? (country === 'USA' ? 'IN' : 'CM');
  if (unit === 'CM') return `${n} cm`;
  // No unit and too tall for inches: written as feet and inches (509 is 5'-09"), as version 1 did.
  if (!match[2] && n > 96) {
    const inches = n % 100;
    return inches < 12 ? `${Math.floor(n / 100)}'-${String(inches).padStart(2, '0')}"` : '';
  }
  return `${Math.floor(n / 12)}'-${String(n % 12).padStart(2, '0')}"`;
}

/** Street, city, state and ZIP as one line: "2300 WEST BROAD STREET, RICHMOND, VA 23269". */
function addressOf(value: (id: string) => string): string {
  const street = [value('DAG'), value('DAH')].filter(Boolean).join(', ');
  const zip = postalCode(value('DAK'));
  const region = [value('DAJ'), zip].filter(Boolean).join(' ');
  return [street, value('DAI'), region].filter(Boolean).join(', ').replace(/\s+/g, ' ').toUpperCase();
}

/** ZIP+4 written as 9 digits ("232690000"): 23269, or 23269-1234; Canadian codes as written. */
function postalCode(raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  if (/^\d{9}$/.test(compact)) {
    const plus4 = compact.slice(5);
    return plus4 === '0000' ? compact.slice(0, 5) : `${compact.slice(0, 5)}-${plus4}`;
  }
  if (/^\d{5}(-?\d{4})?$/.test(compact))
    return compact.slice(0, 5) + (compact.length > 5 ? `-${compact.slice(-4)}` : '');
  return raw.trim().toUpperCase();
}
