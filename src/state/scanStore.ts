import { create } from 'zustand';
import type { QualityHint, ReaderErrorCode } from '../engine/errors.ts';
import type { ScanResult, Stage } from '../engine/readDocument.ts';
import type { DocumentFormValues } from '../features/review/formSchema.ts';
import type { PrintedReading } from '../lib/text/printedReading.ts';
import type { VizField } from '../lib/viz/parseViz.ts';

/** The testing contract's data-ocr-state values. */
export type OcrState = 'idle' | 'working' | 'done' | 'error';

export interface ScanError {
  code: ReaderErrorCode;
  hints: QualityHint[];
  /** The file the error is about (shown to the user, never logged). */
  fileName: string;
}

export interface ScanState {
  status: OcrState;
  stage: Stage | null;
  /** The document being reviewed: stays when a later file fails, so nothing typed is lost. */
  result: ScanResult | null;
  /** Its kind: the result's, or a history record's (opened without a result). */
  kind: ScanResult['kind'] | null;
  /** The document read before it (this session), e.g. the other side of the same licence. */
  previous: ScanResult | null;
  /** Object URL of the reviewed document's image. */
  imageUrl: string | null;
  /** Object URL of the straightened page printed fields were read from (their boxes are in it). */
  pageUrl: string | null;
  /** Object URLs of the MRZ line images that were read. */
  lineUrls: string[];
  fileName: string | null;
  error: ScanError | null;
  /** Changes with every new result, so the form resets to it exactly once. */
  resultId: number;
  /** The form as the user last left this document (reopened from the session); null: as read. */
  values: DocumentFormValues | null;
  /** An MRZ document's printed page, read on request and compared field by field. */
  printed: PrintedReading<VizField> | null;
  printedState: 'idle' | 'working' | 'error';
}

export const initialScanState: ScanState = {
  status: 'idle',
  stage: null,
  result: null,
  kind: null,
  previous: null,
  imageUrl: null,
  pageUrl: null,
  lineUrls: [],
  fileName: null,
  error: null,
  resultId: 0,
  values: null,
  printed: null,
  printedState: 'idle',
};

/** One store for the scan; actions live in features/scan/scanActions.ts (zustand "no store actions"). */
export const useScanStore = create<ScanState>()(() => initialScanState);

/** How the next document is read: told apart automatically, or its text only (any-text mode). */
export interface ReadSettings {
  mode: 'auto' | 'text';
  /** The model for printed text. */
  textLanguage: 'eng' | 'ind';
}

export const useReadSettings = create<ReadSettings>()(() => ({ mode: 'auto', textLanguage: 'eng' }));

/** The form field under the pointer or focus: its source region is highlighted on the document. */
export const useFocusedField = create<{ field: string | null }>()(() => ({ field: null }));
