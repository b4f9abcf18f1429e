import { i18next } from '../../app/i18n.ts';
import { todayIso } from '../../lib/dates/isoDate.ts';
import type { MrzFieldKey } from '../../lib/document/fields.ts';
import { isKnownCountry } from '../../lib/mrz/countryCodes.ts';
import { FORMATS, type CheckName } from '../../lib/mrz/formats.ts';
import type { MrzDoubt, MrzReading } from '../../lib/mrz/readMrz.ts';
import type { CheckStatus, Correction } from '../../lib/mrz/types.ts';
import { liveRecord } from '../../locales/liveRecord.ts';
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

// Every sentence below is worded when called, in the interface language chosen then.

/** A character in the language's quotation marks (“X”, « X »). */
const quote = (text: string): string => i18next.t('review:quoted', { text });
const show = (c: string): string => (c === '' ? i18next.t('review:corrections.nothing') : quote(c));

export function describeCorrection(c: Correction): string {
  const from = show(c.from);
  const to = show(c.to);
  switch (c.reason) {
    case 'checkDigit':
      return i18next.t('review:corrections.checkDigit', { from, to });
    case 'charClass':
      return /\d/.test(c.to)
        ? i18next.t('review:corrections.charClassDigits', { from, to })
        : i18next.t('review:corrections.charClassLetters', { from, to });
    case 'countryCode':
      return i18next.t('review:corrections.countryCode', { from, to });
    case 'filler':
      return i18next.t('review:corrections.filler', { from });
    case 'secondReader':
      return i18next.t('review:corrections.secondReader', { from, to });
    default:
      return c.to
        ? i18next.t('review:corrections.added', { count: c.to.length, line: c.line + 1 })
        : i18next.t('review:corrections.removed', { from, line: c.line + 1 });
  }
}

/** One sentence per kind of correction (with a count where it happened more than once) and the corrections it covers. */
export function groupCorrections(
  corrections: Correction[],
): Array<{ text: string; corrections: Correction[] }> {
  const groups = new Map<string, Correction[]>();
  for (const c of corrections) {
    const text = describeCorrection(c);
    groups.set(text, [...(groups.get(text) ?? []), c]);
  }
  return [...groups].map(([text, list]) => ({
    text: list.length > 1 ? i18next.t('review:corrections.repeated', { text, times: list.length }) : text,
    corrections: list,
  }));
}

export const describeCorrections = (corrections: Correction[]): string[] =>
  groupCorrections(corrections).map((g) => g.text);

/** Why a field whose check digit holds should still be compared with the document. */
export function describeDoubt(d: MrzDoubt): string {
  const couldBe = d.couldBe[0] ?? '';
  if (d.reason === 'swappedSure') {
    return i18next.t('review:doubts.swappedSure', { read: d.read, couldBe });
  }
  if (d.reason === 'lettersAmongDigits') {
    const letters = d.read
      .split('')
      .map((c) => quote(c))
      .join(', ');
    return i18next.t('review:doubts.lettersAmongDigits', { letters, digits: couldBe });
  }
  if (d.reason === 'lookalike') {
    // “8” or “S” or “B”: each "or" worded by the language.
    const options = d.couldBe
      .map((c) => quote(c))
      .reduce((a, b) => (a ? i18next.t('review:or', { a, b }) : b), '');
    return i18next.t('review:doubts.lookalike', { read: d.read, options });
  }
  return i18next.t('review:doubts.severalUnsure');
}

export interface Warning {
  field: FieldName;
  text: string;
}

/** Things worth a second look that are not errors: an expired document, an unknown country code. */
export function warningsFor(values: Partial<DocumentFormValues>, today: string = todayIso()): Warning[] {
  const warnings: Warning[] = [];
  if (values.expiryDate && values.expiryDate < today)
    warnings.push({ field: 'expiryDate', text: i18next.t('review:warnings.expired') });
  for (const field of ['issuingCountry', 'nationality'] as const) {
    const code = values[field];
    if (code && /^[A-Z]{1,3}$/.test(code) && !isKnownCountry(code)) {
      warnings.push({ field, text: i18next.t('review:warnings.unknownCountry', { code }) });
    }
  }
  return warnings;
}

const CHECK_STATUSES: CheckStatus[] = ['valid', 'invalid', 'absent'];

export const checkText = (status: CheckStatus): string => i18next.t(`review:checks.${status}`);
export const CHECK_TEXT = liveRecord(CHECK_STATUSES, checkText);

/** "Composite: check digit holds": its own sentence, as lower-casing a label does not translate. */
export const compositeCheckText = (status: CheckStatus): string =>
  i18next.t(`review:compositeChecks.${status}`);
