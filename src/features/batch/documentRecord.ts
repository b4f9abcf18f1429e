import { todayIso } from '../../lib/dates/isoDate.ts';
import { checkNik } from '../../lib/ektp/nik.ts';
import { CSV_BOM, toCsv } from '../../lib/export/csv.ts';
import { formatOfLines, type CheckName } from '../../lib/mrz/formats.ts';
import type { CheckStatus } from '../../lib/mrz/types.ts';
import { mrzLines, verifyFields } from '../../lib/mrz/verifyFields.ts';
import type { SessionDocument } from '../../state/sessionStore.ts';
import { layoutOf, readFields } from '../review/fieldSpecs.ts';
import {
  documentFormSchema,
  emptyFormValues,
  formValuesFrom,
  type DocumentFormValues,
  type FormLayout,
} from '../review/formSchema.ts';

/** A document's values as they stand: the user's edits, or what was read. */
export function documentValues(doc: SessionDocument): DocumentFormValues {
  return doc.values ?? formValuesFrom(doc.result ? readFields(doc.result) : {});
}

export const MRZ_CHECKS: CheckName[] = [
  'documentNumber',
  'dateOfBirth',
  'expiryDate',
  'personalNumber',
  'composite',
];

/** Each check the document carries, against its values as they stand. */
export interface DocumentChecks {
  mrz: Partial<Record<CheckName, CheckStatus>>;
  /** The e-KTP NIK against the printed date of birth and sex. */
  nik: CheckStatus;
}

export function documentChecks(values: DocumentFormValues, layout: FormLayout): DocumentChecks {
  const mrz = layout === 'mrz' ? (verifyFields(values, values.mrz) ?? {}) : {};
  const nik: CheckStatus =
    layout !== 'ektp' || !values.nik
      ? 'absent'
      : checkNik(values.nik, { dateOfBirth: values.dateOfBirth, sex: values.sex }).length
        ? 'invalid'
        : 'valid';
  return { mrz, nik };
}

export const failedChecks = (checks: DocumentChecks): number =>
  Object.values(checks.mrz).filter((s) => s === 'invalid').length + (checks.nik === 'invalid' ? 1 : 0);

/** Every field of the vocabulary, in form order: one CSV schema for every kind of document. */
const FIELDS = Object.keys(emptyFormValues) as Array<keyof DocumentFormValues>;

/**
 * The session's read documents as one CSV log: a row per document with when it was read, its
 * kind, every field (as corrected by the user), and its validity flags. RFC 4180, UTF-8 with a BOM,
 * formulas neutralised (lib/export/csv.ts).
 */
export function sessionCsv(docs: readonly SessionDocument[], today = todayIso()): string {
  const header = [
    'readAt',
    'file',
    'kind',
    'format',
    ...FIELDS,
    ...MRZ_CHECKS.map((c) => `check_${c}`),
    'check_nik',
    'formValid',
    'expired',
  ];
  const rows = docs
    .filter((d) => d.status === 'done' && (d.result || d.values))
    .map((doc) => {
      const values = documentValues(doc);
      const layout = layoutOf(doc.kind);
      const checks = documentChecks(values, layout);
      const format = layout === 'mrz' ? (formatOfLines(mrzLines(values.mrz))?.format ?? '') : '';
      return [
        doc.readAt ?? '',
        doc.fileName,
        doc.kind ?? layout,
        format,
        ...FIELDS.map((f) => String(values[f] ?? '')),
        ...MRZ_CHECKS.map((c) => checks.mrz[c] ?? ''),
        checks.nik === 'absent' ? '' : checks.nik,
        String(documentFormSchema(layout).safeParse(values).success),
        String(Boolean(values.expiryDate) && values.expiryDate < today),
      ];
    });
  return CSV_BOM + toCsv(header, rows);
}
