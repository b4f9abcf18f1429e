import type { CheckName } from '../../lib/mrz/formats.ts';
import type { CheckStatus } from '../../lib/mrz/types.ts';
import type { DocumentFormValues } from './formSchema.ts';

export interface ExportedDocument extends Partial<DocumentFormValues> {
  /** MRZ format (TD1, TD2, TD3) when the MRZ text has one. */
  format: string | null;
  /** Check digits against the values as exported. */
  checks: Partial<Record<CheckName, CheckStatus>>;
}

export function documentJson(doc: ExportedDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A file name that says when, not who: download lists should not collect personal data. */
export function exportFileName(extension: string, now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `id-reader-${stamp}.${extension}`;
}

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke on the next task: the download has been handed to the browser by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
