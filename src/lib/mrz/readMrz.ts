import { parse, type Details, type FieldName } from 'mrz';
import { isKnownCountry } from './countryCodes.ts';
import { findAllDoubts, type MrzDoubt } from './doubts.ts';
import { mrzDateToIso, todayIso } from '../dates/isoDate.ts';
import {
  documentTypeFromCode,
  type MrzDocumentFields,
  type MrzFieldKey,
  type Sex,
} from '../document/fields.ts';
import {
  FORMATS,
  formatOfLines,
  longDocumentNumber,
  readSpan,
  type CheckName,
  type FormatSpec,
  type MrzFieldName,
  type MrzFormat,
} from './formats.ts';
import { evaluateChecks } from './evaluateChecks.ts';
import { repairMrz, type RepairOptions } from './repairMrz.ts';
import type { CheckStatus, Correction, OcrLine } from './types.ts';

export type { MrzDoubt } from './doubts.ts';

export interface MrzReading {
  format: MrzFormat;
  lines: string[];
  fields: MrzDocumentFields;
  /** The check digit that protects each field, where one does. */
  fieldChecks: Partial<Record<MrzFieldKey, CheckStatus>>;
  checks: Partial<Record<CheckName, CheckStatus>>;
  /** 0-1: the engine's confidence, raised to certain where a check digit holds. */
  confidence: Partial<Record<MrzFieldKey, number>>;
  corrections: Correction[];
  /** What is wrong beyond check digits, e.g. a date that does not exist. */
  problems: MrzProblem[];
  /** Characters to double-check although their field's check digit holds. */
  doubts: MrzDoubt[];
  /** True when every check digit holds and nothing else is wrong. */
  valid: boolean;
  /** 0-1 per character of `lines`, as the OCR engine reported it (empty when typed). */
  charConfidences: number[][];
}

export interface MrzProblem {
  field: MrzFieldKey;
  code: 'impossibleDate';
  /** The MRZ text of the field. */
  detail: string;
}

/** Which of our fields each `mrz` package field fills. */
const FROM_PACKAGE: Partial<Record<FieldName, MrzFieldKey>> = {
  documentCode: 'documentCode',
  issuingState: 'issuingCountry',
  documentNumber: 'documentNumber',
  lastName: 'surname',
  firstName: 'givenNames',
  nationality: 'nationality',
  birthDate: 'dateOfBirth',
  sex: 'sex',
  expirationDate: 'expiryDate',
};

const CHECKED_BY: Partial<Record<MrzFieldKey, CheckName>> = {
  documentNumber: 'documentNumber',
  dateOfBirth: 'dateOfBirth',
  expiryDate: 'expiryDate',
  personalNumber: 'personalNumber',
};

/** Reads OCR lines as an MRZ: repair, then parse with the `mrz` package. Null when no MRZ is there. */
export function readMrz(
  ocrLines: readonly OcrLine[],
  today: string = todayIso(),
  options: RepairOptions = {},
): MrzReading | null {
  const repaired = repairMrz(ocrLines, options);
  if (!repaired) return null;
  return interpretMrz(repaired.lines, {
    today,
    corrections: repaired.corrections,
    confidences: repaired.confidences,
  });
}

