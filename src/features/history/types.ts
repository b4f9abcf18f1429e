/** One saved document: the review form's fields only, never an image. */
export interface HistoryEntry {
  /** Stable per session document, so saving the same document again updates its record. */
  id: string;
  /** ISO 8601, set by the history when saved. */
  savedAt: string;
  /** ISO 8601, when the document was read. */
  readAt: string | null;
  /** 'mrz' | 'licence-back' | 'licence-front' | 'ektp' | 'text' | … */
  kind: string;
  fileName: string;
  /** The form's values by field name (documentType, documentNumber, surname, givenNames, name, nik, dateOfBirth, …). */
  values: Record<string, string>;
}

/** How long records are kept, in days: the choices offered. */
export const RETENTION_DAYS = [1, 7, 30] as const;
export type RetentionDays = (typeof RETENTION_DAYS)[number];

export function isRetentionDays(value: unknown): value is RetentionDays {
  return (RETENTION_DAYS as readonly unknown[]).includes(value);
}
