/**
 * MRZ layouts (ICAO 9303 parts 4-7, and the pre-2021 French national ID card): where each field
 * sits, which characters it may hold, and which check digit covers which characters. The repair
 * step, the parser and the verifier all read these tables.
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB' | 'FRENCH_ID';

/** alpha: A-Z and '<'; digit: 0-9 (and '<' where a field may be empty); alnum: both; sex: M F <. */
export type CharClass = 'alpha' | 'digit' | 'alnum' | 'sex';

export type MrzFieldName =
  | 'documentCode'
  | 'issuingCountry'
  | 'documentNumber'
  | 'optional1'
  | 'dateOfBirth'
  | 'sex'
  | 'expiryDate'
  | 'nationality'
  | 'optional2'
  | 'names'
  /** Where surname and given names have fields of their own (French ID). */
  | 'surname'
  | 'givenNames'
  /** French ID: issuing department and office. */
  | 'administrativeCode';

export type CheckName = 'documentNumber' | 'dateOfBirth' | 'expiryDate' | 'personalNumber' | 'composite';

export interface Span {
  line: number;
  start: number;
  /** Exclusive. */
  end: number;
}

export interface FieldSpec extends Span {
  name: MrzFieldName;
  charClass: CharClass;
}

export interface CheckSpec {
  name: CheckName;
  /** Where the check digit itself sits. */
  digit: { line: number; index: number };
  /** The characters it covers, concatenated in order. */
  covers: Span[];
}

export interface FormatSpec {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  /**
   * The document codes this layout is used for (ICAO 9303: P passports, V visas, A C I cards).
   * Two layouts share each line shape (2×44 TD3/MRV-A, 2×36 TD2/MRV-B/French ID): the code tells them apart.
   */
  codes: RegExp;
  fields: FieldSpec[];
  checks: CheckSpec[];
}

const field = (
  name: MrzFieldName,
  line: number,
  start: number,
  end: number,
  charClass: CharClass,
): FieldSpec => ({
  name,
  line,
  start,
  end,
  charClass,
});
const span = (line: number, start: number, end: number): Span => ({ line, start, end });
const check = (name: CheckName, line: number, index: number, covers: Span[]): CheckSpec => ({
  name,
  digit: { line, index },
  covers,
});

/**
 * TD2, TD3 and the visas (MRV-B, MRV-A) share the second line's layout up to the optional data. A
 * visa has no composite check and no personal number check: its optional data runs to the end.
 */
function twoLineSpec(format: 'TD2' | 'TD3' | 'MRVA' | 'MRVB', length: 36 | 44): FormatSpec {
  const last = length - 1;
  const visa = format === 'MRVA' || format === 'MRVB';
  const optionalEnd = visa ? length : format === 'TD3' ? length - 2 : last;
  const checks = [
    check('documentNumber', 1, 9, [span(1, 0, 9)]),
    check('dateOfBirth', 1, 19, [span(1, 13, 19)]),
    check('expiryDate', 1, 27, [span(1, 21, 27)]),
  ];
  if (format === 'TD3') checks.push(check('personalNumber', 1, 42, [span(1, 28, 42)]));
  if (!visa) checks.push(check('composite', 1, last, [span(1, 0, 10), span(1, 13, 20), span(1, 21, last)]));
  return {
    format,
    lineCount: 2,
    lineLength: length,
    codes: visa ? /^V/ : format === 'TD3' ? /^P/ : /^(?!IDFRA)[ACI]/,
    fields: [
      field('documentCode', 0, 0, 2, 'alpha'),
      field('issuingCountry', 0, 2, 5, 'alpha'),
      field('names', 0, 5, length, 'alpha'),
      field('documentNumber', 1, 0, 9, 'alnum'),
      field('nationality', 1, 10, 13, 'alpha'),
      field('dateOfBirth', 1, 13, 19, 'digit'),
      field('sex', 1, 20, 21, 'sex'),
      field('expiryDate', 1, 21, 27, 'digit'),
      field('optional1', 1, 28, optionalEnd, 'alnum'),
    ],
    checks,
  };
}

