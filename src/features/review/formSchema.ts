import { z } from 'zod';
import { isIsoDate, todayIso } from '../../lib/dates/isoDate.ts';
import { DOCUMENT_TYPES } from '../../lib/document/fields.ts';

/**
 * Which fields the form shows: one layout per kind of document (the MRZ's, a licence's, an
 * e-KTP's). Values are kept for every field; only the layout's are shown, validated and exported.
 */
export type FormLayout = 'mrz' | 'licence' | 'ektp';

/**
 * Validation messages are translation keys, worded where they are shown (TextField), so the
 * schema stays free of any language and a message follows a language change.
 */
const MESSAGES = {
  date: 'review:errors.date',
  birthInFuture: 'review:errors.birthInFuture',
  documentCode: 'review:errors.documentCode',
  icaoCode: 'review:errors.icaoCode',
  documentNumber: 'review:errors.documentNumber',
  state: 'review:errors.state',
  licenceClass: 'review:errors.licenceClass',
  eyes: 'review:errors.eyes',
  nik: 'review:errors.nik',
  rtRw: 'review:errors.rtRw',
  bloodType: 'review:errors.bloodType',
  required: 'review:errors.required',
  expiresBeforeIssue: 'review:errors.expiresBeforeIssue',
  issuedBeforeBirth: 'review:errors.issuedBeforeBirth',
} as const;

/** The key a field error's `message` holds. */
export type ValidationMessage = (typeof MESSAGES)[keyof typeof MESSAGES];

const MESSAGE_KEYS: readonly string[] = Object.values(MESSAGES);
/** True for our keys; zod's own messages (none expected from text inputs) are shown as they are. */
export const isValidationMessage = (message: string): message is ValidationMessage =>
  MESSAGE_KEYS.includes(message);

const upper = (message: ValidationMessage, pattern: RegExp) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || pattern.test(v), message);

const isoDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isIsoDate(v), MESSAGES.date);

const text = z.string().trim();

/** Every field the form knows, by the testing contract's names. */
const allFields = z.object({
  documentType: z.enum(DOCUMENT_TYPES),
  documentCode: upper(MESSAGES.documentCode, /^[A-Z][A-Z<]?$/),
  issuingCountry: upper(MESSAGES.icaoCode, /^[A-Z]{1,3}$/),
  documentNumber: upper(MESSAGES.documentNumber, /^[A-Z0-9][A-Z0-9-]*$/),
  surname: text,
  givenNames: text,
  nationality: upper(MESSAGES.icaoCode, /^[A-Z]{1,3}$/),
  dateOfBirth: isoDate.refine((v) => v === '' || v <= todayIso(), MESSAGES.birthInFuture),
  sex: z.enum(['M', 'F', 'X', '']),
  expiryDate: isoDate,
  issueDate: isoDate,
  personalNumber: text,
  placeOfBirth: text,
  address: text,
  state: upper(MESSAGES.state, /^[A-Z]{2,3}$/),
  class: upper(MESSAGES.licenceClass, /^[A-Z0-9 ]+$/),
  height: text,
  eyes: upper(MESSAGES.eyes, /^[A-Z]{3}$/),
  name: text,
  nik: upper(MESSAGES.nik, /^\d{16}$/),
  rtRw: upper(MESSAGES.rtRw, /^\d{1,3}\/\d{1,3}$/),
  kelDesa: text,
  kecamatan: text,
  religion: text,
  maritalStatus: text,
  occupation: text,
  bloodType: upper(MESSAGES.bloodType, /^(A|B|AB|O|-)$/),
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
      if (!String(v[field]).trim())
        ctx.addIssue({ code: 'custom', path: [field], message: MESSAGES.required });
    }
    if (v.issueDate && v.expiryDate && v.issueDate > v.expiryDate) {
      ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: MESSAGES.expiresBeforeIssue });
    }
    if (v.dateOfBirth && v.issueDate && v.issueDate < v.dateOfBirth) {
      ctx.addIssue({ code: 'custom', path: ['issueDate'], message: MESSAGES.issuedBeforeBirth });
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
