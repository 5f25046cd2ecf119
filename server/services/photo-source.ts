// Where enrollment photos come from: a .zip the clerk uploads, or a folder on the server (the demo, scripts).
// Names are matched without folder and case, so "照片/王某某.JPG" is found as "王某某.jpg".
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { AppError } from '../../shared/errors';
import { readDirectory, readEntry, type ZipBytes, type ZipEntry } from './zip-reader';

/** A photo found by name, read only when it is described (an import holds one row's photos at a time). */
export interface PhotoRef {
  name: string;
  read(): Promise<Buffer>;
}

export interface PhotoSource {
  /**
   * The photo of that relative path, or of that bare file name wherever it sits; null when there is none.
   * A bare name that several folders hold is ambiguous and also null (see isAmbiguous): never guess a person.
   */
  find(name: string): PhotoRef | null;
  isAmbiguous(name: string): boolean;
  /** Every photo under a folder of that name (e.g. a folder per card number), in name order. */
  folder(name: string): PhotoRef[];
  /** Lets go of the upload (its temporary file). */
  close(): Promise<void>;
}

const IMAGE = /\.(jpe?g|png|webp|bmp)$/i;
const key = (name: string) => basename(name.replace(/\\/g, '/')).normalize('NFC').toLowerCase();

function fromEntries(entries: PhotoRef[], close: () => Promise<void> = async () => undefined): PhotoSource {
  const byName = new Map<string, PhotoRef[]>();
  const byPath = new Map<string, PhotoRef>();
  for (const e of entries) {
    const path = e.name.replace(/\\/g, '/').normalize('NFC');
    const ref = { name: path, read: e.read };
    byPath.set(path.toLowerCase(), ref);
    byName.set(key(path), [...(byName.get(key(path)) ?? []), ref]);
  }
  const clean = (name: string) => name.replace(/\\/g, '/').normalize('NFC').toLowerCase();
  const bare = (name: string) => !clean(name).includes('/');
  return {
    find(name) {
      const exact = byPath.get(clean(name));
      if (exact) return exact;
      const candidates = bare(name) ? (byName.get(key(name)) ?? []) : [];
      return candidates.length === 1 ? candidates[0]! : null;
    },
    isAmbiguous(name) {
      return !byPath.has(clean(name)) && bare(name) && (byName.get(key(name))?.length ?? 0) > 1;
    },
    folder(name) {
      const prefix = `${name.normalize('NFC').toLowerCase()}/`;
      return [...byPath.entries()]
        .filter(([p]) => p.startsWith(prefix) || p.includes(`/${prefix}`))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, ref]) => ref);
    },
    close,
  };
}

/** One photo unpacked: far above any ID or phone photo, far below what a zip bomb unpacks to. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
/** Every photo unpacked together: the upload limit, which a set of JPEGs (they do not compress) already fits. */
export const MAX_PHOTOS_TOTAL_BYTES = 512 * 1024 * 1024;
/**
 * Entries in a photo zip, folders and stray files included: three photos each for 3,000 deputies (a national
 * congress) and their folders. 600,000 empty entries ran the server out of heap before this bound.
 */
export const MAX_ZIP_ENTRIES = 12_000;
/** Bytes of an entry's name (a path of folders and a Chinese file name fits in far less). */
export const MAX_NAME_BYTES = 512;
/**
 * Unpacked / packed size of a photo past RATIO_FROM bytes. JPEG, PNG and WebP barely compress (≈ 1:1); a BMP of
 * a photo deflates 2–4:1. 25 "photos" of 20 MB of zeros came in a 0.5 MB zip (≈ 1000:1) and stalled the server.
 */
export const MAX_PHOTO_RATIO = 20;
const RATIO_FROM = 256 * 1024;

const tooLarge = (what: string) =>
  new AppError('ERR_PAYLOAD_TOO_LARGE', `照片压缩包${what}解压后过大 / The photo .zip unpacks too large: ${what}`);

/** Checks an image entry's declared sizes before anything is unpacked. */
function checkSizes(photos: Array<{ e: ZipEntry; path: string }>): void {
  let total = 0;
  for (const { e, path } of photos) {
    if (e.size > MAX_PHOTO_BYTES) throw tooLarge(`中的 ${path} `);
    if (e.size > RATIO_FROM && e.size > MAX_PHOTO_RATIO * e.compressedSize) {
      throw new AppError('ERR_PAYLOAD_TOO_LARGE', `照片压缩包中的 ${path} 压缩比异常，不像照片 / ${path} in the .zip compresses like no photo does`);
    }
    total += e.size;
  }
  if (total > MAX_PHOTOS_TOTAL_BYTES) throw tooLarge('');
}

/**
 * Photos of an uploaded zip, read from the zip's central directory with bounds (entries, name bytes, each photo's
 * size and ratio, all photos' size) before anything is unpacked; each entry is inflated, when a row needs it, with
 * its declared size as a hard cap, so a directory that lies cannot unpack more. Takes `zip` over: close() closes it.
 */
export async function zipPhotos(zip: ZipBytes): Promise<PhotoSource> {
  try {
    const entries = await readDirectory(zip, { entries: MAX_ZIP_ENTRIES, nameBytes: MAX_NAME_BYTES, label: { zh: '照片压缩包', en: 'photo .zip' } });
    const photos = entries
      .map((e) => ({ e, path: entryPath(e.rawName, e.utf8) }))
      .filter(({ path }) => !path.endsWith('/') && IMAGE.test(path) && !path.startsWith('__MACOSX'));
    checkSizes(photos);
    return fromEntries(
      photos.map(({ e, path }) => ({ name: path, read: () => readEntry(zip, e) })),
      () => zip.close(),
    );
  } catch (e) {
    await zip.close();
    if (e instanceof AppError) throw e;
    throw new AppError('ERR_VALIDATION', '照片压缩包无法读取 / The photo .zip cannot be read');
  }
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
  const entries: PhotoRef[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (IMAGE.test(name)) entries.push({ name: relative(root, full), read: () => readFile(full) });
    }
  };
  walk(root);
  return fromEntries(entries);
}
