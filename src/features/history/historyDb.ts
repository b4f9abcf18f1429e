/**
 * The opt-in history's storage: one IndexedDB database holding a meta record and one sealed record
 * per document. The database is opened only if it already exists or the user turns history on —
 * opening IndexedDB creates a database, and by default the app keeps nothing.
 */
import { isRetentionDays, type HistoryEntry, type RetentionDays } from './types.ts';
import {
  deriveKey,
  HistoryError,
  makeCheck,
  openJson,
  PBKDF2_ITERATIONS,
  randomBytes,
  SALT_BYTES,
  sealJson,
  verifyCheck,
  type Sealed,
} from './vault.ts';

export const DB_NAME = 'id-reader-history';
const DB_VERSION = 1;
const META = 'meta';
const META_KEY = 'meta';
const RECORDS = 'records';
const DAY_MS = 86_400_000;

interface MetaRecord {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  check: Sealed;
  retentionDays: RetentionDays;
}

/** savedAt stays in the clear so expired records can be deleted without the key. */
interface StoredRecord extends Sealed {
  id: string;
  savedAt: string;
}

export interface HistoryListing {
  entries: HistoryEntry[];
  /** Records that did not open (damaged): kept, not shown. */
  unreadable: number;
}

/** The history while unlocked: holds the key in memory until `lock()`. */
export interface UnlockedHistory {
  retentionDays(): RetentionDays;
  list(): Promise<HistoryListing>;
  /** Adds the entry, or replaces the record with the same id; returns it with its savedAt. */
  save(entry: Omit<HistoryEntry, 'savedAt'>, now?: Date): Promise<HistoryEntry>;
  remove(id: string): Promise<void>;
  /**
   * Changes the retention. Older records go at the next open or unlock, not at once: a select
   * changes on every arrow key, and passing through "1 day" must not delete a month of records.
   */
  setRetention(days: RetentionDays): Promise<void>;
  /** Forgets the key and closes the database. */
  lock(): void;
}

function factory(): IDBFactory {
  // eslint-disable-next-line no-restricted-globals -- the one opt-in store: reached only once the user turned history on, or it exists.
  const idb = typeof indexedDB === 'undefined' ? null : (indexedDB as IDBFactory | null);
  if (!idb) throw new HistoryError('unavailable');
  return idb;
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new HistoryError('unavailable', { cause: request.error }));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(new HistoryError('unavailable', { cause: tx.error }));
  });
}

function transaction(db: IDBDatabase, mode: IDBTransactionMode): IDBTransaction {
  try {
    return db.transaction([META, RECORDS], mode);
  } catch (cause) {
    // InvalidStateError: the connection was closed (locked, or deleted from another tab).
    throw new HistoryError('locked', { cause });
  }
}

/**
 * Whether the history database exists, without opening it. Browsers without `databases()`
 * (Firefox before 126) cannot answer that without creating one, so they get no history.
 */
export async function historyExists(): Promise<boolean> {
  const idb = factory();
  if (typeof idb.databases !== 'function') throw new HistoryError('unavailable');
  const databases = await idb.databases();
  return databases.some((d) => d.name === DB_NAME);
}

function openDb(create: boolean): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let missing = false;
    const request = factory().open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      // Deleted since we looked: aborting the creation leaves no database behind.
      if (!create && event.oldVersion === 0) {
        missing = true;
        request.transaction?.abort();
        return;
      }
      request.result.createObjectStore(META);
      request.result.createObjectStore(RECORDS, { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab deleting the history must not wait on us: let go, later calls say 'locked'.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () =>
      reject(new HistoryError(missing ? 'not-found' : 'unavailable', { cause: request.error }));
  });
}

async function readMeta(db: IDBDatabase): Promise<MetaRecord> {
  const meta = (await result(transaction(db, 'readonly').objectStore(META).get(META_KEY))) as
    Partial<MetaRecord> | undefined;
  const valid =
    meta?.salt instanceof Uint8Array &&
    typeof meta.iterations === 'number' &&
    meta.iterations > 0 &&
    meta.check?.iv instanceof Uint8Array &&
    isRetentionDays(meta.retentionDays);
  if (!valid) throw new HistoryError('corrupt');
  return meta as MetaRecord;
}

