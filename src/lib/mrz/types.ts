import type { CheckName, MrzFormat } from './formats.ts';

/** One text line as the OCR engine returned it, with a 0-1 confidence per character where known. */
export interface OcrLine {
  text: string;
  confidences?: number[];
}

export type CorrectionReason =
  | 'length'
  | 'charClass'
  | 'checkDigit'
  | 'filler'
  | 'countryCode'
  /** The glyph matcher read the character clearly where the model was unsure (fuseCells.ts). */
  | 'secondReader';

/** A character the repair changed: shown to the user and undoable. */
export interface Correction {
  line: number;
  index: number;
  from: string;
  to: string;
  reason: CorrectionReason;
}

export type CheckStatus = 'valid' | 'invalid' | 'absent';

export interface RepairedMrz {
  format: MrzFormat;
  lines: string[];
  /** 0-1 per character of `lines`. */
  confidences: number[][];
  corrections: Correction[];
  checks: Partial<Record<CheckName, CheckStatus>>;
}
