import { useSessionStore } from '../../state/sessionStore.ts';
import { documentValues } from '../batch/documentRecord.ts';
import { openSaved } from '../batch/sessionActions.ts';
import { HistoryPanel } from './HistoryPanel.tsx';

/**
 * The history panel, fed with the open document as it stands in the form (the session keeps its
 * edits), and opening a saved record as a document of this session. Its own component, so a
 * keystroke in the form re-renders this panel, not the whole page.
 */
export function SessionHistory() {
  const doc = useSessionStore((s) => s.documents.find((d) => d.id === s.openId) ?? null);
  const current =
    // Any text has no fields to keep.
    doc && doc.status === 'done' && doc.kind && doc.kind !== 'text'
      ? {
          id: doc.uid,
          readAt: doc.readAt,
          kind: doc.kind,
          fileName: doc.fileName,
          values: { ...documentValues(doc) } as Record<string, string>,
        }
      : null;
  return <HistoryPanel current={current} onOpen={openSaved} />;
}
