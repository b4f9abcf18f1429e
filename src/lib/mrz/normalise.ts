import type { OcrLine } from './types.ts';

const FILLER_GLYPHS = /[«‹<]/;

/**
 * Upper-cases OCR output and keeps only MRZ characters (A-Z, 0-9, '<'), mapping the guillemets
 * some engines return for '<', with each kept character's confidence.
 */
export function normaliseLine(line: OcrLine): { text: string; confidences: number[] } {
  let text = '';
  const confidences: number[] = [];
  const chars = [...line.text.toUpperCase()];
  chars.forEach((raw, i) => {
    const char = FILLER_GLYPHS.test(raw) ? '<' : raw;
    if (!/[A-Z0-9<]/.test(char)) return;
    text += char;
    // Unknown confidence counts as sure: it never licenses a riskier repair.
    confidences.push(line.confidences?.[i] ?? 1);
  });
  return { text, confidences };
}
