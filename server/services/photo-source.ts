// Where enrollment photos come from: a .zip the clerk uploads, or a folder on the server (the demo, scripts).
// Names are matched without folder and case, so "照片/王某某.JPG" is found as "王某某.jpg".
import AdmZip from 'adm-zip';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { basename, join, relative } from 'node:path';
import { AppError } from '../../shared/errors';

export interface PhotoSource {
  /**
   * The photo of that relative path, or of that bare file name wherever it sits; null when there is none.
   * A bare name that several folders hold is ambiguous and also null (see isAmbiguous): never guess a person.
   */
  get(name: string): Buffer | null;
  isAmbiguous(name: string): boolean;
  /** Every photo under a folder of that name (e.g. a folder per card number), in name order. */
  folder(name: string): Array<{ name: string; bytes: Buffer }>;
}

const IMAGE = /\.(jpe?g|png|webp|bmp)$/i;
const key = (name: string) => basename(name.replace(/\\/g, '/')).normalize('NFC').toLowerCase();

function fromEntries(entries: Array<{ path: string; read: () => Buffer }>): PhotoSource {
  const byName = new Map<string, Array<() => Buffer>>();
  const byPath = new Map<string, () => Buffer>();
  for (const e of entries) {
    const path = e.path.replace(/\\/g, '/').normalize('NFC');
    byPath.set(path.toLowerCase(), e.read);
    byName.set(key(path), [...(byName.get(key(path)) ?? []), e.read]);
  }
  const clean = (name: string) => name.replace(/\\/g, '/').normalize('NFC').toLowerCase();
  const bare = (name: string) => !clean(name).includes('/');
  return {
    get(name) {
      const exact = byPath.get(clean(name));
      if (exact) return exact();
      const candidates = bare(name) ? (byName.get(key(name)) ?? []) : [];
      return candidates.length === 1 ? candidates[0]!() : null;
    },
    isAmbiguous(name) {
      return !byPath.has(clean(name)) && bare(name) && (byName.get(key(name))?.length ?? 0) > 1;
    },
    folder(name) {
      const prefix = `${name.normalize('NFC').toLowerCase()}/`;
      return [...byPath.entries()]
        .filter(([p]) => p.startsWith(prefix) || p.includes(`/${prefix}`))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([p, read]) => ({ name: p, bytes: read() }));
    },
  };
}

/** One photo unpacked: far above any ID or phone photo, far below what a zip bomb unpacks to. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
/** Every photo unpacked together: the upload limit, which a set of JPEGs (they do not compress) already fits. */
export const MAX_PHOTOS_TOTAL_BYTES = 512 * 1024 * 1024;

const tooLarge = (what: string) =>
  new AppError('ERR_PAYLOAD_TOO_LARGE', `照片压缩包${what}解压后过大 / The photo .zip unpacks too large: ${what}`);

/**
 * Photos of an uploaded zip. Sizes are checked from the zip's own directory before anything is unpacked (each
 * photo ≤ MAX_PHOTO_BYTES, all ≤ MAX_PHOTOS_TOTAL_BYTES), and each entry is inflated with its declared size as
 * a hard cap, so a directory that lies cannot unpack more. An entry is unpacked at most once however many rows
 * name it (a review's photo named 5 times was unpacked 5 times).
 */
export function zipPhotos(bytes: Buffer): PhotoSource {
  let zip: AdmZip;
  try {
    zip = new AdmZip(bytes);
  } catch {
    throw new AppError('ERR_VALIDATION', '照片压缩包无法读取 / The photo .zip cannot be read');
  }
  const photos = zip
    .getEntries()
    .map((e) => ({ e, path: entryPath(e.rawEntryName, e.header.flags_efs) }))
    .filter(({ e, path }) => !e.isDirectory && IMAGE.test(path) && !path.startsWith('__MACOSX'));
  let total = 0;
  for (const { e, path } of photos) {
    if (e.header.size > MAX_PHOTO_BYTES) throw tooLarge(`中的 ${path} `);
    total += e.header.size;
  }
  if (total > MAX_PHOTOS_TOTAL_BYTES) throw tooLarge('');
  return fromEntries(photos.map(({ e, path }) => ({ path, read: once(() => unpack(e)) })));
}

/** The entry's bytes, never more than its declared size; an empty buffer (unreadable photo) when it lies or is broken. */
function unpack(e: AdmZip.IZipEntry): Buffer {
  try {
    const packed = e.getCompressedData();
    if (e.header.method === 0) return packed.length === e.header.size ? packed : Buffer.alloc(0);
    if (e.header.method !== 8) return Buffer.alloc(0);
    const out = inflateRawSync(packed, { maxOutputLength: Math.max(1, e.header.size) });
    return out.length === e.header.size ? out : Buffer.alloc(0);
  } catch {
    return Buffer.alloc(0); // larger than declared, or not deflate: the row reports an unreadable photo
  }
}

function once<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [fn(), true];
    return value;
  };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GBK = new TextDecoder('gbk');

/**
 * A zip entry's name. Names flagged UTF-8 (bit 11) are UTF-8; Windows' built-in "send to compressed folder" sets no
 * flag and writes the system code page, GBK on Chinese Windows: a name without the flag that is not valid UTF-8
 * is read as GBK, so 王某某.jpg stays 王某某.jpg instead of mojibake that matches no roster row.
 */
export function entryPath(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return UTF8.decode(raw);
  } catch {
    return GBK.decode(raw);
  }
}

export function folderPhotos(root: string): PhotoSource {
  const entries: Array<{ path: string; read: () => Buffer }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (IMAGE.test(name)) entries.push({ path: relative(root, full), read: () => readFileSync(full) });
    }
  };
  walk(root);
  return fromEntries(entries);
}
