import { isRealDate } from '../dates/isoDate.ts';
import { lookalikesAsDigits } from './fuzzy.ts';
import type { Box, PageLine, PageWord } from './pageText.ts';

/**
 * Fields read from printed text: each value with the box it was read from (in the page image) and
 * the OCR's confidence in it (0-1), and the problems found by cross-checks.
 */
export interface PrintedReading<F extends string> {
  fields: Partial<Record<F, string>>;
  confidence: Partial<Record<F, number>>;
  boxes: Partial<Record<F, Box>>;
  problems: Array<{ field: F; code: string }>;
  /** Facts worth saying about a value that are not problems (an e-KTP valid for life). */
  notes?: Array<{ field: F; code: string }>;
}

/** A line split at its label: the label's words, and the value's words after the ':' (if any). */
export interface LabelledLine {
  line: PageLine;
  label: string;
  value: PageWord[];
}

/** Splits "Label : value" (the colon may stick to either word, or be read as ';'). */
export function splitAtColon(line: PageLine): LabelledLine | null {
  const words = line.words;
  for (let i = 0; i < words.length; i++) {
    const text = words[i]!.text;
    const at = text.search(/[:;]/);
    if (at < 0) continue;
    const label = [...words.slice(0, i).map((w) => w.text), text.slice(0, at)].join(' ').trim();
    const rest = text.slice(at + 1);
    const value = rest ? [{ ...words[i]!, text: rest }, ...words.slice(i + 1)] : words.slice(i + 1);
    return { line, label, value };
  }
  return null;
}

export const wordsText = (words: readonly PageWord[]): string =>
  words
    .map((w) => w.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

export const meanConfidence = (words: readonly PageWord[]): number =>
  words.length ? words.reduce((sum, w) => sum + w.confidence, 0) / words.length : 0;

/** A DD-MM-YYYY or MM/DD/YYYY date in OCR'd text as ISO, or ''. */
export function printedDate(text: string, order: 'dmy' | 'mdy'): string {
  // Letters OCR puts for digits inside a date-shaped run (O→0, I/l→1, S→5, B→8) made digits.
  const fixed = text.replace(
    /[\dOoIl|SB]{1,2}\s*[-/.]\s*[\dOoIl|SB]{1,2}\s*[-/.]\s*[\dOoIl|SB]{4}/g,
    lookalikesAsDigits,
  );
  const match = /(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})/.exec(fixed);
  if (!match) return '';
  const [a, b, year] = [Number(match[1]), Number(match[2]), match[3]!];
  const [day, month] = order === 'dmy' ? [a, b] : [b, a];
  if (!isRealDate(Number(year), month, day)) return '';
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
