/**
 * What the review form says about each field: labels and input hints per field, and the words for
 * where a value came from and what is wrong with it, per kind of document (namespace `review`).
 * The records below word their values when read (getters), so they follow the language chosen.
 */
import { i18next } from '../../app/i18n.ts';
import type { ScanResult } from '../../engine/readDocument.ts';
import type { AamvaProblem } from '../../lib/aamva/parseAamva.ts';
import type { DocumentType } from '../../lib/document/fields.ts';
import type { MrzFormat } from '../../lib/mrz/formats.ts';
import { codesOf, liveRecord } from '../../locales/liveRecord.ts';
import type { DocumentFormValues, FieldName, FormLayout } from './formSchema.ts';

export interface FieldSpec {
  /** Read in the language chosen now. */
  readonly label: string;
  type?: 'date';
  upper?: boolean;
  /** Fields whose cross-field rules read this one: re-validated when it changes. */
  deps?: FieldName[];
}

export type TextFieldName = Exclude<FieldName, 'mrz' | 'documentType' | 'sex'>;

/** A field's label (the MRZ textarea's is `review:mrz.label`). */
export const fieldLabel = (name: Exclude<FieldName, 'mrz'>): string => i18next.t(`review:fields.${name}`);

const SPECS: Record<TextFieldName, Omit<FieldSpec, 'label'>> = {
  documentCode: { upper: true },
  issuingCountry: { upper: true },
  documentNumber: { upper: true },
  issueDate: { type: 'date', deps: ['expiryDate'] },
  expiryDate: { type: 'date', deps: ['issueDate'] },
  surname: {},
  givenNames: {},
  nationality: { upper: true },
  dateOfBirth: { type: 'date', deps: ['issueDate'] },
  placeOfBirth: {},
  personalNumber: { upper: true },
  state: { upper: true },
  class: { upper: true },
  height: {},
  eyes: { upper: true },
  address: {},
  name: {},
  nik: {},
  rtRw: {},
  kelDesa: {},
  kecamatan: {},
  religion: {},
  maritalStatus: {},
  occupation: {},
  bloodType: { upper: true },
  province: {},
  regency: {},
};

export const FIELD_SPECS = liveRecord(codesOf(SPECS), (name): FieldSpec => ({
  ...SPECS[name],
  get label() {
    return fieldLabel(name);
  },
}));

const TYPE_KEYS = {
  passport: 'passport',
  id_card: 'idCard',
  visa: 'visa',
  driver_license: 'driverLicense',
  residence_permit: 'residencePermit',
  other: 'other',
} as const satisfies Record<DocumentType, string>;

export const typeLabel = (type: DocumentType): string => i18next.t(`review:types.${TYPE_KEYS[type]}`);
export const TYPE_LABELS = liveRecord(codesOf(TYPE_KEYS), typeLabel);

/** Result kinds → their keys (camelCase) in `review:sources`, `review:notes.edited`. */
export const KIND_KEYS = {
  mrz: 'mrz',
  'licence-back': 'licenceBack',
  'licence-front': 'licenceFront',
  ektp: 'ektp',
  text: 'text',
} as const satisfies Record<ScanResult['kind'], string>;

const FORMAT_KEYS = {
  TD1: 'td1',
  TD2: 'td2',
  TD3: 'td3',
  MRVA: 'mrvA',
  MRVB: 'mrvB',
  FRENCH_ID: 'frenchId',
} as const satisfies Record<MrzFormat, string>;

/** The MRZ layout's name ("TD3 passport"): lib/mrz's FORMAT_LABELS, in the interface language. */
export const formatLabel = (format: MrzFormat): string => i18next.t(`review:formats.${FORMAT_KEYS[format]}`);

/** The form layout a result is shown in; an empty form is an MRZ document's. */
export const layoutOf = (kind: ScanResult['kind'] | null | undefined): FormLayout =>
  kind === 'licence-back' || kind === 'licence-front' ? 'licence' : kind === 'ektp' ? 'ektp' : 'mrz';

/** Below this OCR confidence a printed value is marked for review. */
export const LOW_CONFIDENCE = 0.8;

export const SOURCE_LABELS = liveRecord(codesOf(KIND_KEYS), (kind) =>
  i18next.t(`review:sources.${KIND_KEYS[kind]}`),
);

/** "Edited (the MRZ read “…”)": one sentence per kind, as the noun's gender differs by language. */
export const editedNote = (kind: ScanResult['kind'], read: string): string =>
  i18next.t(`review:notes.edited.${KIND_KEYS[kind]}`, { read });

const PRINTED_PROBLEM_KEYS = {
  length: 'length',
  province: 'province',
  'birth-date': 'birthDate',
  'date-mismatch': 'dateMismatch',
  'sex-mismatch': 'sexMismatch',
} as const;

/** Printed-text problems by code; an unknown code reads as undefined. */
export const PRINTED_PROBLEMS: Readonly<Record<string, string>> = liveRecord(
  codesOf(PRINTED_PROBLEM_KEYS),
  (code) => i18next.t(`review:printedProblems.${PRINTED_PROBLEM_KEYS[code]}`),
);

export const PRINTED_NOTES: Readonly<Record<string, string>> = liveRecord(['lifetime'] as const, (code) =>
  i18next.t(`review:printedNotes.${code}`),
);

const BARCODE_PROBLEM_KEYS = {
  missing: 'missing',
  'bad-date': 'badDate',
  truncated: 'truncated',
} as const satisfies Record<AamvaProblem['reason'], string>;

export const BARCODE_PROBLEMS = liveRecord(codesOf(BARCODE_PROBLEM_KEYS), (reason) =>
  i18next.t(`review:barcodeProblems.${BARCODE_PROBLEM_KEYS[reason]}`),
);

export const licenceSide = (r: ScanResult): boolean =>
  r.kind === 'licence-back' || r.kind === 'licence-front';

/** What the reader filled in, by form field. */
export function readFields(result: ScanResult): Partial<DocumentFormValues> {
  if (result.kind === 'mrz') return result.reading.fields;
  if (result.kind === 'licence-back') return result.licence.fields;
  if (result.kind === 'text') return {};
  return result.printed.fields as Partial<DocumentFormValues>;
}
