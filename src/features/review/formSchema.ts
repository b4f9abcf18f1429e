import { z } from 'zod';
import { isIsoDate, todayIso } from '../../lib/dates/isoDate.ts';
import { DOCUMENT_TYPES, type MrzDocumentFields } from '../../lib/document/fields.ts';

const upper = (message: string, pattern: RegExp) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || pattern.test(v), message);

const isoDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isIsoDate(v), 'Not a real date (use YYYY-MM-DD).');

/** What the form accepts. Check digits and expiry are shown beside the fields, not as errors. */
export const documentFormSchema = z
  .object({
    documentType: z.enum(DOCUMENT_TYPES),
    documentCode: upper('One or two capital letters, as in the MRZ.', /^[A-Z][A-Z<]?$/),
    issuingCountry: upper('A 3-letter ICAO code (D for Germany).', /^[A-Z]{1,3}$/),
    documentNumber: z
      .string()
      .trim()
      .min(1, 'Required.')
      .regex(/^[A-Z0-9]+$/, 'Capital letters and digits only, no spaces.'),
    surname: z.string().trim().min(1, 'Required.'),
    givenNames: z.string().trim(),
    nationality: upper('A 3-letter ICAO code (D for Germany).', /^[A-Z]{1,3}$/),
    dateOfBirth: isoDate.refine((v) => v === '' || v <= todayIso(), 'A birth date cannot be in the future.'),
    sex: z.enum(['M', 'F', 'X', '']),
    expiryDate: isoDate,
    issueDate: isoDate,
    personalNumber: z.string().trim(),
    placeOfBirth: z.string().trim(),
    mrz: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.issueDate && v.expiryDate && v.issueDate > v.expiryDate) {
      ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: 'Expires before it was issued.' });
    }
    if (v.dateOfBirth && v.issueDate && v.issueDate < v.dateOfBirth) {
      ctx.addIssue({ code: 'custom', path: ['issueDate'], message: 'Issued before the holder was born.' });
    }
  });

export type DocumentFormValues = z.infer<typeof documentFormSchema>;

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
  mrz: '',
};

export function formValuesFrom(fields: MrzDocumentFields): DocumentFormValues {
  return { ...emptyFormValues, ...fields };
}
