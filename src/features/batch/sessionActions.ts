import type { ScanResult } from '../../engine/readDocument.ts';
import { useScanStore } from '../../state/scanStore.ts';
import { isBusy, useSessionStore, type SessionDocument, updateDocument } from '../../state/sessionStore.ts';
import { KIND_KEYS } from '../review/fieldSpecs.ts';
import { formValuesFrom, type DocumentFormValues } from '../review/formSchema.ts';

/** Revokes the open document's object URLs (on switching documents, and on Clear all). */
export function revokeUrls(): void {
  const { imageUrl, pageUrl, lineUrls } = useScanStore.getState();
  for (const url of [imageUrl, pageUrl, ...lineUrls]) if (url) URL.revokeObjectURL(url);
}

/**
 * Shows a session document in the review: its image, its crops, and the form as the user left it.
 * The document that was open becomes `previous` (the other side of the same licence, say).
 */
export function openDocument(id: number): void {
  const doc = useSessionStore.getState().documents.find((d) => d.id === id);
  if (!doc || !(doc.result || doc.values)) return;
  revokeUrls();
  const { result } = doc;
  useScanStore.setState((s) => ({
    status: useSessionStore.getState().documents.some(isBusy) ? 'working' : 'done',
    error: null,
    result,
    kind: doc.kind,
    previous: s.result !== result ? s.result : s.previous,
    imageUrl: doc.file ? URL.createObjectURL(doc.file) : null,
    pageUrl: result && 'page' in result ? URL.createObjectURL(result.page.image) : null,
    lineUrls:
      result?.kind === 'mrz' && result.lines ? result.lines.images.map((i) => URL.createObjectURL(i)) : [],
    fileName: doc.fileName,
    values: doc.values,
    printed: doc.printed ?? null,
    printedState: 'idle',
    resultId: s.resultId + 1,
  }));
  useSessionStore.setState({ openId: id });
}

/** Keeps the open document's form as the user edits it (for the CSV log and for reopening it). */
export function saveDraft(values: DocumentFormValues): void {
  const { openId } = useSessionStore.getState();
  if (openId !== null) updateDocument(openId, { values });
}

let nextHistoryId = -1;

/**
 * Opens a record from the history: its fields only (no image was kept), as a document of this
 * session, so it can be corrected, exported and saved again (to the same record). A record of a
 * document still in this session opens that document, with its image and its edits since.
 */
export function openSaved(entry: {
  id: string;
  readAt: string | null;
  kind: string;
  fileName: string;
  values: Record<string, string>;
}): void {
  const existing = useSessionStore.getState().documents.find((d) => d.uid === entry.id);
  if (existing) return openDocument(existing.id);
  const kind = entry.kind in KIND_KEYS ? (entry.kind as ScanResult['kind']) : null;
  // Negative ids: never confused with the ids of files read in this session.
  const id = nextHistoryId--;
  const doc: SessionDocument = {
    id,
    uid: entry.id,
    fileName: entry.fileName,
    file: null,
    status: 'done',
    stage: null,
    result: null,
    kind,
    error: null,
    readAt: entry.readAt,
    values: formValuesFrom(entry.values as Partial<DocumentFormValues>),
  };
  useSessionStore.setState((s) => ({ documents: [...s.documents, doc] }));
  openDocument(id);
}
