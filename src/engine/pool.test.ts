import { afterEach, describe, expect, it, vi } from 'vitest';
import { poolSize, withLane } from './pool.ts';

describe('poolSize', () => {
  it('takes one lane per core, at most one per 2 GB, at most four', () => {
    expect(poolSize(2, 8, null)).toBe(2);
    expect(poolSize(8, 8, null)).toBe(4);
    expect(poolSize(8, 2, null)).toBe(1);
    expect(poolSize(1, 0.5, null)).toBe(1);
  });
  it('obeys ?pool=N within bounds', () => {
    expect(poolSize(2, 8, '1')).toBe(1);
    expect(poolSize(2, 8, '9')).toBe(4);
    expect(poolSize(2, 8, 'x')).toBe(2);
  });
});

describe('withLane', () => {
  const oneLane = () => vi.stubGlobal('navigator', { hardwareConcurrency: 1, deviceMemory: 8 });
  afterEach(() => vi.unstubAllGlobals());

  it('queues reads beyond the pool, first come first served, a single read first', async () => {
    oneLane();
    const order: string[] = [];
    let release!: () => void;
    const first = withLane(() => new Promise<void>((r) => (release = r)).then(() => void order.push('a')));
    const batch = withLane(async () => void order.push('b'));
    const single = withLane(async () => void order.push('c'), { first: true });
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await Promise.all([first, batch, single]);
    expect(order).toEqual(['a', 'c', 'b']);
  });

  it('frees the lane when a read fails or is aborted, and an aborted wait leaves the line', async () => {
    oneLane();
    const controller = new AbortController();
    const running = withLane(
      (lane) =>
        new Promise((_, reject) =>
          controller.signal.addEventListener('abort', () => reject(new Error(`lane ${lane.index}`))),
        ),
    );
    const waiting = new AbortController();
    const gaveUp = withLane(async () => 'never', { signal: waiting.signal });
    waiting.abort();
    await expect(gaveUp).rejects.toMatchObject({ code: 'aborted' });
    controller.abort();
    await expect(running).rejects.toThrow('lane 0');
    await expect(withLane(async (lane) => lane.index)).resolves.toBe(0);
  });
});
