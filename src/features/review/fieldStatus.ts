import { todayIso } from '../../lib/dates/isoDate.ts';
import type { MrzFieldKey } from '../../lib/document/fields.ts';
import { isKnownCountry } from '../../lib/mrz/countryCodes.ts';
import { FORMATS, type CheckName } from '../../lib/mrz/formats.ts';
import type { MrzDoubt, MrzReading } from '../../lib/mrz/readMrz.ts';
import type { CheckStatus, Correction } from '../../lib/mrz/types.ts';
import type { DocumentFormValues, FieldName } from './formSchema.ts';

export type { FieldName };

export const CHECK_OF: Partial<Record<FieldName, CheckName>> = {
  documentNumber: 'documentNumber',
  dateOfBirth: 'dateOfBirth',
  expiryDate: 'expiryDate',
  personalNumber: 'personalNumber',
};

const FIELD_OF_MRZ: Record<string, MrzFieldKey> = {
  documentCode: 'documentCode',
  issuingCountry: 'issuingCountry',
  documentNumber: 'documentNumber',
  optional1: 'personalNumber',
  optional2: 'personalNumber',
  dateOfBirth: 'dateOfBirth',
  sex: 'sex',
  expiryDate: 'expiryDate',
  nationality: 'nationality',
  surname: 'surname',
  givenNames: 'givenNames',
};

/** The form field an MRZ character belongs to (check digits count for the field they protect). */
export function fieldOfPosition(reading: MrzReading, line: number, index: number): MrzFieldKey | null {
  const spec = FORMATS[reading.format];
  const check = spec.checks.find((c) => c.digit.line === line && c.digit.index === index);
  // Check names and the fields they protect share names (documentNumber, dateOfBirth…).
  if (check) return check.name === 'composite' ? null : check.name;
  const field = spec.fields.find((f) => f.line === line && index >= f.start && index < f.end);
  if (!field) return null;
  if (field.name === 'names') {
    const text = reading.lines[line] ?? '';
    const split = text.indexOf('<<', field.start);
    return split === -1 || index < split ? 'surname' : 'givenNames';
  }
  return FIELD_OF_MRZ[field.name] ?? null;
}

export function correctionsByField(
  reading: MrzReading | null,
): Partial<Record<MrzFieldKey | 'mrz', Correction[]>> {
  const out: Partial<Record<MrzFieldKey | 'mrz', Correction[]>> = {};
  for (const c of reading?.corrections ?? []) {
    const key = c.reason === 'length' ? 'mrz' : (fieldOfPosition(reading!, c.line, c.index) ?? 'mrz');
    (out[key] ??= []).push(c);
  }
  return out;
}

const show = (c: string): string => (c === '' ? 'nothing' : `“${c}”`);

export function describeCorrection(c: Correction): string {
  switch (c.reason) {
    case 'checkDigit':
      return `Read ${show(c.from)}, changed to ${show(c.to)} so the check digit holds.`;
    case 'charClass':
      return `Read ${show(c.from)}, changed to ${show(c.to)}: only ${/\d/.test(c.to) ? 'digits' : 'letters'} belong here.`;
    case 'countryCode':
      return `Read ${show(c.from)}, changed to ${show(c.to)}: the code as read is no country's, and only this look-alike makes one.`;
    case 'filler':
      return `Read ${show(c.from)} where the MRZ has a filler “<”.`;
    default:
      return c.to
        ? `Added ${c.to.length} filler character(s) to line ${c.line + 1}.`
        : `Removed ${show(c.from)} from line ${c.line + 1} to fix its length.`;
  }
}

/** One sentence per kind of correction, with a count where it happened more than once. */
export function describeCorrections(corrections: Correction[]): string[] {
  const counts = new Map<string, number>();
  for (const c of corrections) {
    const text = describeCorrection(c);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, n]) => (n > 1 ? `${text} (${n}×)` : text));
}

/** Why a field whose check digit holds should still be compared with the document. */
export function describeDoubt(d: MrzDoubt): string {
  if (d.reason === 'swappedSure') {
    return `Read “${d.read}” clearly, but the check digit only holds with “${d.couldBe[0]}”: compare with the document.`;
  }
  if (d.reason === 'lettersAmongDigits') {
    const letters = d.read
      .split('')
      .map((c) => `“${c}”`)
      .join(', ');
    return `The letters ${letters} among digits could be the digits “${d.couldBe[0]}”, and two misreads can still satisfy the check digit. Compare with the document.`;
  }
  if (d.reason === 'lookalike') {
    const options = d.couldBe.map((c) => `“${c}”`).join(' or ');
    return `“${d.read}” was hard to read and could be ${options}: the check digit cannot tell them apart. Compare with the document.`;
  }
  return 'Several characters were hard to read, so the check digit alone cannot vouch for this value. Compare with the document.';
}

export interface Warning {
  field: FieldName;
  text: string;
}

/** Things worth a second look that are not errors: an expired document, an unknown country code. */
export function warningsFor(values: Partial<DocumentFormValues>, today: string = todayIso()): Warning[] {
  const warnings: Warning[] = [];
  if (values.expiryDate && values.expiryDate < today)
    warnings.push({ field: 'expiryDate', text: 'This document has expired.' });
  for (const field of ['issuingCountry', 'nationality'] as const) {
    const code = values[field];
    if (code && /^[A-Z]{1,3}$/.test(code) && !isKnownCountry(code)) {
      warnings.push({ field, text: `${code} is not a known ICAO country code.` });
    }
  }
  return warnings;
}

export const CHECK_TEXT: Record<CheckStatus, string> = {
  valid: 'Check digit holds',
  invalid: 'Check digit does not match',
  absent: 'No check digit (field empty)',
};
