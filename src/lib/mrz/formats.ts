/**
 * MRZ layouts (ICAO 9303 parts 4-6): where each field sits, which characters it may hold, and which
 * check digit covers which characters. The repair step and the verifier both read these tables.
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

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
  | 'names';

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

/** TD2 and TD3 share the second line's layout up to the optional data. */
function twoLineSpec(format: 'TD2' | 'TD3', length: 36 | 44): FormatSpec {
  const last = length - 1;
  const optionalEnd = format === 'TD3' ? length - 2 : last;
  const checks = [
    check('documentNumber', 1, 9, [span(1, 0, 9)]),
    check('dateOfBirth', 1, 19, [span(1, 13, 19)]),
    check('expiryDate', 1, 27, [span(1, 21, 27)]),
    check('composite', 1, last, [span(1, 0, 10), span(1, 13, 20), span(1, 21, last)]),
  ];
  if (format === 'TD3') checks.splice(3, 0, check('personalNumber', 1, 42, [span(1, 28, 42)]));
  return {
    format,
    lineCount: 2,
    lineLength: length,
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
};

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
