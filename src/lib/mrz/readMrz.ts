import { parse, type Details, type FieldName } from 'mrz';
import { mrzDateToIso, todayIso } from '../dates/isoDate.ts';
import {
  documentTypeFromCode,
  type MrzDocumentFields,
  type MrzFieldKey,
  type Sex,
} from '../document/fields.ts';
import {
  FORMATS,
  longDocumentNumber,
  readSpan,
  type CheckName,
  type FormatSpec,
  type MrzFormat,
} from './formats.ts';
import { evaluateChecks } from './evaluateChecks.ts';
import { repairMrz } from './repairMrz.ts';
import type { CheckStatus, Correction, OcrLine } from './types.ts';

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
  /** True when every check digit holds and nothing else is wrong. */
  valid: boolean;
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
export function readMrz(ocrLines: readonly OcrLine[], today: string = todayIso()): MrzReading | null {
  const repaired = repairMrz(ocrLines);
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
  const spec = Object.values(FORMATS).find(
    (f) => f.lineCount === lines.length && lines.every((l) => l.length === f.lineLength),
  );
  if (!spec) return null;
  let parsed;
  try {
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
    values[key] = detail.value ?? raw(detail);
    confidence[key] = spanConfidence(options.confidences, detail);
  }
  values.documentNumber = parsed.documentNumber ?? values.documentNumber ?? '';
  values.personalNumber = optionalData(spec, lines);

  const checks = evaluateChecks(spec, lines);
  const fieldChecks: Partial<Record<MrzFieldKey, CheckStatus>> = {};
  for (const [field, check] of Object.entries(CHECKED_BY) as Array<[MrzFieldKey, CheckName]>) {
    const status =
      checks[check] ?? (field === 'personalNumber' && values.personalNumber ? checks.composite : undefined);
    if (status) fieldChecks[field] = status;
    if (status === 'valid') confidence[field] = Math.max(confidence[field] ?? 0, 0.99);
  }
  const code = (values.documentCode ?? '').replace(/</g, '');
  const fields: MrzDocumentFields = {
    documentType: documentTypeFromCode(code || lines[0]!.slice(0, 2)),
    documentCode: code || lines[0]!.slice(0, 2).replace(/</g, ''),
    issuingCountry: countryCode(lines, spec.format, 'issuing'),
    documentNumber: values.documentNumber.replace(/\s/g, ''),
    surname: values.surname ?? '',
    givenNames: values.givenNames ?? '',
    nationality: countryCode(lines, spec.format, 'nationality'),
    dateOfBirth: mrzDateToIso(rawAt(lines, parsed.details, 'birthDate'), 'birth', today),
    sex: toSex(rawAt(lines, parsed.details, 'sex')),
    expiryDate: mrzDateToIso(rawAt(lines, parsed.details, 'expirationDate'), 'expiry', today),
    personalNumber: values.personalNumber,
    mrz: lines.join('\n'),
  };
  const problems: MrzProblem[] = [];
  for (const [field, source] of [
    ['dateOfBirth', 'birthDate'],
    ['expiryDate', 'expirationDate'],
  ] as const) {
    const text = rawAt(lines, parsed.details, source);
    if (!fields[field]) problems.push({ field, code: 'impossibleDate', detail: text });
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
    valid: problems.length === 0 && Object.values(checks).every((s) => s !== 'invalid'),
  };
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

function rawAt(lines: string[], details: Details[], field: FieldName): string {
  const d = details.find((x) => x.field === field);
  return d ? (lines[d.line] ?? '').slice(d.start, d.end) : '';
}

/** Country codes as printed (the package nulls codes it does not know; the form flags those). */
function countryCode(lines: string[], format: MrzFormat, which: 'issuing' | 'nationality'): string {
  if (which === 'issuing') return lines[0]!.slice(2, 5).replace(/</g, '');
  const start = format === 'TD1' ? 15 : 10;
  return lines[1]!.slice(start, start + 3).replace(/</g, '');
}

function toSex(raw: string): Sex | '' {
  if (raw === 'M' || raw === 'F') return raw;
  return raw === '<' ? 'X' : '';
}

function spanConfidence(confidences: number[][] | undefined, d: Details): number {
  const values = confidences?.[d.line]?.slice(d.start, Math.max(d.start + 1, d.end)) ?? [];
  return values.length ? Math.min(...values) : 1;
}
