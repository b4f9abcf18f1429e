import type { LanguageId } from '../../engine/assets.generated.ts';
import { isAbort, ReaderError } from '../../engine/errors.ts';
import { stopOcr } from '../../engine/ocr.ts';
import { preprocessWorker } from '../../engine/preprocess.ts';
import { readDocument } from '../../engine/readDocument.ts';
import { initialScanState, useReadSettings, useScanStore } from '../../state/scanStore.ts';

let controller: AbortController | null = null;

/** `?mrzModel=eng` reads MRZ lines with stock English instead of our OCR-B model (benchmark baseline). */
function mrzModel(): LanguageId {
  return new URLSearchParams(window.location.search).get('mrzModel') === 'eng' ? 'eng' : 'ocrb';
}

/**
 * Reads a file into the store. A failure leaves the current document and its form untouched and
 * reports the error; a new success replaces the document. A scan in progress is cancelled first.
 */
export async function startScan(files: readonly File[]): Promise<void> {
  const file = files[0];
  if (!file) return;
  await runScan(file, file.name, files.length - 1);
}

export type CaptureOutcome = 'read' | 'retry' | 'cancelled';

/**
 * Reads a camera still. An automatic capture only counts when every check digit holds: otherwise
 * (or on any failure) the store goes back to how it was and the camera tries the next good frame,
 * so a bad result is never shown. The shutter button reads like an upload: result or message.
 */
export async function readCapture(still: Blob, mode: 'auto' | 'manual'): Promise<CaptureOutcome> {
  const outcome = await runScan(still, 'Camera capture', 0, mode === 'auto');
  return outcome === 'read' ? 'read' : outcome === 'cancelled' ? 'cancelled' : 'retry';
}

async function runScan(
  file: Blob,
  fileName: string,
  ignoredFiles: number,
  validOnly = false,
): Promise<'read' | 'failed' | 'cancelled'> {
  controller?.abort();
  const own = new AbortController();
  controller = own;
  useScanStore.setState({ status: 'working', stage: null, error: null, ignoredFiles });
  performance.mark('scan:start');
  const restore = (): void => {
    const { result } = useScanStore.getState();
    useScanStore.setState({ status: result ? 'done' : 'idle', stage: null });
  };
  try {
    const settings = useReadSettings.getState();
    const result = await readDocument(file, {
      signal: own.signal,
      language: mrzModel(),
      mode: settings.mode,
      textLanguage: settings.textLanguage,
      onStage: (stage) => {
        if (controller === own) useScanStore.setState({ stage });
      },
    });
    if (controller !== own) return 'cancelled';
    // Auto-capture takes only what can vouch for itself: an MRZ whose check digits all hold, or an
    // error-corrected licence barcode. Printed text (a licence front, an e-KTP) waits for the shutter.
    const vouched = result.kind === 'licence-back' || (result.kind === 'mrz' && result.reading.valid);
    if (validOnly && !vouched) {
      restore();
      return 'failed';
    }
    performance.measure('scan', 'scan:start');
    revokeUrls();
    useScanStore.setState((s) => ({
      status: 'done',
      stage: null,
      result,
      previous: s.result,
      imageUrl: URL.createObjectURL(file),
      pageUrl: 'page' in result ? URL.createObjectURL(result.page.image) : null,
      lineUrls:
        result.kind === 'mrz' && result.lines ? result.lines.images.map((i) => URL.createObjectURL(i)) : [],
      fileName,
      resultId: s.resultId + 1,
    }));
    return 'read';
  } catch (error) {
    if (controller !== own || isAbort(error)) return 'cancelled';
    if (validOnly) {
      restore();
      return 'failed';
    }
    const reader = error instanceof ReaderError ? error : new ReaderError('internal');
    useScanStore.setState({
      status: 'error',
      stage: null,
      error: { code: reader.code, hints: reader.hints, fileName },
    });
    return 'failed';
  } finally {
    if (controller === own) controller = null;
  }
}

function revokeUrls(): void {
  const { imageUrl, pageUrl, lineUrls } = useScanStore.getState();
  for (const url of [imageUrl, pageUrl, ...lineUrls]) if (url) URL.revokeObjectURL(url);
}

/** Stops the scan in progress; the current document stays. */
export function cancelScan(): void {
  controller?.abort();
  controller = null;
  const { result } = useScanStore.getState();
  useScanStore.setState({ status: result ? 'done' : 'idle', stage: null });
}

/**
 * Wipes everything: the scan in progress, the image (object URL revoked), the result and the form
 * (the form resets on the new resultId), and the workers that held pixels.
 */
export async function clearAll(): Promise<void> {
  controller?.abort();
  controller = null;
  const { resultId } = useScanStore.getState();
  revokeUrls();
  useScanStore.setState({ ...initialScanState, resultId: resultId + 1 });
  preprocessWorker.terminate();
  await stopOcr();
}