/** Parses MRZ lines that already have the right shape (from the repair, or typed by the user). */
export function interpretMrz(
  lines: string[],
  options: { today?: string; corrections?: Correction[]; confidences?: number[][] } = {},
): MrzReading | null {
  const spec = formatOfLines(lines);
  if (!spec) return null;
  let parsed;
  try {
    // The package knows TD1, TD2, TD3 and the French ID. It has no visa layouts, but a visa's
    // fields sit where a TD3's (MRV-A) or TD2's (MRV-B) do, and the package reads those by shape;
    // what differs (document code, optional data, which checks exist) is read from our table.
    parsed = parse(lines);
  } catch {
    return null; // the package throws for shapes it does not know; ours are the same, so this is rare
  }
  const today = options.today ?? todayIso();
  const raw = (d: Details): string => (lines[d.line] ?? '').slice(d.start, d.end).replace(/</g, ' ').trim();
  const values: Partial<Record<MrzFieldKey, string>> = {};
  const confidence: Partial<Record<MrzFieldKey, number>> = {};
  for (const detail of parsed.details) {
    const key = detail.field ? FROM_PACKAGE[detail.field] : undefined;
    if (!key || values[key] !== undefined) continue;
    values[key] = (detail.value ?? raw(detail)).replace(/\s+/g, ' ').trim();
    confidence[key] = spanConfidence(options.confidences, detail);
  }
  values.documentNumber = parsed.documentNumber ?? values.documentNumber ?? '';
  values.personalNumber = optionalData(spec, lines);
  // A name with no "<<" is all surname (ICAO 9303: no secondary identifier); the package repeats
  // it as the given names.
  if (spec.fields.some((f) => f.name === 'names') && !fieldRaw(spec, lines, 'names').includes('<<'))
    values.givenNames = '';

  const checks = evaluateChecks(spec, lines);
  const doubts = findAllDoubts(spec, lines, options);
  const fieldChecks: Partial<Record<MrzFieldKey, CheckStatus>> = {};
  for (const [field, check] of Object.entries(CHECKED_BY) as Array<[MrzFieldKey, CheckName]>) {
    const status =
      checks[check] ?? (field === 'personalNumber' && values.personalNumber ? checks.composite : undefined);
    if (status) fieldChecks[field] = status;
    // A holding check digit makes a field certain, unless a character in it is in doubt or the
    // composite fails (a field can be misread together with its own check digit).
    if (status === 'valid' && checks.composite !== 'invalid' && !doubts.some((d) => d.field === field)) {
      confidence[field] = Math.max(confidence[field] ?? 0, 0.99);
    }
  }
  const code = (values.documentCode ?? '').replace(/</g, '');
  const fields: MrzDocumentFields = {
    documentType: documentTypeFromCode(code || lines[0]!.slice(0, 2)),
    documentCode: code || lines[0]!.slice(0, 2).replace(/</g, ''),
    issuingCountry: fieldText(spec, lines, 'issuingCountry'),
    documentNumber: values.documentNumber.replace(/\s/g, ''),
    surname: values.surname ?? '',
    givenNames: values.givenNames ?? '',
    // Only French nationals hold a French national ID card; its MRZ has no nationality field.
    nationality: spec.format === 'FRENCH_ID' ? 'FRA' : fieldText(spec, lines, 'nationality'),
    dateOfBirth: mrzDateToIso(fieldRaw(spec, lines, 'dateOfBirth'), 'birth', today),
    sex: toSex(fieldRaw(spec, lines, 'sex')),
    expiryDate: mrzDateToIso(fieldRaw(spec, lines, 'expiryDate'), 'expiry', today),
    personalNumber: values.personalNumber,
    mrz: lines.join('\n'),
  };
  const problems: MrzProblem[] = [];
  for (const field of ['dateOfBirth', 'expiryDate'] as const) {
    const text = fieldRaw(spec, lines, field);
    if (text && !fields[field]) problems.push({ field, code: 'impossibleDate', detail: text });
  }
  return {
    format: spec.format,
    lines,
    fields,
    fieldChecks,
    checks,
    confidence,
    corrections: options.corrections ?? [],
    problems,
    doubts,
    valid: problems.length === 0 && Object.values(checks).every((s) => s !== 'invalid'),
    charConfidences: options.confidences ?? [],
  };
}

/**
 * Codes in a reading that no real document has: a document code its layout is not used for (a
 * "passport" starting LL) and country codes on no list. No check digit covers these, so they are the
 * only sign that a line's start was misread; the engine tries its other readings while any remain.
 */
export function implausibleCodes(reading: MrzReading): number {
  const spec = FORMATS[reading.format];
  const unknown = (code: string): boolean => code !== '' && !isKnownCountry(code);
  return (
    (spec.codes.test(reading.lines[0] ?? '') ? 0 : 1) +
    (unknown(reading.fields.issuingCountry) ? 1 : 0) +
    (unknown(reading.fields.nationality) ? 1 : 0)
  );
}

/**
 * Whether the reading presents a field as certain: its own check digit and the composite hold,
 * its date (if any) exists, and none of its characters is in doubt.
 */
export function isCertain(reading: MrzReading, field: MrzFieldKey): boolean {
  return (
    reading.fieldChecks[field] === 'valid' &&
    reading.checks.composite !== 'invalid' &&
    !reading.doubts.some((d) => d.field === field) &&
    !reading.problems.some((p) => p.field === field)
  );
}

/** Optional data / personal number, without a long TD1 document number's continuation. */
function optionalData(spec: FormatSpec, lines: string[]): string {
  const long = longDocumentNumber(spec, lines);
  return spec.fields
    .filter((f) => f.name === 'optional1' || f.name === 'optional2')
    .map((f) => {
      const start = f.name === 'optional1' && long ? long.digit.index + 1 : f.start;
      return readSpan(lines, { ...f, start })
        .replace(/</g, ' ')
        .trim();
    })
    .filter(Boolean)
    .join(' ');
}

/** A field's characters as printed; '' where the layout has no such field. */
function fieldRaw(spec: FormatSpec, lines: string[], name: MrzFieldName): string {
  const f = spec.fields.find((x) => x.name === name);
  return f ? readSpan(lines, f) : '';
}

/** Country codes as printed (the package nulls codes it does not know; the form flags those). */
function fieldText(spec: FormatSpec, lines: string[], name: MrzFieldName): string {
  return fieldRaw(spec, lines, name).replace(/</g, '');
}

function toSex(raw: string): Sex | '' {
  if (raw === 'M' || raw === 'F') return raw;
  return raw === '<' ? 'X' : '';
}

function spanConfidence(confidences: number[][] | undefined, d: Details): number {
  const values = confidences?.[d.line]?.slice(d.start, Math.max(d.start + 1, d.end)) ?? [];
  return values.length ? Math.min(...values) : 1;
}
