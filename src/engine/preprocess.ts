import type { PreprocessApi } from '../workers/preprocess.api.ts';
import { assets } from './assets.generated.ts';
import { assetUrl } from './assetUrl.ts';
import { createWorkerClient } from './workerClient.ts';

/** OpenCV compiles its wasm on start: ~1 s here, several on a slow phone. A hang (e.g. a CSP
 * blocking eval in the worker) ends in a typed 'engine-timeout' instead of a spinner forever. */
const START_TIMEOUT_MS = 45_000;

/** A preprocess worker client (one per pool lane); the worker itself starts on the first call. */
export const createPreprocessWorker = () =>
  createWorkerClient<PreprocessApi>({
    // Production: a classic worker (built as IIFE) that importScripts() the self-hosted OpenCV. The dev
    // server only serves workers as ES modules, so dev uses a module worker (see the worker's init).
    create: () =>
      import.meta.env.DEV
        ? new Worker(new URL('../workers/preprocess.worker.ts', import.meta.url), {
            type: 'module',
            name: 'preprocess',
          })
        : new Worker(new URL('../workers/preprocess.worker.ts', import.meta.url), { name: 'preprocess' }),
    start: async (call) => {
      await call('init', [assetUrl(assets.opencv), assetUrl(assets.zxingReader)]);
    },
    startTimeoutMs: START_TIMEOUT_MS,
  });

export type PreprocessWorker = ReturnType<typeof createPreprocessWorker>;

/** Lane 0's worker: warmed up after first paint, and the one the camera's frame analysis uses. */
export const preprocessWorker = createPreprocessWorker();

/** Line images binarised as the binarised second chance does, for "What the OCR saw". */
export const binarisedLines = (images: Blob[]): Promise<Blob[]> => preprocessWorker.binariseLines(images);
