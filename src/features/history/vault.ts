/**
 * The history's cryptography, on WebCrypto only: a passphrase becomes a non-extractable AES-GCM key
 * (PBKDF2-SHA-256), and each record is sealed with its own random IV. Nothing here touches storage.
 */

export type HistoryErrorCode =
  /** The passphrase does not open the check value: nothing was changed. */
  | 'wrong-passphrase'
  /** No WebCrypto (an insecure context) or no IndexedDB (private modes, old browsers). */
  | 'unavailable'
  /** A stored value is not what we wrote: damaged, or written by another version. */
  | 'corrupt'
  /** The history was asked for but there is none (deleted, e.g. from another tab). */
  | 'not-found'
  /** Turning on would overwrite a history that already exists. */
  | 'exists'
  /** The history was locked (or deleted elsewhere) while an operation was under way. */
  | 'locked';

export class HistoryError extends Error {
  constructor(
    readonly code: HistoryErrorCode,
    options?: { cause?: unknown },
  ) {
    // The message is the code only: causes may come from browser internals, never from a document.
    super(code, options);
    this.name = 'HistoryError';
  }
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
/** 96 bits: the IV length GCM is specified for; any other is hashed down and weaker. */
export const IV_BYTES = 12;

/** Ciphertext with its IV, as IndexedDB keeps them (structured clone preserves typed arrays). */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** What the check value decrypts to; a wrong key fails GCM's tag before we ever compare it. */
const CHECK_TEXT = 'id-reader-history/v1';

function subtle(): SubtleCrypto {
  // crypto.subtle is undefined outside secure contexts (plain http on another host than localhost).
  const s = globalThis.crypto?.subtle;
  if (!s) throw new HistoryError('unavailable');
  return s;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations = PBKDF2_ITERATIONS,
): Promise<CryptoKey> {
  const s = subtle();
  try {
    const material = await s.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
      'deriveKey',
    ]);
    // extractable: false — the key can be used while unlocked but never read out or stored.
    return await s.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  } catch (cause) {
    throw new HistoryError('unavailable', { cause });
  }
}

/**
 * `context` is bound in as GCM's additional data (the record's id), so a sealed value moved to
 * another record no longer opens.
 */
export async function sealJson(key: CryptoKey, value: unknown, context = ''): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
    key,
    plain,
  );
  return { iv, data };
}

/** Opens a sealed value; any failure (tag, IV, JSON) is 'corrupt' — the key was verified before. */
export async function openJson<T>(key: CryptoKey, sealed: Sealed, context = ''): Promise<T> {
  const s = subtle();
  try {
    const plain = await s.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: new TextEncoder().encode(context) },
      key,
      sealed.data,
    );
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch (cause) {
    throw new HistoryError('corrupt', { cause });
  }
}

/** The value stored beside the salt that tells a right passphrase from a wrong one. */
export function makeCheck(key: CryptoKey): Promise<Sealed> {
  return sealJson(key, CHECK_TEXT, 'check');
}

/** Resolves if `key` is the history's key; 'wrong-passphrase' otherwise. */
export async function verifyCheck(key: CryptoKey, check: Sealed): Promise<void> {
  let text: unknown;
  try {
    text = await openJson(key, check, 'check');
  } catch (error) {
    // GCM cannot tell a wrong key from a damaged check value; a wrong key is by far the likelier.
    throw new HistoryError('wrong-passphrase', { cause: error });
  }
  if (text !== CHECK_TEXT) throw new HistoryError('corrupt');
}
