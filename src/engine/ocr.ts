import type { Worker as TesseractWorker } from 'tesseract.js';
import type { OcrLine } from '../lib/mrz/types.ts';
import { assets, type LanguageId } from './assets.generated.ts';
import { assetUrl } from './assetUrl.ts';
import { ReaderError } from './errors.ts';

/** tesseract.js workers leak wasm memory over many jobs: a worker is replaced after this many. */
const RECYCLE_AFTER_JOBS = 60;
const START_TIMEOUT_MS = 45_000;

interface Engine {
  worker: TesseractWorker;
  jobs: number;
  inFlight: number;
  /** Out of the pool: terminated when its last job ends. */
  retired: boolean;
  ended: boolean;
}

function end(current: Engine): void {
  if (current.ended) return;
  current.ended = true;
  current.worker.terminate().catch(() => undefined);
}

const engines = new Map<LanguageId, Promise<Engine>>();

/** Takes an engine out of the pool (only if it is still the pool's), ending it once idle. */
function retire(language: LanguageId, pending: Promise<Engine>, current: Engine): void {
  if (engines.get(language) === pending) engines.delete(language);
  current.retired = true;
  if (current.inFlight === 0) end(current);
}

/**
 * One tesseract.js worker per model, created lazily from the main thread (tesseract.js resolves its
 * paths against window.location) with every path pointing at our self-hosted copies: no CDN, no
 * blob: worker, and no IndexedDB cache (cacheMethod 'none': nothing is written to storage).
 */
function engine(language: LanguageId): Promise<Engine> {
  let existing = engines.get(language);
  if (!existing) {
    const created = start(language);
    existing = created;
    engines.set(language, created);
    created.catch(() => {
      if (engines.get(language) === created) engines.delete(language);
    });
  }
  return existing;
}

async function start(language: LanguageId): Promise<Engine> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  const creating = createWorker(language, OEM.LSTM_ONLY, {
    workerPath: assetUrl(assets.tesseractWorker),
    corePath: assetUrl(assets.tesseractCore),
    langPath: assetUrl(assets.languages[language]),
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new ReaderError('engine-timeout')), START_TIMEOUT_MS),
  );
  let worker: TesseractWorker;
  try {
    worker = await Promise.race([creating, timeout]);
  } catch (error) {
    void creating.then((w) => w.terminate()).catch(() => undefined);
    throw error instanceof ReaderError ? error : new ReaderError('asset-load-failed');
  }
  await worker.setParameters({
    // Raw line: the crop is exactly one line, so tesseract's own layout analysis only gets in the
    // way (in single-line mode it drops a thin leading "I" as noise). The OCR-B model was trained so.
    tessedit_pageseg_mode: PSM.RAW_LINE,
    // A hint only: the LSTM engine may still return other characters, which the MRZ repair handles.
    tessedit_char_whitelist: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<',
    user_defined_dpi: '300',
  });
  return { worker, jobs: 0, inFlight: 0, retired: false, ended: false };
}

/** Starts the engine ahead of need (after first paint), so the first scan does not wait for it. */
export function warmUpOcr(language: LanguageId): void {
  void engine(language).catch(() => undefined);
}

/** Recognises one text line; per-character confidences (0-1) come from tesseract's symbols. */
export async function recogniseLine(
  image: Blob,
  language: LanguageId,
  signal?: AbortSignal,
): Promise<OcrLine> {
  if (signal?.aborted) throw new ReaderError('aborted');
  const pending = engine(language);
  const current = await pending;
  current.jobs++;
  current.inFlight++;
  // tesseract.js cannot cancel a job: an abort ends the worker at once; the next call starts anew.
  const onAbort = (): void => {
    retire(language, pending, current);
    end(current);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  // Past its job limit a worker leaves the pool now, and ends when its last line is read.
  if (current.jobs >= RECYCLE_AFTER_JOBS) retire(language, pending, current);
  try {
    const { data } = await current.worker.recognize(image, {}, { text: true, blocks: true });
    if (signal?.aborted) throw new ReaderError('aborted');
    return toOcrLine(data);
  } catch (error) {
    if (signal?.aborted) throw new ReaderError('aborted');
    throw error instanceof ReaderError ? error : new ReaderError('internal');
  } finally {
    signal?.removeEventListener('abort', onAbort);
    current.inFlight--;
    if (current.retired && current.inFlight === 0) end(current);
  }
}

interface Symbol {
  text: string;
  confidence: number;
}
interface PageLike {
  text: string;
  blocks?: Array<{ paragraphs: Array<{ lines: Array<{ words: Array<{ symbols: Symbol[] }> }> }> }> | null;
}

function toOcrLine(page: PageLike): OcrLine {
  const symbols = (page.blocks ?? []).flatMap((b) =>
    b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words.flatMap((w) => w.symbols))),
  );
  if (!symbols.length) return { text: page.text.replace(/\s+/g, '') };
  return {
    text: symbols.map((s) => s.text).join(''),
    confidences: symbols.flatMap((s) => [...s.text].map(() => Math.max(0, Math.min(1, s.confidence / 100)))),
  };
}

/** Ends every OCR worker ("Clear all"). */
export async function stopOcr(): Promise<void> {
  const all = [...engines.values()];
  engines.clear();
  await Promise.all(all.map((p) => p.then(end).catch(() => undefined)));
}