/** Deletes records saved before now − the stored retention. */
async function purgeIn(db: IDBDatabase, now: Date): Promise<number> {
  const tx = transaction(db, 'readwrite');
  const done = committed(tx);
  // A failed request aborts the transaction too; its error is the one thrown, not this one.
  done.catch(() => undefined);
  const meta = (await result(tx.objectStore(META).get(META_KEY))) as Partial<MetaRecord> | undefined;
  let deleted = 0;
  if (isRetentionDays(meta?.retentionDays)) {
    // toISOString is fixed-width, so ISO strings order as the instants they name.
    const cutoff = new Date(now.getTime() - meta.retentionDays * DAY_MS).toISOString();
    const records = tx.objectStore(RECORDS);
    const keys = await result(records.index('savedAt').getAllKeys(IDBKeyRange.upperBound(cutoff, true)));
    for (const key of keys) records.delete(key);
    deleted = keys.length;
  }
  await done;
  return deleted;
}

function unlocked(db: IDBDatabase, initialKey: CryptoKey, initialDays: RetentionDays): UnlockedHistory {
  let key: CryptoKey | null = initialKey;
  let days = initialDays;
  const currentKey = () => {
    if (!key) throw new HistoryError('locked');
    return key;
  };
  return {
    retentionDays: () => days,
    async list() {
      const k = currentKey();
      const records = (await result(
        transaction(db, 'readonly').objectStore(RECORDS).getAll(),
      )) as StoredRecord[];
      const opened = await Promise.allSettled(records.map((r) => openJson<HistoryEntry>(k, r, r.id)));
      const entries = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      return { entries, unreadable: records.length - entries.length };
    },
    async save(entry, now = new Date()) {
      // Picked field by field: whatever else the caller's object carries (an image) is never stored.
      const { id, readAt, kind, fileName, values } = entry;
      const saved: HistoryEntry = {
        id,
        savedAt: now.toISOString(),
        readAt,
        kind,
        fileName,
        values: { ...values },
      };
      // Sealed before the transaction starts: an await on anything but IndexedDB would end it.
      const sealed = await sealJson(currentKey(), saved, saved.id);
      const tx = transaction(db, 'readwrite');
      const record: StoredRecord = { id: saved.id, savedAt: saved.savedAt, ...sealed };
      tx.objectStore(RECORDS).put(record);
      await committed(tx);
      return saved;
    },
    async remove(id) {
      currentKey();
      const tx = transaction(db, 'readwrite');
      tx.objectStore(RECORDS).delete(id);
      await committed(tx);
    },
    async setRetention(next) {
      currentKey();
      const tx = transaction(db, 'readwrite');
      const metaStore = tx.objectStore(META);
      const meta = (await result(metaStore.get(META_KEY))) as MetaRecord;
      metaStore.put({ ...meta, retentionDays: next }, META_KEY);
      await committed(tx);
      days = next;
    },
    lock() {
      key = null;
      db.close();
    },
  };
}

/** Turns history on: a new database, salt and check value. Fails with 'exists' if there is one. */
export async function createHistory(
  passphrase: string,
  retentionDays: RetentionDays,
  iterations = PBKDF2_ITERATIONS,
): Promise<UnlockedHistory> {
  if (await historyExists()) throw new HistoryError('exists');
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(passphrase, salt, iterations);
  const meta: MetaRecord = { salt, iterations, check: await makeCheck(key), retentionDays };
  const db = await openDb(true);
  const tx = transaction(db, 'readwrite');
  tx.objectStore(META).put(meta, META_KEY);
  await committed(tx);
  return unlocked(db, key, retentionDays);
}

/** Opens the history with its passphrase and deletes what has expired. Nothing changes on a wrong one. */
export async function unlockHistory(passphrase: string, now = new Date()): Promise<UnlockedHistory> {
  if (!(await historyExists())) throw new HistoryError('not-found');
  const db = await openDb(false);
  try {
    const meta = await readMeta(db);
    const key = await deriveKey(passphrase, meta.salt, meta.iterations);
    await verifyCheck(key, meta.check);
    await purgeIn(db, now);
    return unlocked(db, key, meta.retentionDays);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Deletes expired records without the key; a no-op (nothing opened) when there is no history. */
export async function purgeExpired(now = new Date()): Promise<number> {
  if (!(await historyExists())) return 0;
  const db = await openDb(false);
  try {
    return await purgeIn(db, now);
  } finally {
    db.close();
  }
}

/** Deletes the whole database, locked or not. Open connections in other tabs let go (onversionchange). */
export function deleteHistory(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory().deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(new HistoryError('unavailable', { cause: request.error }));
  });
}
