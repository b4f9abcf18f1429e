import { describe, expect, it, vi } from 'vitest';
import type { RpcRequest } from '../workers/rpc.api.ts';
import { ReaderError } from './errors.ts';
import { createWorkerClient } from './workerClient.ts';

type Api = {
  [method: string]: (...args: never[]) => Promise<unknown>;
  echo(value: string): Promise<string>;
  init(): Promise<void>;
};

/** A stand-in Worker: answers `echo`, and `init` only when told to. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly answerInit: boolean) {}
  postMessage(request: RpcRequest): void {
    if (request.method === 'init' && !this.answerInit) return; // hangs, like OpenCV blocked by a CSP
    const value = request.method === 'echo' ? request.args[0] : undefined;
    queueMicrotask(() => this.onmessage?.({ data: { id: request.id, ok: true, value } } as MessageEvent));
  }
  terminate(): void {
    this.terminated = true;
  }
}

function client(answerInit: boolean, workers: FakeWorker[] = []) {
  return createWorkerClient<Api>({
    create: () => {
      const worker = new FakeWorker(answerInit);
      workers.push(worker);
      return worker as unknown as Worker;
    },
    start: async (call) => {
      await call('init', []);
    },
    startTimeoutMs: 50,
  });
}

describe('createWorkerClient', () => {
  it('starts the worker on first use and answers calls', async () => {
    const workers: FakeWorker[] = [];
    const c = client(true, workers);
    expect(workers).toHaveLength(0);
    await expect(c.echo('hi')).resolves.toBe('hi');
    await expect(c.echo('again')).resolves.toBe('again');
    expect(workers).toHaveLength(1);
  });

  it('fails a start that hangs with a typed timeout and ends that worker', async () => {
    const workers: FakeWorker[] = [];
    const c = client(false, workers);
    const error = await c.echo('hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReaderError);
    expect((error as ReaderError).code).toBe('engine-timeout');
    expect(workers[0]?.terminated).toBe(true);
  });

  it('terminates the worker when a call is aborted, and starts a fresh one next time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const workers: FakeWorker[] = [];
    const c = client(true, workers);
    await c.echo('warm');
    const controller = new AbortController();
    const pending = c.echo('slow', controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(workers[0]?.terminated).toBe(true);
    await expect(c.echo('next')).resolves.toBe('next');
    expect(workers).toHaveLength(2);
    vi.useRealTimers();
  });
});

describe('createWorkerClient across restarts', () => {
  it('a start aborted while a new one begins does not end the new worker', async () => {
    const workers: FakeWorker[] = [];
    let answer = false;
    const c = createWorkerClient<Api>({
      create: () => {
        const worker = new FakeWorker(answer);
        workers.push(worker);
        return worker as unknown as Worker;
      },
      start: async (call) => {
        await call('init', []);
      },
      startTimeoutMs: 1000,
    });
    const controller = new AbortController();
    const first = c.echo('first', controller.signal); // its start hangs
    controller.abort();
    answer = true;
    const second = c.echo('second'); // starts a new worker right away
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    await expect(second).resolves.toBe('second');
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.terminated).toBe(false);
  });
});
