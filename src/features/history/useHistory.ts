import { create } from 'zustand';
import {
  createHistory,
  deleteHistory,
  historyExists,
  purgeExpired,
  unlockHistory,
  type UnlockedHistory,
} from './historyDb.ts';
import type { HistoryEntry, RetentionDays } from './types.ts';
import { HistoryError, type HistoryErrorCode } from './vault.ts';

export type HistoryStatus = 'checking' | 'off' | 'locked' | 'unlocked' | 'unavailable';

/** What the status line says after an action; the panel words it in the interface language. */
export interface HistoryNotice {
  key: 'turnedOn' | 'unlocked' | 'saved' | 'updated' | 'removed' | 'locked' | 'deleted' | 'retention';
  summary?: string;
}

export interface HistoryState {
  status: HistoryStatus;
  entries: HistoryEntry[];
  unreadable: number;
  retentionDays: RetentionDays;
  busy: boolean;
  error: HistoryErrorCode | null;
  notice: HistoryNotice | null;
}

const initial: HistoryState = {
  status: 'checking',
  entries: [],
  unreadable: 0,
  retentionDays: 7,
  busy: false,
  error: null,
  notice: null,
};

/** The history panel's state; actions below (zustand "no store actions"). */
export const useHistoryStore = create<HistoryState>()(() => initial);

// The key lives in this closure only while unlocked: never in the store, so never in a devtools dump.
let handle: UnlockedHistory | null = null;

const set = useHistoryStore.setState;

/** "SURNAME GIVEN NAMES · number" (or the e-KTP's name and NIK); the file name when both are empty. */
export function summaryOf(entry: Pick<HistoryEntry, 'values' | 'fileName'>): string {
  const v = entry.values;
  const name = v.name?.trim() || [v.surname, v.givenNames].filter((s) => s?.trim()).join(' ');
  const number = v.documentNumber?.trim() || v.nik?.trim() || '';
  return [name, number].filter(Boolean).join(' · ') || entry.fileName;
}

async function refreshEntries(h: UnlockedHistory): Promise<void> {
  const { entries, unreadable } = await h.list();
  set({ entries, unreadable, retentionDays: h.retentionDays() });
}

function forget(): void {
  handle?.lock();
  handle = null;
}

/** Runs one action: busy while it runs, its error as a code; a lost database sends us back to checking. */
async function run(action: () => Promise<HistoryNotice | null>): Promise<boolean> {
  set({ busy: true, error: null, notice: null });
  try {
    const notice = await action();
    set({ busy: false, notice });
    return true;
  } catch (error) {
    const code = error instanceof HistoryError ? error.code : 'unavailable';
    set({ busy: false, error: code });
    if (code === 'locked' || code === 'not-found' || code === 'exists') {
      forget();
      await checkHistory();
    }
    return false;
  }
}

/** Tells off from locked without opening (or creating) the database. */
export async function checkHistory(): Promise<void> {
  if (handle) return;
  try {
    set({ status: (await historyExists()) ? 'locked' : 'off', entries: [], unreadable: 0 });
  } catch {
    set({ status: 'unavailable' });
  }
}

export function turnOnHistory(passphrase: string, days: RetentionDays): Promise<boolean> {
  return run(async () => {
    handle = await createHistory(passphrase, days);
    set({ status: 'unlocked', entries: [], unreadable: 0, retentionDays: days });
    return { key: 'turnedOn' };
  });
}

export function unlock(passphrase: string): Promise<boolean> {
  return run(async () => {
    handle = await unlockHistory(passphrase);
    await refreshEntries(handle);
    set({ status: 'unlocked' });
    return { key: 'unlocked' };
  });
}

export function lock(): void {
  forget();
  set({ ...initial, status: 'locked', notice: { key: 'locked' } });
}

export function saveToHistory(entry: Omit<HistoryEntry, 'savedAt'>): Promise<boolean> {
  return run(async () => {
    if (!handle) throw new HistoryError('locked');
    const known = useHistoryStore.getState().entries.some((e) => e.id === entry.id);
    await handle.save(entry);
    await refreshEntries(handle);
    return { key: known ? 'updated' : 'saved', summary: summaryOf(entry) };
  });
}

export function removeFromHistory(entry: HistoryEntry): Promise<boolean> {
  return run(async () => {
    if (!handle) throw new HistoryError('locked');
    await handle.remove(entry.id);
    await refreshEntries(handle);
    return { key: 'removed', summary: summaryOf(entry) };
  });
}

export function changeRetention(days: RetentionDays): Promise<boolean> {
  return run(async () => {
    if (!handle) throw new HistoryError('locked');
    await handle.setRetention(days);
    set({ retentionDays: days });
    return { key: 'retention' };
  });
}

/** Deletes the database, locked or not; history is off afterwards. */
export function deleteEverything(): Promise<boolean> {
  return run(async () => {
    forget();
    await deleteHistory();
    set({ ...initial, status: 'off' });
    return { key: 'deleted' };
  });
}

/**
 * For the app to call once at startup: deletes expired records if a history exists. Never opens
 * (so never creates) the database otherwise, and never fails the app.
 */
export async function purgeExpiredOnOpen(): Promise<void> {
  try {
    await purgeExpired();
  } catch {
    // Unavailable storage or a damaged database: the panel says so when the user looks.
  }
}
