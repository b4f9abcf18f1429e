/**
 * Every failure the user can meet, as a code. The UI owns the words (src/features/scan/messages.ts),
 * so errors never carry text from the document and can be translated.
 */
export type ReaderErrorCode =
  | 'empty-file'
  | 'not-an-image'
  | 'pdf'
  | 'heic'
  | 'svg'
  | 'unsupported-image'
  | 'file-too-large'
  | 'image-too-large'
  | 'image-too-small'
  | 'corrupt-image'
  | 'no-mrz'
  | 'unreadable-mrz'
  | 'unreadable-barcode'
  | 'engine-timeout'
  | 'asset-load-failed'
  | 'aborted'
  | 'internal';

import type { QualityHint } from '../lib/quality/qualityHints.ts';

export type { QualityHint };

export class ReaderError extends Error {
  constructor(
    readonly code: ReaderErrorCode,
    readonly hints: QualityHint[] = [],
  ) {
    super(code);
    this.name = 'ReaderError';
  }
}

export const isAbort = (error: unknown): boolean =>
  (error instanceof ReaderError && error.code === 'aborted') ||
  (error instanceof DOMException && error.name === 'AbortError');
