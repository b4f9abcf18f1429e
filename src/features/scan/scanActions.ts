import type { LanguageId } from '../../engine/assets.generated.ts';
import { isAbort, ReaderError } from '../../engine/errors.ts';
import { stopOcr } from '../../engine/ocr.ts';
import { preprocessWorker } from '../../engine/preprocess.ts';
import { readDocument } from '../../engine/readDocument.ts';
import { initialScanState, useScanStore } from '../../state/scanStore.ts';

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
  controller?.abort();
  const own = new AbortController();
  controller = own;
  useScanStore.setState({ status: 'working', stage: null, error: null, ignoredFiles: files.length - 1 });
  performance.mark('scan:start');
  try {
    const result = await readDocument(file, {
      signal: own.signal,
      language: mrzModel(),
      onStage: (stage) => {
        if (controller === own) useScanStore.setState({ stage });
      },
    });
    if (controller !== own) return;
    performance.measure('scan', 'scan:start');
    const previous = useScanStore.getState().imageUrl;
    if (previous) URL.revokeObjectURL(previous);
    useScanStore.setState((s) => ({
      status: 'done',
      stage: null,
      result,
      imageUrl: URL.createObjectURL(file),
      fileName: file.name,
      resultId: s.resultId + 1,
    }));
  } catch (error) {
    if (controller !== own || isAbort(error)) return;
    const reader = error instanceof ReaderError ? error : new ReaderError('internal');
    useScanStore.setState({
      status: 'error',
      stage: null,
      error: { code: reader.code, hints: reader.hints, fileName: file.name },
    });
  } finally {
    if (controller === own) controller = null;
  }
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
  const { imageUrl, resultId } = useScanStore.getState();
  if (imageUrl) URL.revokeObjectURL(imageUrl);
  useScanStore.setState({ ...initialScanState, resultId: resultId + 1 });
  preprocessWorker.terminate();
  await stopOcr();
}
