/**
 * What the review form says about each field: labels and input hints per field, and the words for
 * where a value came from and what is wrong with it, per kind of document.
 */
import type { ScanResult } from '../../engine/readDocument.ts';
import type { AamvaProblem } from '../../lib/aamva/parseAamva.ts';
import type { DOCUMENT_TYPES } from '../../lib/document/fields.ts';
import type { DocumentFormValues, FieldName, FormLayout } from './formSchema.ts';

export interface FieldSpec {
  label: string;
  type?: 'date';
  upper?: boolean;
  /** Fields whose cross-field rules read this one: re-validated when it changes. */
  deps?: FieldName[];
}

export type TextFieldName = Exclude<FieldName, 'mrz' | 'documentType' | 'sex'>;

export const FIELD_SPECS: Record<TextFieldName, FieldSpec> = {
  documentCode: { label: 'Document code', upper: true },
  issuingCountry: { label: 'Issuing country', upper: true },
  documentNumber: { label: 'Document number', upper: true },
  issueDate: { label: 'Date of issue', type: 'date', deps: ['expiryDate'] },
  expiryDate: { label: 'Date of expiry', type: 'date', deps: ['issueDate'] },
  surname: { label: 'Surname' },
  givenNames: { label: 'Given names' },
  nationality: { label: 'Nationality', upper: true },
  dateOfBirth: { label: 'Date of birth', type: 'date', deps: ['issueDate'] },
  placeOfBirth: { label: 'Place of birth' },
  personalNumber: { label: 'Personal number / optional data', upper: true },
  state: { label: 'State / province', upper: true },
  class: { label: 'Licence class', upper: true },
  height: { label: 'Height' },
  eyes: { label: 'Eye colour', upper: true },
  address: { label: 'Address' },
  name: { label: 'Name (Nama)' },
  nik: { label: 'NIK' },
  rtRw: { label: 'RT/RW' },
  kelDesa: { label: 'Kel/Desa' },
  kecamatan: { label: 'Kecamatan' },
  religion: { label: 'Religion (Agama)' },
  maritalStatus: { label: 'Marital status' },
  occupation: { label: 'Occupation (Pekerjaan)' },
  bloodType: { label: 'Blood type', upper: true },
  province: { label: 'Province' },
  regency: { label: 'Regency / city' },
};

export const TYPE_LABELS: Record<(typeof DOCUMENT_TYPES)[number], string> = {
  passport: 'Passport',
  id_card: 'Identity card',
  visa: 'Visa',
  driver_license: "Driver's licence",
  residence_permit: 'Residence permit',
  other: 'Other',
};

/** The form layout a result is shown in; an empty form is an MRZ document's. */
export const layoutOf = (result: ScanResult | null): FormLayout =>
  result?.kind === 'licence-back' || result?.kind === 'licence-front'
    ? 'licence'
    : result?.kind === 'ektp'
      ? 'ektp'
      : 'mrz';

/** Below this OCR confidence a printed value is marked for review. */
export const LOW_CONFIDENCE = 0.8;

export const SOURCE_LABELS: Record<ScanResult['kind'], string> = {
  mrz: 'From the MRZ',
  'licence-back': 'From the barcode',
  'licence-front': 'From the printed text',
  ektp: 'From the printed text',
  text: 'From the text',
};
export const SOURCE_NOUNS: Record<ScanResult['kind'], string> = {
  mrz: 'MRZ',
  'licence-back': 'barcode',
  'licence-front': 'card',
  ektp: 'card',
  text: 'text',
};

export const PRINTED_PROBLEMS: Record<string, string> = {
  length: 'A NIK has 16 digits.',
  province: 'The NIK does not start with a province code.',
  'birth-date': 'Digits 7-12 of the NIK are not a date.',
  'date-mismatch': 'The NIK’s birth date and the printed date of birth disagree: compare with the document.',
  'sex-mismatch':
    'The NIK (40 is added to the day for women) and the printed sex disagree: compare with the document.',
};

export const PRINTED_NOTES: Record<string, string> = {
  lifetime: 'Valid for life (the card says SEUMUR HIDUP): no expiry date.',
};

export const BARCODE_PROBLEMS: Record<AamvaProblem['reason'], string> = {
  missing: 'The barcode has no value for this field: copy it from the front of the card.',
  'bad-date': 'The barcode’s date is not a real date: copy it from the front of the card.',
  truncated: 'The barcode says this name was shortened to fit the card: compare with the document.',
};

export const licenceSide = (r: ScanResult): boolean =>
  r.kind === 'licence-back' || r.kind === 'licence-front';

/** What the reader filled in, by form field. */
export function readFields(result: ScanResult): Partial<DocumentFormValues> {
  if (result.kind === 'mrz') return result.reading.fields;
  if (result.kind === 'licence-back') return result.licence.fields;
  if (result.kind === 'text') return {};
  return result.printed.fields as Partial<DocumentFormValues>;
}
