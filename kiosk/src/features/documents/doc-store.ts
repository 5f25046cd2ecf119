// The tablet's copies of its sitting's documents, kept by content hash in Cache Storage (survives a reload and a
// lost server), and the last manifest it was given, with the device and sitting it was given to. A copy whose hash
// is no longer in the manifest is deleted; a tablet revoked, re-paired or moved to another sitting deletes all.
import type { DocManifest } from './manifest';

const CACHE = 'quorum-documents';
const MANIFEST_KEY = 'quorum.documents';

const keyOf = (sha256: string) => `/kiosk-documents/${sha256}`;

/** The manifest kept on this tablet and whom it was for. */
export interface KeptManifest {
  deviceId: number;
  sittingId: number;
  manifest: DocManifest;
}

export function keptManifest(): KeptManifest | null {
  try {
    const raw = localStorage.getItem(MANIFEST_KEY);
    return raw ? (JSON.parse(raw) as KeptManifest) : null;
  } catch {
    return null;
  }
}

export function keepManifest(kept: KeptManifest): void {
  localStorage.setItem(MANIFEST_KEY, JSON.stringify(kept));
}

/** Hashes of the copies held now. */
export async function heldHashes(): Promise<Set<string>> {
  const cache = await caches.open(CACHE);
  const keys = await cache.keys();
  return new Set(keys.map((r) => new URL(r.url).pathname.split('/').pop()!));
}

export async function readCopy(sha256: string): Promise<ArrayBuffer | null> {
  const cache = await caches.open(CACHE);
  const res = await cache.match(keyOf(sha256));
  return res ? res.arrayBuffer() : null;
}

export async function keepCopy(sha256: string, bytes: ArrayBuffer): Promise<void> {
  const cache = await caches.open(CACHE);
  await cache.put(keyOf(sha256), new Response(bytes, { headers: { 'content-type': 'application/pdf' } }));
}

/** Deletes every copy whose hash is not in `keep`. */
export async function dropCopiesExcept(keep: ReadonlySet<string>): Promise<void> {
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    if (!keep.has(new URL(request.url).pathname.split('/').pop()!)) await cache.delete(request);
  }
}

/** Unpaired, revoked or re-paired: no document of the old pairing stays on the tablet. */
export async function forgetAllDocuments(): Promise<void> {
  localStorage.removeItem(MANIFEST_KEY);
  await caches.delete(CACHE).catch(() => undefined);
}
