// The tablet's key pair, kept in IndexedDB as CryptoKey objects. The private key is made non-extractable: the
// browser signs with it but never hands out its bytes, so copying the tablet's storage (localStorage, the
// IndexedDB files) to another machine gives nothing that signs. Script in the page could use it: the server's
// Content-Security-Policy (server/plugins/security-headers.ts) keeps foreign script out of the page.
import { generateDeviceKey } from '../../../shared/device-proof';

const DB = 'quorum-device';
const STORE = 'keys';
const ID = 'device';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const req = act(db.transaction(STORE, mode).objectStore(STORE));
        req.onsuccess = () => (db.close(), resolve(req.result));
        req.onerror = () => (db.close(), reject(req.error));
      }),
  );
}

/** The stored key pair, or a new one stored now. */
export async function loadOrMakeKey(): Promise<CryptoKeyPair> {
  const stored = await run<CryptoKeyPair | undefined>('readonly', (s) => s.get(ID) as IDBRequest<CryptoKeyPair | undefined>);
  if (stored?.privateKey && stored.publicKey) return stored;
  const made = await generateDeviceKey();
  await run('readwrite', (s) => s.put(made, ID));
  return made;
}

/** Forgets the key (unpaired or revoked): the next pairing makes a new one, with a new code. */
export const forgetKey = (): Promise<unknown> => run('readwrite', (s) => s.delete(ID));
