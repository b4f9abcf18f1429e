import { ReaderError } from './errors.ts';
import { stopOcr } from './ocr.ts';
import { createPreprocessWorker, preprocessWorker, type PreprocessWorker } from './preprocess.ts';

/**
 * A lane reads one document at a time: its own preprocess worker (whose analysis is stateful
 * between calls) and its own tesseract engines (ocr.ts keys them by lane). Lane 0 is the one
 * warmed up after first paint; further lanes start when a batch needs them and end when idle.
 */
export interface Lane {
  index: number;
  preprocess: PreprocessWorker;
}

/** The preprocess worker and OCR lane a read runs on: lane 0's unless one is given. */
export const laneOf = (options: { lane?: Lane | undefined }) => ({
  worker: options.lane?.preprocess ?? preprocessWorker,
  lane: options.lane?.index ?? 0,
});

/** An idle extra lane gives its memory back after this long (lane 0 stays warm). */
const IDLE_END_MS = 20_000;
/** OpenCV's wasm heap only grows: a lane's preprocess worker restarts after this many documents. */
const RECYCLE_PREPROCESS_AFTER = 80;
const MAX_LANES = 4;

/**
 * Lanes for this device: one per two cores' worth of work would starve the page on a phone, so
 * one per core, at most one per 2 GB of memory (each lane holds OpenCV and a tesseract model,
 * ~150-250 MB when busy), at most four. `?pool=N` overrides it (the benchmark compares sizes).
 */
export function poolSize(
  cores = globalThis.navigator?.hardwareConcurrency || 2,
  memoryGb = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory ?? 4,
  override = new URLSearchParams(globalThis.location?.search ?? '').get('pool'),
): number {
  const forced = Number(override);
  if (override && Number.isInteger(forced) && forced >= 1) return Math.min(forced, MAX_LANES);
  return Math.max(1, Math.min(cores, Math.floor(memoryGb / 2), MAX_LANES));
}

interface LaneState extends Lane {
  busy: boolean;
  jobs: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

const lanes: LaneState[] = [];
const waiting: Array<{ take: (lane: LaneState) => void; cancel: () => void; first: boolean }> = [];
/** Lane 0's worker analyses the camera's frames while the camera is open: a batch keeps off it. */
let cameraHoldsLaneZero = false;

const allowed = (lane: LaneState, first: boolean): boolean => first || lane.index > 0 || !cameraHoldsLaneZero;

function laneAt(index: number): LaneState {
  let lane = lanes[index];
  if (!lane) {
    const preprocess = index === 0 ? preprocessWorker : createPreprocessWorker();
    lane = { index, preprocess, busy: false, jobs: 0, idleTimer: null };
    lanes[index] = lane;
  }
  return lane;
}

function freeLane(first: boolean): LaneState | null {
  const size = poolSize();
  for (let i = 0; i < size; i++) {
    const lane = laneAt(i);
    if (!lane.busy && allowed(lane, first)) return lane;
  }
  return null;
}

function take(lane: LaneState): LaneState {
  lane.busy = true;
  if (lane.idleTimer) clearTimeout(lane.idleTimer);
  lane.idleTimer = null;
  return lane;
}

function acquire(signal: AbortSignal | undefined, first: boolean): Promise<LaneState> {
  if (signal?.aborted) return Promise.reject(new ReaderError('aborted'));
  const lane = freeLane(first);
  if (lane) return Promise.resolve(take(lane));
  return new Promise((resolve, reject) => {
    const waiter = {
      first,
      take: (l: LaneState) => {
        signal?.removeEventListener('abort', waiter.cancel);
        resolve(take(l));
      },
      cancel: () => {
        const at = waiting.indexOf(waiter);
        if (at >= 0) waiting.splice(at, 1);
        reject(new ReaderError('aborted'));
      },
    };
    signal?.addEventListener('abort', waiter.cancel, { once: true });
    // The user's own single read (an upload, the shutter) goes before a batch's queue.
    if (first) waiting.unshift(waiter);
    else waiting.push(waiter);
  });
}

function release(lane: LaneState): void {
  lane.busy = false;
  lane.jobs++;
  if (lane.jobs >= RECYCLE_PREPROCESS_AFTER) {
    lane.jobs = 0;
    lane.preprocess.terminate();
  }
  handOn(lane);
}

/** Gives a free lane to the first reader waiting that may use it. */
function handOn(lane: LaneState): void {
  const at = lane.index < poolSize() ? waiting.findIndex((w) => allowed(lane, w.first)) : -1;
  if (at >= 0) return waiting.splice(at, 1)[0]!.take(lane);
  if (lane.index > 0) lane.idleTimer = setTimeout(() => endLane(lane), IDLE_END_MS);
}

function endLane(lane: LaneState): void {
  if (lane.busy) return;
  lane.idleTimer = null;
  lane.preprocess.terminate();
  void stopOcr(lane.index);
}

/**
 * Runs a read on the first free lane, waiting in line (first come, first served; `first` jumps
 * the queue) when all are busy. Aborting while waiting leaves the line.
 */
export async function withLane<T>(
  job: (lane: Lane) => Promise<T>,
  options: { signal?: AbortSignal; first?: boolean } = {},
): Promise<T> {
  const lane = await acquire(options.signal, options.first ?? false);
  try {
    return await job(lane);
  } finally {
    release(lane);
  }
}

/**
 * While the camera is open its frames are analysed on lane 0's worker, so a batch's files keep to
 * the other lanes (or wait); the camera's own still still goes first on lane 0.
 */
export function holdLaneZeroForCamera(hold: boolean): void {
  cameraHoldsLaneZero = hold;
  const zero = lanes[0];
  if (!hold && zero && !zero.busy) handOn(zero);
}

/** Ends every lane's workers (Clear all); lanes start again on the next read. */
export async function stopAllLanes(): Promise<void> {
  for (const lane of lanes) {
    if (lane.idleTimer) clearTimeout(lane.idleTimer);
    lane.idleTimer = null;
    lane.jobs = 0;
    lane.preprocess.terminate();
  }
  await stopOcr();
}
