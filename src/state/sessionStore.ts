import { create } from 'zustand';
import type { ScanResult, Stage } from '../engine/readDocument.ts';
import type { DocumentFormValues } from '../features/review/formSchema.ts';
import type { PrintedReading } from '../lib/text/printedReading.ts';
import type { VizField } from '../lib/viz/parseViz.ts';
import type { ScanError } from './scanStore.ts';

/** Where one file of the session stands. */
export type DocumentStatus = 'queued' | 'working' | 'done' | 'error' | 'cancelled';

/**
 * One document of this session (a file, a camera still, or a record opened from the history).
 * Lives in memory only; "Clear all" empties the list.
 */
export interface SessionDocument {
  id: number;
  /** Unique across sessions: a document saved to the history twice updates one record. */
  uid: string;
  fileName: string;
  /** The image, kept so the document can be opened again or retried; null for a history record. */
  file: Blob | null;
  status: DocumentStatus;
  stage: Stage | null;
  result: ScanResult | null;
  /** The kind of document: the result's, or a history record's (which has no result). */
  kind: ScanResult['kind'] | null;
  error: ScanError | null;
  /** When it was read (ISO 8601), for the CSV log. */
  readAt: string | null;
  /** The form as the user left it; null until the form first shows this document. */
  values: DocumentFormValues | null;
  /** Its printed page, when the user asked for it to be read (MRZ documents). */
  printed?: PrintedReading<VizField> | null;
}

export interface SessionState {
  documents: SessionDocument[];
  /** The document open in the review form. */
  openId: number | null;
  /** The latest batch (an upload of several files): its progress and failures are summarised. */
  batchIds: number[];
}

export const initialSessionState: SessionState = { documents: [], openId: null, batchIds: [] };

/** The session's documents; reads are started in features/scan/scanActions.ts, opened and kept in
 * features/batch/sessionActions.ts. */
export const useSessionStore = create<SessionState>()(() => initialSessionState);

/** 128 random bits as hex: no randomUUID, which plain-http hosting (not a secure context) lacks. */
export function newUid(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Waiting for a lane, or being read. */
export const isBusy = (doc: SessionDocument): boolean => doc.status === 'queued' || doc.status === 'working';

/** Changes one document in place (no-op when it has been removed, e.g. by Clear all). */
export function updateDocument(id: number, change: Partial<SessionDocument>): void {
  useSessionStore.setState((s) => ({
    documents: s.documents.map((d) => (d.id === id ? { ...d, ...change } : d)),
  }));
}
