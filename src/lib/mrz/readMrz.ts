import { parse, states, type Details, type FieldName } from 'mrz';
import { fitsClass, positionClasses } from './coerce.ts';
import { invisibleToCheckDigit } from './confusables.ts';
import { MAX_CHANGE_CONFIDENCE } from './searchCheckDigits.ts';
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
  type Span,
  type CheckName,
  type FormatSpec,
  type MrzFieldName,
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
  /** Characters to double-check although their field's check digit holds. */
  doubts: MrzDoubt[];
  /** True when every check digit holds and nothing else is wrong. */
  valid: boolean;
}

/** Why a field may be wrong although its check digit holds (see findDoubts). */
export interface MrzDoubt {
  field: MrzFieldKey;
  line: number;
  index: number;
  read: string;
  /** Look-alikes the check digit cannot tell from `read` (reason 'lookalike'). */
  couldBe: string[];
  reason: 'lookalike' | 'severalUnsure' | 'swappedSure';
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

  const checks = evaluateChecks(spec, lines);
  const doubts = [
    ...findDoubts(spec, lines, options.confidences),
    ...swappedSure(spec, options),
    ...uncheckedLookalikes(spec, lines),
  ];
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
  };
}

/**
 * Codes in a reading that no real document has: a document code its layout is not used for (a
 * "passport" starting LL) and country codes on no list. No check digit covers these, so they are the
 * only sign that a line's start was misread; the engine tries its other readings while any remain.
 */
export function implausibleCodes(reading: MrzReading): number {
  const spec = FORMATS[reading.format];
  const unknown = (code: string): boolean => code !== '' && !(code in states);
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

/**
 * Where a holding check digit still cannot vouch for a field. A check digit catches any single
 * misread except between look-alikes whose values differ by a multiple of 10 (8/S, 6/G, 1/L: the
 * weights 7, 3, 1 are coprime to 10), and two misreads can cancel out (even in the composite). So a
 * field is in doubt when an unsure character has such a look-alike, or when two or more characters
 * under its check (its check digit included) were unsure.
 */
function findDoubts(spec: FormatSpec, lines: string[], confidences: number[][] | undefined): MrzDoubt[] {
  if (!confidences) return [];
  const classes = positionClasses(spec);
  const long = longDocumentNumber(spec, lines);
  const unsure = (p: { line: number; index: number }): boolean =>
    (confidences[p.line]?.[p.index] ?? 1) < MAX_CHANGE_CONFIDENCE;
  const groups: Array<{ field: MrzFieldKey; positions: Array<{ line: number; index: number }> }> = [];
  const expand = (spans: Span[]) =>
    spans.flatMap((s) =>
      Array.from({ length: s.end - s.start }, (_, k) => ({ line: s.line, index: s.start + k })),
    );
  for (const check of spec.checks) {
    if (check.name === 'composite') continue;
    const spans = [...check.covers];
    let digit = check.digit;
    if (check.name === 'documentNumber' && long) {
      spans.push(long.rest);
      digit = long.digit;
    }
    groups.push({ field: check.name, positions: [...expand(spans), digit] });
  }
  // TD1/TD2 optional data is covered by the composite only (a visa's by nothing).
  if (spec.format === 'TD1' || spec.format === 'TD2') {
    const optional = spec.fields.filter((f) => f.name === 'optional1' || f.name === 'optional2');
    groups.push({ field: 'personalNumber', positions: expand(optional) });
  }
  const doubts: MrzDoubt[] = [];
  for (const { field, positions } of groups) {
    const uncertain = positions.filter(unsure);
    for (const p of uncertain) {
      const read = lines[p.line]?.[p.index] ?? '';
      const couldBe = invisibleToCheckDigit(read).filter((c) =>
        fitsClass(c, classes[p.line]?.[p.index] ?? 'alnum'),
      );
      if (couldBe.length) doubts.push({ field, ...p, read, couldBe, reason: 'lookalike' });
    }
    if (uncertain.length >= 2 && !doubts.some((d) => d.field === field)) {
      const first = uncertain[0]!;
      doubts.push({
        field,
        ...first,
        read: lines[first.line]?.[first.index] ?? '',
        couldBe: [],
        reason: 'severalUnsure',
      });
    }
  }
  return doubts;
}

/**
 * A visa's optional data has no check digit at all, and OCR-B's O and 0 have the same width: however
 * sure the engine was, an O or a 0 there is worth a look.
 */
function uncheckedLookalikes(spec: FormatSpec, lines: string[]): MrzDoubt[] {
  if (spec.format !== 'MRVA' && spec.format !== 'MRVB') return [];
  const doubts: MrzDoubt[] = [];
  for (const f of spec.fields.filter((x) => x.name === 'optional1')) {
    for (let index = f.start; index < f.end; index++) {
      const read = lines[f.line]?.[index] ?? '';
      if (read === 'O' || read === '0')
        doubts.push({
          field: 'personalNumber',
          line: f.line,
          index,
          read,
          couldBe: [read === 'O' ? '0' : 'O'],
          reason: 'lookalike',
        });
    }
  }
  return doubts;
}

/** Characters the engine read confidently that the check-digit search swapped (O/0): worth a look. */
function swappedSure(
  spec: FormatSpec,
  options: { corrections?: Correction[]; confidences?: number[][] },
): MrzDoubt[] {
  return (options.corrections ?? [])
    .filter(
      (c) =>
        c.reason === 'checkDigit' && (options.confidences?.[c.line]?.[c.index] ?? 1) >= MAX_CHANGE_CONFIDENCE,
    )
    .map((c) => {
      const field = spec.fields.find((f) => f.line === c.line && c.index >= f.start && c.index < f.end);
      const key: MrzFieldKey =
        field?.name === 'documentNumber' || !field ? 'documentNumber' : 'personalNumber';
      return {
        field: key,
        line: c.line,
        index: c.index,
        read: c.from,
        couldBe: [c.to],
        reason: 'swappedSure' as const,
      };
    });
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
