import { describe, expect, it } from 'vitest';
import {
  deriveKey,
  HistoryError,
  IV_BYTES,
  makeCheck,
  openJson,
  randomBytes,
  SALT_BYTES,
  sealJson,
  verifyCheck,
} from './vault.ts';

// PBKDF2's cost is the browser's to pay; the tests only need the same derivation, faster.
const FAST = 1_000;

async function keyFor(passphrase: string, salt = randomBytes(SALT_BYTES)): Promise<CryptoKey> {
  return deriveKey(passphrase, salt, FAST);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HistoryError) return error.code;
    throw error;
  }
  return 'resolved';
}

describe('vault', () => {
  it('derives a non-extractable AES-GCM 256 key', async () => {
    const key = await keyFor('correct horse battery');
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(key.usages.sort()).toEqual(['decrypt', 'encrypt']);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('round-trips JSON, with a fresh 12-byte IV each time', async () => {
    const key = await keyFor('correct horse battery');
    const value = { surname: 'ÉRIKSSON', givenNames: 'ANNA MARIA', n: 3 };
    const a = await sealJson(key, value, 'doc-1');
    const b = await sealJson(key, value, 'doc-1');
    expect(a.iv).toHaveLength(IV_BYTES);
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(false);
    expect(await openJson(key, a, 'doc-1')).toEqual(value);
    // Nothing readable is left in the ciphertext.
    expect(Buffer.from(a.data).toString('latin1')).not.toContain('ANNA');
  });

  it('the same passphrase and salt give the same key; another salt does not', async () => {
    const salt = randomBytes(SALT_BYTES);
    const sealed = await sealJson(await keyFor('passphrase one', salt), 'x');
    expect(await openJson(await keyFor('passphrase one', salt), sealed)).toBe('x');
    expect(await codeOf(openJson(await keyFor('passphrase one'), sealed))).toBe('corrupt');
  });

  it('a sealed value moved to another record does not open', async () => {
    const key = await keyFor('correct horse battery');
    const sealed = await sealJson(key, { id: 'a' }, 'a');
    expect(await codeOf(openJson(key, sealed, 'b'))).toBe('corrupt');
  });

  it('tampered ciphertext is corrupt, not silently wrong', async () => {
    const key = await keyFor('correct horse battery');
    const sealed = await sealJson(key, { surname: 'DOE' });
    const bytes = new Uint8Array(sealed.data.slice(0));
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(await codeOf(openJson(key, { iv: sealed.iv, data: bytes.buffer }))).toBe('corrupt');
  });

  it('the check value tells the right passphrase from a wrong one', async () => {
    const salt = randomBytes(SALT_BYTES);
    const check = await makeCheck(await keyFor('the right one', salt));
    expect(await codeOf(verifyCheck(await keyFor('the right one', salt), check))).toBe('resolved');
    expect(await codeOf(verifyCheck(await keyFor('the wrong one', salt), check))).toBe('wrong-passphrase');
  });

  it('a check value that opens to something else is corrupt', async () => {
    const key = await keyFor('the right one');
    const other = await sealJson(key, 'something else', 'check');
    expect(await codeOf(verifyCheck(key, other))).toBe('corrupt');
  });

  it('says "unavailable" without WebCrypto (an insecure context)', async () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', {
      value: { getRandomValues: () => null },
      configurable: true,
    });
    try {
      expect(await codeOf(deriveKey('whatever', new Uint8Array(SALT_BYTES), FAST))).toBe('unavailable');
    } finally {
      Object.defineProperty(globalThis, 'crypto', original);
    }
  });

  it('HistoryError carries its code and no other text', () => {
    const error = new HistoryError('wrong-passphrase', { cause: new Error('inner') });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('wrong-passphrase');
    expect(error.code).toBe('wrong-passphrase');
  });
});