export const FORMATS: Record<MrzFormat, FormatSpec> = {
  TD1: {
    format: 'TD1',
    lineCount: 3,
    lineLength: 30,
    codes: /^[ACI]/,
    fields: [
      field('documentCode', 0, 0, 2, 'alpha'),
      field('issuingCountry', 0, 2, 5, 'alpha'),
      field('documentNumber', 0, 5, 14, 'alnum'),
      field('optional1', 0, 15, 30, 'alnum'),
      field('dateOfBirth', 1, 0, 6, 'digit'),
      field('sex', 1, 7, 8, 'sex'),
      field('expiryDate', 1, 8, 14, 'digit'),
      field('nationality', 1, 15, 18, 'alpha'),
      field('optional2', 1, 18, 29, 'alnum'),
      field('names', 2, 0, 30, 'alpha'),
    ],
    checks: [
      // A document number over 9 characters moves its check digit into optional1 (see longDocumentNumber).
      check('documentNumber', 0, 14, [span(0, 5, 14)]),
      check('dateOfBirth', 1, 6, [span(1, 0, 6)]),
      check('expiryDate', 1, 14, [span(1, 8, 14)]),
      check('composite', 1, 29, [span(0, 5, 30), span(1, 0, 7), span(1, 8, 15), span(1, 18, 29)]),
    ],
  },
  TD2: twoLineSpec('TD2', 36),
  TD3: twoLineSpec('TD3', 44),
  MRVA: twoLineSpec('MRVA', 44),
  MRVB: twoLineSpec('MRVB', 36),
  // The French national ID card issued until 2021 (ID-1 size, 2×36): surname on the first line, a
  // 12-character number (issue year and month, department, office, serial) and given names on the
  // second; no nationality or expiry date. Its composite covers both lines.
  FRENCH_ID: {
    format: 'FRENCH_ID',
    lineCount: 2,
    lineLength: 36,
    codes: /^IDFRA/,
    fields: [
      field('documentCode', 0, 0, 2, 'alpha'),
      field('issuingCountry', 0, 2, 5, 'alpha'),
      field('surname', 0, 5, 30, 'alpha'),
      field('administrativeCode', 0, 30, 36, 'alnum'),
      // One number in three parts of different classes (Corsican departments are 2A and 2B).
      field('documentNumber', 1, 0, 4, 'digit'),
      field('documentNumber', 1, 4, 7, 'alnum'),
      field('documentNumber', 1, 7, 12, 'digit'),
      field('givenNames', 1, 13, 27, 'alpha'),
      field('dateOfBirth', 1, 27, 33, 'digit'),
      field('sex', 1, 34, 35, 'sex'),
    ],
    checks: [
      check('documentNumber', 1, 12, [span(1, 0, 12)]),
      check('dateOfBirth', 1, 33, [span(1, 27, 33)]),
      check('composite', 1, 35, [span(0, 0, 36), span(1, 0, 35)]),
    ],
  },
};

/** How each layout is named to the user. */
export const FORMAT_LABELS: Record<MrzFormat, string> = {
  TD1: 'TD1 card',
  TD2: 'TD2 card',
  TD3: 'TD3 passport',
  MRVA: 'MRV-A visa',
  MRVB: 'MRV-B visa',
  FRENCH_ID: 'French ID card',
};

/**
 * The layout of MRZ lines that already have their final shape: by line count and length, then by
 * document code where two layouts share a shape. Null for any other shape.
 */
export function formatOfLines(lines: readonly string[]): FormatSpec | null {
  const shaped = Object.values(FORMATS).filter(
    (f) => f.lineCount === lines.length && lines.every((l) => l.length === f.lineLength),
  );
  return shaped.find((f) => f.codes.test(lines[0] ?? '')) ?? shaped[0] ?? null;
}

/** Positions that hold a check digit in a format: always digits. */
export function checkDigitPositions(spec: FormatSpec): Set<string> {
  return new Set(spec.checks.map((c) => `${c.digit.line}:${c.digit.index}`));
}

export function readSpan(lines: readonly string[], s: Span): string {
  return (lines[s.line] ?? '').slice(s.start, s.end);
}

/**
 * TD1 document numbers longer than 9 characters (ICAO 9303-5 §4.2.4 note j): the check-digit slot
 * holds '<', the number continues in optional1 up to the first '<', and its last character there is
 * the check digit. Returns where those pieces are, or null for an ordinary number.
 */
export function longDocumentNumber(
  spec: FormatSpec,
  lines: readonly string[],
): { rest: Span; digit: { line: number; index: number } } | null {
  if (spec.format !== 'TD1' || lines[0]?.[14] !== '<') return null;
  const line = lines[0];
  const end = line.indexOf('<', 15);
  const stop = end === -1 ? 30 : end;
  if (stop - 15 < 2) return null; // needs at least one more character and the check digit
  return { rest: span(0, 15, stop - 1), digit: { line: 0, index: stop - 1 } };
}
