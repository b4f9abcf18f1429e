import type { LanguageId } from '../../engine/assets.generated.ts';
import { isAbort, ReaderError } from '../../engine/errors.ts';
import { stopAllLanes, withLane } from '../../engine/pool.ts';
import { readDocument, type ScanResult, type Stage } from '../../engine/readDocument.ts';
import { initialScanState, useReadSettings, useScanStore, type ScanError } from '../../state/scanStore.ts';
import {
  initialSessionState,
  isBusy,
  newUid,
  updateDocument,
  useSessionStore,
  type SessionDocument,
} from '../../state/sessionStore.ts';
import { i18next } from '../../app/i18n.ts';
import type { PrintedReading } from '../../lib/text/printedReading.ts';
import { parseViz, type VizField } from '../../lib/viz/parseViz.ts';
import { lock } from '../history/useHistory.ts';
import { openDocument, revokeUrls } from '../batch/sessionActions.ts';

let nextId = 1;
/** One per document being read or waiting for a lane. */
const controllers = new Map<number, AbortController>();
/** The user's latest single read (an upload of one file, a retry): a new one replaces it. */
let foreground: number | null = null;
/** Camera stills being read (not session documents until they are read). */
let captures = 0;

/** `?mrzModel=eng` reads MRZ lines with stock English instead of our OCR-B model (benchmark baseline). */
function mrzModel(): LanguageId {
  return new URLSearchParams(window.location.search).get('mrzModel') === 'eng' ? 'eng' : 'ocrb';
}

/** Reads one image on the first free lane of the pool, with the user's read settings. */
async function read(
  file: Blob,
  signal: AbortSignal,
  first: boolean,
  onStage: (stage: Stage) => void,
): Promise<ScanResult> {
  const settings = useReadSettings.getState();
  return withLane(
    async (lane) => {
      const start = performance.now();
      try {
        return await readDocument(file, {
          signal,
          lane,
          language: mrzModel(),
          mode: settings.mode,
          textLanguage: settings.textLanguage,
          onStage,
        });
      } finally {
        // Time on a lane, queueing excluded (the batch benchmark's per-file figure).
        performance.measure('scan:lane', { start, detail: { lane: lane.index } });
      }
    },
    { signal, first },
  );
}

const toScanError = (error: unknown, fileName: string): ScanError => {
  const reader = error instanceof ReaderError ? error : new ReaderError('internal');
  return { code: reader.code, hints: reader.hints, fileName };
};

/**
 * Adds files to the session and reads them. One file is the user's document of the moment: its
 * progress and its failure are the page's, and it opens when read. Several are a batch: they run
 * through the pool side by side, each with its own progress row; the first one read opens if
 * nothing is open, so the user is never pulled away from a document they are correcting.
 */
export async function startScan(files: readonly File[]): Promise<void> {
  if (!files.length) return;
  const added: SessionDocument[] = files.map((file) => ({
    id: nextId++,
    uid: newUid(),
    fileName: file.name,
    file,
    status: 'queued',
    stage: null,
    result: null,
    kind: null,
    error: null,
    readAt: null,
    values: null,
  }));
  const single = added.length === 1;
  // A new upload starts with a clean slate: an earlier failure's message goes.
  useScanStore.setState({ error: null });
  useSessionStore.setState((s) => ({
    documents: [...s.documents, ...added],
    batchIds: single ? s.batchIds : added.map((d) => d.id),
  }));
  await Promise.all(added.map((d) => readOne(d.id, single)));
}

async function readOne(id: number, single: boolean): Promise<void> {
  const doc = useSessionStore.getState().documents.find((d) => d.id === id);
  if (!doc?.file) return;
  if (single) {
    // A new single read replaces the one still in progress (the user changed their mind).
    if (foreground !== null && foreground !== id) cancelDocument(foreground);
    foreground = id;
    useScanStore.setState({ error: null });
  }
  controllers.get(id)?.abort();
  const own = new AbortController();
  controllers.set(id, own);
  updateDocument(id, { status: 'queued', stage: null, error: null });
  useScanStore.setState({ status: 'working', ...(single ? { stage: null } : {}) });
  // The benchmark waits for a new 'scan:start' mark, then for done/error (scripts/bench/readInApp.ts).
  performance.mark('scan:start');
  const started = performance.now();
  try {
    const result = await read(doc.file, own.signal, single, (stage) => {
      updateDocument(id, { status: 'working', stage });
      if (foreground === id) useScanStore.setState({ stage });
    });
    if (own.signal.aborted) return;
    performance.measure('scan', { start: started });
    updateDocument(id, {
      status: 'done',
      stage: null,
      result,
      kind: result.kind,
      readAt: new Date().toISOString(),
    });
    if (single || useSessionStore.getState().openId === null) openDocument(id);
  } catch (error) {
    if (own.signal.aborted || isAbort(error)) return;
    const failure = toScanError(error, doc.fileName);
    updateDocument(id, { status: 'error', stage: null, error: failure });
    if (foreground === id) useScanStore.setState({ error: failure });
  } finally {
    if (controllers.get(id) === own) controllers.delete(id);
    if (foreground === id) foreground = null;
    settle();
  }
}

