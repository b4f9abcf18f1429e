import { interpretMrz } from '../../lib/mrz/readMrz.ts';
import type { Correction } from '../../lib/mrz/types.ts';
import { mrzLines } from '../../lib/mrz/verifyFields.ts';
import type { DocumentFormValues } from './formSchema.ts';

/**
 * Puts back what the OCR read where the repair changed a character ("O→0 to satisfy the check
 * digit"): the MRZ text with the original characters, and the fields as that text reads. Changes
 * the user has made since (a character no longer the corrected one) are left alone; line-length
 * repairs cannot be undone one character at a time. Null when there is nothing to undo.
 */
export function undoCorrections(
  mrzText: string,
  corrections: readonly Correction[],
): { mrz: string; fields: Partial<DocumentFormValues> } | null {
  const lines = swapped(mrzText, corrections, 'undo');
  if (!lines) return null;
  // A character outside the MRZ alphabet (« read for <) cannot be parsed: only the text goes back.
  const reading = interpretMrz(lines);
  const fields: Partial<DocumentFormValues> = { ...reading?.fields };
  delete fields.mrz;
  return { mrz: lines.join('\n'), fields };
}

/** The MRZ text with the corrections made again (Restore after an Undo); null when none applies. */
export function redoCorrections(mrzText: string, corrections: readonly Correction[]): string | null {
  return swapped(mrzText, corrections, 'redo')?.join('\n') ?? null;
}

/** Each correction's character swapped back (undo: to → from) or again (redo: from → to). */
function swapped(mrzText: string, corrections: readonly Correction[], way: 'undo' | 'redo'): string[] | null {
  const lines = mrzLines(mrzText);
  let changed = false;
  for (const c of corrections) {
    const [have, put] = way === 'undo' ? [c.to, c.from] : [c.from, c.to];
    const line = lines[c.line];
    if (c.reason === 'length' || !line || c.from.length !== 1 || line[c.index] !== have) continue;
    lines[c.line] = line.slice(0, c.index) + put + line.slice(c.index + 1);
    changed = true;
  }
  return changed ? lines : null;
}
