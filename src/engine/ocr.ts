import type { Worker as TesseractWorker } from 'tesseract.js';
import type { OcrLine } from '../lib/mrz/types.ts';
import type { PageText, PageWord } from '../lib/text/pageText.ts';
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

/** 'line': one MRZ line per image (raw line, MRZ alphabet); 'page': a whole card with its layout. */
export type OcrMode = 'line' | 'page';
/** Engines are per pool lane (engine/pool.ts), so documents read in parallel never share one. */
type EngineKey = `${number}|${OcrMode}:${LanguageId}`;

const engines = new Map<EngineKey, Promise<Engine>>();

/** Takes an engine out of the pool (only if it is still the pool's), ending it once idle. */
function retire(key: EngineKey, pending: Promise<Engine>, current: Engine): void {
  if (engines.get(key) === pending) engines.delete(key);
  current.retired = true;
  if (current.inFlight === 0) end(current);
}

/**
 * One tesseract.js worker per model, created lazily from the main thread (tesseract.js resolves its
 * paths against window.location) with every path pointing at our self-hosted copies: no CDN, no
 * blob: worker, and no IndexedDB cache (cacheMethod 'none': nothing is written to storage).
 */
function engine(key: EngineKey): Promise<Engine> {
  let existing = engines.get(key);
  if (!existing) {
    const created = start(key);
    existing = created;
    engines.set(key, created);
    created.catch(() => {
      if (engines.get(key) === created) engines.delete(key);
    });
  }
  return existing;
}

async function start(key: EngineKey): Promise<Engine> {
  const [mode, language] = key.split('|')[1]!.split(':') as [OcrMode, LanguageId];
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
  if (mode === 'page') {
    await worker.setParameters({
      // Cards are sparse: labels, values, a portrait, a signature. Auto layout finds the lines.
      tessedit_pageseg_mode: PSM.AUTO,
      user_defined_dpi: '300',
      preserve_interword_spaces: '1',
    });
    return { worker, jobs: 0, inFlight: 0, retired: false, ended: false };
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
export function warmUpOcr(language: LanguageId, mode: OcrMode = 'line', lane = 0): void {
  void engine(`${lane}|${mode}:${language}`).catch(() => undefined);
}

/**
 * Runs one job on an engine: recycled after RECYCLE_AFTER_JOBS, ended at once on abort (tesseract.js
 * cannot cancel a job; the next call starts a new worker).
 */
async function withEngine<T>(
  key: EngineKey,
  signal: AbortSignal | undefined,
  job: (worker: TesseractWorker) => Promise<T>,
): Promise<T> {
  if (signal?.aborted) throw new ReaderError('aborted');
  const pending = engine(key);
  const current = await pending;
  current.jobs++;
  current.inFlight++;
  // tesseract.js's terminate() never settles the job in flight: the abort itself must end the wait,
  // or the caller (a pool lane) would stay busy for good.
  let aborted: () => void = () => undefined;
  const abortedWait = new Promise<never>((_, reject) => {
    aborted = () => reject(new ReaderError('aborted'));
  });
  abortedWait.catch(() => undefined);
  const onAbort = (): void => {
    retire(key, pending, current);
    end(current);
    aborted();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  // Past its job limit a worker leaves the pool now, and ends when its last job is done.
  if (current.jobs >= RECYCLE_AFTER_JOBS) retire(key, pending, current);
  try {
    const result = await Promise.race([job(current.worker), abortedWait]);
    if (signal?.aborted) throw new ReaderError('aborted');
    return result;
  } catch (error) {
    if (signal?.aborted) throw new ReaderError('aborted');
    throw error instanceof ReaderError ? error : new ReaderError('internal');
  } finally {
    signal?.removeEventListener('abort', onAbort);
    current.inFlight--;
    if (current.retired && current.inFlight === 0) end(current);
  }
}

/** Recognises one text line; per-character confidences (0-1) come from tesseract's symbols. */
export async function recogniseLine(
  image: Blob,
  language: LanguageId,
  signal?: AbortSignal,
  lane = 0,
): Promise<OcrLine> {
  return withEngine(`${lane}|line:${language}`, signal, async (worker) => {
    const { data } = await worker.recognize(image, {}, { text: true, blocks: true });
    return toOcrLine(data);
  });
}

/** Reads a whole document image into lines and words with their boxes and confidences. */
export async function recognisePage(
  image: Blob,
  language: LanguageId,
  options: { signal?: AbortSignal | undefined; lane?: number } = {},
): Promise<PageText> {
  return withEngine(`${options.lane ?? 0}|page:${language}`, options.signal, async (worker) => {
    const { data } = await worker.recognize(image, {}, { text: true, blocks: true });
    return toPageText(data as unknown as PageData);
  });
}

/**
 * Reads small runs of text inside a page image again, each on its own: tesseract normalises a line
 * by its tallest text, so small labels beside large values come out as lower-case look-alikes
 * (DOB as "pos"). Returns the text of each rectangle.
 */
export async function recogniseSpans(
  image: Blob,
  language: LanguageId,
  rectangles: Array<{ left: number; top: number; width: number; height: number }>,
  signal?: AbortSignal,
  lane = 0,
): Promise<string[]> {
  // On the page engine (no second worker, no second copy of the language data), one line at a time.
  const { PSM } = await import('tesseract.js');
  return withEngine(`${lane}|page:${language}`, signal, async (worker) => {
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE });
    try {
      const out: string[] = [];
      for (const rectangle of rectangles) {
        const { data } = await worker.recognize(image, { rectangle }, { text: true });
        out.push(data.text.replace(/\s+/g, ' ').trim());
      }
      return out;
    } finally {
      await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
    }
  });
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface PageData {
  text: string;
  confidence: number;
  blocks?: Array<{
    paragraphs: Array<{
      lines: Array<{
        text: string;
        confidence: number;
        bbox: Box;
        words: Array<{ text: string; confidence: number; bbox: Box }>;
      }>;
    }>;
  }> | null;
}

function toPageText(page: PageData): PageText {
  const word = (w: { text: string; confidence: number; bbox: Box }): PageWord => ({
    text: w.text,
    confidence: Math.max(0, Math.min(1, w.confidence / 100)),
    box: { x: w.bbox.x0, y: w.bbox.y0, width: w.bbox.x1 - w.bbox.x0, height: w.bbox.y1 - w.bbox.y0 },
  });
  const blocks = (page.blocks ?? []).map((b) => ({
    lines: b.paragraphs.flatMap((p) =>
      p.lines
        .map((l) => ({
          text: l.text.replace(/\s+$/, ''),
          confidence: Math.max(0, Math.min(1, l.confidence / 100)),
          words: l.words.filter((w) => w.text.trim()).map(word),
        }))
        .filter((l) => l.words.length > 0),
    ),
  }));
  return { blocks: blocks.filter((b) => b.lines.length > 0), confidence: page.confidence / 100 };
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

/** Ends every OCR worker ("Clear all"), or one lane's (an idle lane of the pool). */
export async function stopOcr(lane?: number): Promise<void> {
  const keys = [...engines.keys()].filter((k) => lane === undefined || k.startsWith(`${lane}|`));
  const all = keys.map((k) => engines.get(k)!);
  for (const k of keys) engines.delete(k);
  await Promise.all(all.map((p) => p.then(end).catch(() => undefined)));
}