/** The page's state once nothing is queued or being read. */
function settle(): void {
  const { documents, openId, batchIds } = useSessionStore.getState();
  if (captures > 0 || documents.some(isBusy)) return;
  const { error } = useScanStore.getState();
  const batchFailed = documents.some((d) => batchIds.includes(d.id) && d.status === 'error');
  useScanStore.setState({
    stage: null,
    status: error ? 'error' : openId !== null ? 'done' : batchFailed ? 'error' : 'idle',
  });
}

export type CaptureOutcome = 'read' | 'retry' | 'cancelled';

/**
 * Reads a camera still. An automatic capture only counts when it vouches for itself (an MRZ whose
 * check digits all hold, or a licence barcode): otherwise (or on any failure) the page stays as it
 * was and the camera tries the next good frame, so a bad result is never shown. The shutter button
 * reads like an upload: result or message.
 */
export async function readCapture(still: Blob, mode: 'auto' | 'manual'): Promise<CaptureOutcome> {
  const own = new AbortController();
  const id = nextId++;
  controllers.set(id, own);
  captures++;
  const before = useScanStore.getState();
  useScanStore.setState({ status: 'working', stage: null, error: null });
  performance.mark('scan:start');
  const restore = () => useScanStore.setState({ status: before.status, stage: null, error: before.error });
  try {
    const result = await read(still, own.signal, true, (stage) => useScanStore.setState({ stage }));
    if (own.signal.aborted) return 'cancelled';
    const vouched = result.kind === 'licence-back' || (result.kind === 'mrz' && result.reading.valid);
    if (mode === 'auto' && !vouched) {
      restore();
      return 'retry';
    }
    useSessionStore.setState((s) => ({
      documents: [
        ...s.documents,
        {
          id,
          uid: newUid(),
          fileName: i18next.t('batch:cameraCapture'),
          file: still,
          status: 'done',
          stage: null,
          result,
          kind: result.kind,
          error: null,
          readAt: new Date().toISOString(),
          values: null,
        },
      ],
    }));
    openDocument(id);
    return 'read';
  } catch (error) {
    if (own.signal.aborted || isAbort(error)) return 'cancelled';
    if (mode === 'auto') {
      restore();
      return 'retry';
    }
    useScanStore.setState({
      status: 'error',
      stage: null,
      error: toScanError(error, i18next.t('batch:cameraCapture')),
    });
    return 'retry';
  } finally {
    controllers.delete(id);
    captures--;
    settle();
  }
}

/**
 * Reads the open MRZ document's printed page (its visual zone) as well, ahead of any batch: the
 * captions' values, compared with the MRZ's in the form, and the fields the MRZ has no room for
 * (place of birth, date of issue). Null when nothing was found on it.
 */
export async function readPrinted(): Promise<PrintedReading<VizField> | null> {
  const { openId, documents } = useSessionStore.getState();
  const doc = documents.find((d) => d.id === openId);
  if (!doc?.file) return null;
  const own = new AbortController();
  const key = nextId++;
  controllers.set(key, own);
  useScanStore.setState({ printedState: 'working' });
  const stillOpen = () => useSessionStore.getState().openId === doc.id;
  try {
    const page = await withLane(
      (lane) => readDocument(doc.file!, { signal: own.signal, lane, mode: 'text', textLanguage: 'eng' }),
      { signal: own.signal, first: true },
    );
    const printed = page.kind === 'text' ? parseViz(page.text) : null;
    const found = printed && Object.keys(printed.fields).length ? printed : null;
    updateDocument(doc.id, { printed: found });
    if (stillOpen()) useScanStore.setState({ printed: found, printedState: found ? 'idle' : 'error' });
    return found;
  } catch {
    if (stillOpen()) useScanStore.setState({ printedState: own.signal.aborted ? 'idle' : 'error' });
    return null;
  } finally {
    controllers.delete(key);
  }
}

/** Reads a failed or cancelled document again, ahead of any batch still waiting. */
export function retryDocument(id: number): void {
  void readOne(id, true);
}

/** Stops one document's read (or takes it out of the queue). */
export function cancelDocument(id: number): void {
  controllers.get(id)?.abort();
  controllers.delete(id);
  updateDocument(id, { status: 'cancelled', stage: null });
  if (foreground === id) foreground = null;
  settle();
}

/** Stops every read in progress or waiting; the open document stays. */
export function cancelScan(): void {
  for (const d of useSessionStore.getState().documents) if (isBusy(d)) cancelDocument(d.id);
  for (const c of controllers.values()) c.abort();
  controllers.clear();
  settle();
}

/**
 * Wipes everything: every read in progress, the session's images and results, the open document
 * (object URLs revoked; the form resets on the new resultId), and the workers that held pixels.
 */
export async function clearAll(): Promise<void> {
  for (const c of controllers.values()) c.abort();
  controllers.clear();
  foreground = null;
  const { resultId } = useScanStore.getState();
  revokeUrls();
  useScanStore.setState({ ...initialScanState, resultId: resultId + 1 });
  useSessionStore.setState(initialSessionState);
  // An unlocked history shows names and numbers: it locks too (its records stay, encrypted).
  lock();
  await stopAllLanes();
}
