import { z } from 'zod';
import { isIsoDate, todayIso } from '../../lib/dates/isoDate.ts';
import { DOCUMENT_TYPES } from '../../lib/document/fields.ts';

/**
 * Which fields the form shows: one layout per kind of document (the MRZ's, a licence's, an
 * e-KTP's). Values are kept for every field; only the layout's are shown, validated and exported.
 */
export type FormLayout = 'mrz' | 'licence' | 'ektp';

const upper = (message: string, pattern: RegExp) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || pattern.test(v), message);

const isoDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isIsoDate(v), 'Not a real date (use YYYY-MM-DD).');

const text = z.string().trim();

/** Every field the form knows, by the testing contract's names. */
const allFields = z.object({
  documentType: z.enum(DOCUMENT_TYPES),
  documentCode: upper('One or two capital letters, as in the MRZ.', /^[A-Z][A-Z<]?$/),
  issuingCountry: upper('A 3-letter ICAO code (D for Germany).', /^[A-Z]{1,3}$/),
  documentNumber: upper('Capital letters and digits only, no spaces.', /^[A-Z0-9][A-Z0-9-]*$/),
  surname: text,
  givenNames: text,
  nationality: upper('A 3-letter ICAO code (D for Germany).', /^[A-Z]{1,3}$/),
  dateOfBirth: isoDate.refine((v) => v === '' || v <= todayIso(), 'A birth date cannot be in the future.'),
  sex: z.enum(['M', 'F', 'X', '']),
  expiryDate: isoDate,
  issueDate: isoDate,
  personalNumber: text,
  placeOfBirth: text,
  address: text,
  state: upper('A 2-letter state or province code.', /^[A-Z]{2,3}$/),
  class: upper('Capital letters and digits, as on the licence.', /^[A-Z0-9 ]+$/),
  height: text,
  eyes: upper('The 3-letter code on the licence (BRO, BLU…).', /^[A-Z]{3}$/),
  name: text,
  nik: upper('16 digits.', /^\d{16}$/),
  rtRw: upper('Two numbers, as 003/007.', /^\d{1,3}\/\d{1,3}$/),
  kelDesa: text,
  kecamatan: text,
  religion: text,
  maritalStatus: text,
  occupation: text,
  bloodType: upper('A, B, AB, O or -.', /^(A|B|AB|O|-)$/),
  province: text,
  regency: text,
  mrz: z.string(),
});

export type DocumentFormValues = z.infer<typeof allFields>;
export type FieldName = keyof DocumentFormValues;

/** The fields each layout shows, in two groups, in form order (the MRZ textarea comes after). */
export const LAYOUT_GROUPS: Record<FormLayout, { document: FieldName[]; holder: FieldName[] }> = {
  mrz: {
    document: ['documentType', 'documentCode', 'issuingCountry', 'documentNumber', 'issueDate', 'expiryDate'],
    holder: ['surname', 'givenNames', 'nationality', 'dateOfBirth', 'sex', 'placeOfBirth', 'personalNumber'],
  },
  licence: {
    document: [
      'documentType',
      'issuingCountry',
      'state',
      'documentNumber',
      'class',
      'issueDate',
      'expiryDate',
    ],
    holder: ['surname', 'givenNames', 'dateOfBirth', 'sex', 'height', 'eyes', 'address'],
  },
  ektp: {
    document: ['documentType', 'issuingCountry', 'nik', 'province', 'regency', 'issueDate', 'expiryDate'],
    holder: [
      'name',
      'placeOfBirth',
      'dateOfBirth',
      'sex',
      'bloodType',
      'address',
      'rtRw',
      'kelDesa',
      'kecamatan',
      'religion',
      'maritalStatus',
      'occupation',
      'nationality',
    ],
  },
};

/** The fields each layout shows and exports. */
export const LAYOUT_FIELDS: Record<FormLayout, FieldName[]> = {
  mrz: [...LAYOUT_GROUPS.mrz.document, ...LAYOUT_GROUPS.mrz.holder, 'mrz'],
  licence: [...LAYOUT_GROUPS.licence.document, ...LAYOUT_GROUPS.licence.holder],
  ektp: [...LAYOUT_GROUPS.ektp.document, ...LAYOUT_GROUPS.ektp.holder],
};

const REQUIRED: Record<FormLayout, FieldName[]> = {
  mrz: ['documentNumber', 'surname'],
  licence: ['documentNumber', 'surname'],
  ektp: ['nik', 'name'],
};

/** What the form accepts for a layout. Check digits and expiry are shown beside the fields, not as errors. */
export function documentFormSchema(layout: FormLayout) {
  return allFields.superRefine((v, ctx) => {
    for (const field of REQUIRED[layout]) {
      if (!String(v[field]).trim()) ctx.addIssue({ code: 'custom', path: [field], message: 'Required.' });
    }
    if (v.issueDate && v.expiryDate && v.issueDate > v.expiryDate) {
      ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: 'Expires before it was issued.' });
    }
    if (v.dateOfBirth && v.issueDate && v.issueDate < v.dateOfBirth) {
      ctx.addIssue({ code: 'custom', path: ['issueDate'], message: 'Issued before the holder was born.' });
    }
  });
}

export const emptyFormValues: DocumentFormValues = {
  documentType: 'other',
  documentCode: '',
  issuingCountry: '',
  documentNumber: '',
  surname: '',
  givenNames: '',
  nationality: '',
  dateOfBirth: '',
  sex: '',
  expiryDate: '',
  issueDate: '',
  personalNumber: '',
  placeOfBirth: '',
  address: '',
  state: '',
  class: '',
  height: '',
  eyes: '',
  name: '',
  nik: '',
  rtRw: '',
  kelDesa: '',
  kecamatan: '',
  religion: '',
  maritalStatus: '',
  occupation: '',
  bloodType: '',
  province: '',
  regency: '',
  mrz: '',
};

export function formValuesFrom(fields: Partial<DocumentFormValues>): DocumentFormValues {
  return { ...emptyFormValues, ...fields };
}

/** The layout's fields only: what is exported. */
export function layoutValues(values: DocumentFormValues, layout: FormLayout): Partial<DocumentFormValues> {
  return Object.fromEntries(LAYOUT_FIELDS[layout].map((f) => [f, values[f]]));
}
