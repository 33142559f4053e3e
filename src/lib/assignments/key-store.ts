/**
 * Where the instructor's signing key lives: IndexedDB in this browser, the private key as a
 * non-extractable CryptoKey (scripts can sign with it but cannot read it back).
 */
import type { PublicKeyJwk } from './payload.ts';

const DB = 'shipyard-teaching';
const STORE = 'keys';
const RECORD = 'instructor';

export interface StoredKey {
  privateKey: CryptoKey;
  publicJwk: PublicKeyJwk;
  createdAt: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = fn(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result as T);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB refused the change'));
        };
      }),
  );
}

function isStoredKey(value: unknown): value is StoredKey {
  const v = value as Partial<StoredKey> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof CryptoKey !== 'undefined' &&
    v.privateKey instanceof CryptoKey &&
    typeof v.publicJwk?.x === 'string' &&
    typeof v.publicJwk.y === 'string' &&
    typeof v.createdAt === 'string'
  );
}

/** The stored key, or null when there is none (or what is stored is not a key). */
export async function loadKey(): Promise<StoredKey | null> {
  const value = await run<unknown>('readonly', (store) => store.get(RECORD));
  return isStoredKey(value) ? value : null;
}

export async function saveKey(key: StoredKey): Promise<void> {
  await run('readwrite', (store) => store.put(key, RECORD));
}

export async function deleteKey(): Promise<void> {
  await run('readwrite', (store) => store.delete(RECORD));
}

/** Re-imports a freshly generated private key as non-extractable before it is stored. */
export async function nonExtractable(privateKey: CryptoKey): Promise<CryptoKey> {
  if (!privateKey.extractable) return privateKey;
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  return crypto.subtle.importKey(
    'jwk',
    { ...jwk, ext: false },
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['sign'],
  );
}
