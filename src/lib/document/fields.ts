/**
 * The field vocabulary every reader fills and the form shows (the testing contract's `name`s).
 * Values are plain strings: dates ISO YYYY-MM-DD, countries ICAO codes, sex M/F/X.
 */
export const DOCUMENT_TYPES = [
  'passport',
  'id_card',
  'visa',
  'driver_license',
  'residence_permit',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const SEXES = ['M', 'F', 'X'] as const;
export type Sex = (typeof SEXES)[number];

export interface MrzDocumentFields {
  documentType: DocumentType;
  documentCode: string;
  issuingCountry: string;
  documentNumber: string;
  surname: string;
  givenNames: string;
  nationality: string;
  dateOfBirth: string;
  sex: Sex | '';
  expiryDate: string;
  personalNumber: string;
  /** MRZ lines joined by \n. */
  mrz: string;
}

export type MrzFieldKey = Exclude<keyof MrzDocumentFields, 'mrz'>;

/** ICAO 9303-3 §4.2.2: the first character(s) of the document code say what the document is. */
export function documentTypeFromCode(code: string): DocumentType {
  const c = code.replace(/</g, '');
  if (c.startsWith('P')) return 'passport';
  if (c.startsWith('V')) return 'visa';
  if (['IR', 'AR', 'RP', 'CR', 'RT'].includes(c)) return 'residence_permit';
  if (/^[IAC]/.test(c)) return 'id_card';
  return 'other';
}
