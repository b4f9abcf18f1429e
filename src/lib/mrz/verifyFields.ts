import { isoToMrzDate } from '../dates/isoDate.ts';
import { evaluateChecks } from './evaluateChecks.ts';
import { formatOfLines, longDocumentNumber, type CheckName, type FormatSpec } from './formats.ts';
import type { CheckStatus } from './types.ts';

export interface VerifiableFields {
  documentNumber: string;
  dateOfBirth: string;
  expiryDate: string;
  personalNumber: string;
}

/** Splits a textarea's MRZ into lines: trimmed, upper-cased, blank lines dropped. */
export function mrzLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().toUpperCase().replace(/\s/g, ''))
    .filter(Boolean);
}

/**
 * Does each value, as the user has it now, agree with the check digits printed in the MRZ? The
 * values are written into a copy of the MRZ lines and every check recomputed, so a corrected
 * document number turns its check (and the composite) valid. Null when the MRZ text has no known shape.
 */
export function verifyFields(
  values: VerifiableFields,
  mrzText: string,
): Partial<Record<CheckName, CheckStatus>> | null {
  const lines = mrzLines(mrzText);
  const spec = formatOfLines(lines);
  if (!spec) return null;
  const written = writeFields(spec, lines, values);
  return written ? evaluateChecks(spec, written) : null;
}

const fit = (value: string, length: number): string | null => {
  const text = value.toUpperCase().replace(/\s+/g, '<');
  return text.length > length ? null : text.padEnd(length, '<');
};

function writeFields(spec: FormatSpec, original: string[], values: VerifiableFields): string[] | null {
  const lines = original.map((l) => [...l]);
  const put = (line: number, start: number, text: string | null): boolean => {
    if (text === null) return false;
    [...text].forEach((c, i) => (lines[line]![start + i] = c));
    return true;
  };
  const date = (name: 'dateOfBirth' | 'expiryDate', iso: string): boolean => {
    const f = spec.fields.find((x) => x.name === name);
    return !f || put(f.line, f.start, isoToMrzDate(iso) || '<<<<<<'); // the French ID has no expiry
  };
  const ok =
    date('dateOfBirth', values.dateOfBirth) &&
    date('expiryDate', values.expiryDate) &&
    writeDocumentNumber(spec, original, lines, values.documentNumber) &&
    writePersonalNumber(spec, lines, values.personalNumber);
  return ok ? lines.map((l) => l.join('')) : null;
}

function writeDocumentNumber(
  spec: FormatSpec,
  original: string[],
  lines: string[][],
  value: string,
): boolean {
  const number = value.toUpperCase().replace(/\s/g, '');
  // Where the number sits: what its check digit covers (9 characters, 12 on the French ID).
  const f = spec.checks.find((c) => c.name === 'documentNumber')!.covers[0]!;
  const length = f.end - f.start;
  if (number.length <= length) {
    const text = fit(number, length)!;
    [...text].forEach((c, i) => (lines[f.line]![f.start + i] = c));
    return true;
  }
  if (spec.format !== 'TD1' || number.length > 9 + 13) return false;
  // Long TD1 number: first 9 characters, '<', the rest and the printed check digit in optional1.
  const long = longDocumentNumber(spec, original);
  const digit = long ? (original[0]![long.digit.index] ?? '<') : '<';
  const after = long ? original[0]!.slice(long.digit.index + 1) : original[0]!.slice(15);
  const line = `${original[0]!.slice(0, 5)}${number.slice(0, 9)}<${number.slice(9)}${digit}${after}`
    .slice(0, 30)
    .padEnd(30, '<');
  lines[0] = [...line];
  return true;
}

function writePersonalNumber(spec: FormatSpec, lines: string[][], value: string): boolean {
  const f = spec.fields.find((x) => x.name === 'optional1');
  // TD1 optional data is only in the composite: left as printed. The French ID has none.
  if (spec.format === 'TD1' || !f) return true;
  const text = fit(value.replace(/\s/g, ''), f.end - f.start);
  if (text === null) return false;
  [...text].forEach((c, i) => (lines[f.line]![f.start + i] = c));
  return true;
}
