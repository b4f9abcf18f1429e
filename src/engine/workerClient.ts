import { WorkerError, type RpcReply, type RpcRequest, type WorkerApi } from '../workers/rpc.api.ts';
import { ReaderError, type ReaderErrorCode } from './errors.ts';

type Client<Api extends WorkerApi> = {
  [K in keyof Api]: (...args: [...Parameters<Api[K]>, AbortSignal?]) => ReturnType<Api[K]>;
};

export interface WorkerClientOptions {
  /** Creates the worker (a `new Worker(new URL(...))` literal, so Vite bundles it). */
  create: () => Worker;
  /** Runs once per worker start, e.g. loading wasm; bounded by `startTimeoutMs`. */
  start?: (call: (method: string, args: unknown[]) => Promise<unknown>) => Promise<void>;
  startTimeoutMs: number;
}

/**
 * A typed client for a worker that exposes an API (src/workers/expose.ts). The worker starts on the
 * first call; a start that hangs (wasm blocked by a CSP, a slow phone) fails with a typed error
 * after the timeout instead of waiting forever. Aborting a call terminates the worker for real; the
 * next call starts a fresh one.
 */
export function createWorkerClient<Api extends WorkerApi>(
  options: WorkerClientOptions,
): Client<Api> & { terminate(): void } {
  let worker: Worker | null = null;
  let ready: Promise<void> | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  const failAll = (error: unknown): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const terminate = (): void => {
    worker?.terminate();
    worker = null;
    ready = null;
    failAll(new ReaderError('aborted'));
  };

  const send = (method: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (!worker) return reject(new ReaderError('internal'));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // Bitmaps (camera frames) move to the worker instead of being copied.
      const transfer =
        typeof ImageBitmap === 'undefined'
          ? []
          : args.filter((a): a is ImageBitmap => a instanceof ImageBitmap);
      worker.postMessage({ id, method, args } satisfies RpcRequest, transfer);
    });

  const ensureStarted = (): Promise<void> => {
    if (ready) return ready;
    const current = options.create();
    worker = current;
    // Handlers of a worker that has since been replaced (aborted, then restarted) must not touch
    // the state of its successor.
    const retire = (): void => {
      current.terminate();
      if (worker === current) {
        worker = null;
        ready = null;
      }
    };
    current.onmessage = (event: MessageEvent<RpcReply>) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(toReaderError(new WorkerError(reply.error.code, reply.error.message)));
    };
    current.onerror = (event) => {
      event.preventDefault();
      if (worker === current) failAll(new ReaderError('internal'));
      retire();
    };
    const started = options.start ? options.start(send) : Promise.resolve();
    const starting = withTimeout(started, options.startTimeoutMs).catch((error: unknown) => {
      retire();
      throw error;
    });
    ready = starting;
    return starting;
  };

  const call = async (method: string, args: unknown[], signal?: AbortSignal): Promise<unknown> => {
    if (signal?.aborted) throw new ReaderError('aborted');
    const onAbort = (): void => terminate();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await ensureStarted();
      if (signal?.aborted) throw new ReaderError('aborted');
      return await send(method, args);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };

  return new Proxy({ terminate } as Client<Api> & { terminate(): void }, {
    get(target, property) {
      if (property === 'terminate') return target.terminate;
      return (...args: unknown[]) => {
        const last = args[args.length - 1];
        const signal = last instanceof AbortSignal ? last : undefined;
        return call(String(property), signal ? args.slice(0, -1) : args, signal);
      };
    },
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ReaderError('engine-timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const WORKER_CODES: Record<string, ReaderErrorCode> = {
  'decode-failed': 'corrupt-image',
  'image-too-small': 'image-too-small',
  'asset-load-failed': 'asset-load-failed',
};

function toReaderError(error: WorkerError): ReaderError {
  return new ReaderError(WORKER_CODES[error.code] ?? 'internal');
}
