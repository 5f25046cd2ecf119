// A .zip read from its central directory with bounds, one entry at a time, from a file (or a buffer in tests).
// Written here rather than taken from adm-zip, which parsed the whole directory into objects before any check (a
// 60 MB zip of 600,000 empty entries ran the server out of heap) and decoded names before we saw their bytes
// (Windows' GBK names of one length became one garbage name: "Duplicate entry name"). yauzl would do, but what we
// need is 30 lines of the format plus the bounds, and the bounds are the point.
import type { FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { AppError } from '../../shared/errors';

/** Where a zip's bytes are: read by offset, never whole. */
export interface ZipBytes {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export function bufferBytes(buf: Buffer): ZipBytes {
  return { size: buf.length, read: async (o, n) => buf.subarray(o, Math.min(buf.length, o + n)), close: async () => undefined };
}

export function fileBytes(fh: FileHandle, size: number): ZipBytes {
  let closing: Promise<void> | null = null;
  return {
    size,
    read: async (offset, length) => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
      return buf.subarray(0, bytesRead);
    },
    close: () => (closing ??= fh.close()),
  };
}

export interface ZipEntry {
  /** The name's bytes as stored: decoding them is the caller's (UTF-8 flag or GBK). */
  rawName: Buffer;
  utf8: boolean;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  /** Entries of any kind, folders included. */
  entries: number;
  /** Bytes of one entry's name. */
  nameBytes: number;
  /** What the zip is, for messages: e.g. { zh: '照片压缩包', en: 'photo .zip' }. */
  label: { zh: string; en: string };
}

const unreadable = ({ label }: ZipLimits) => new AppError('ERR_VALIDATION', `${label.zh}无法读取 / The ${label.en} cannot be read`);
const tooMany = ({ label, entries }: ZipLimits) =>
  new AppError('ERR_PAYLOAD_TOO_LARGE', `${label.zh}中的文件过多（最多 ${entries} 个） / The ${label.en} holds too many entries (at most ${entries})`);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CENTRAL_FIXED = 46;

/** Finds the end-of-directory record in the last 64 KB + 22 bytes (the comment may be up to 65,535 bytes). */
async function endRecord(zip: ZipBytes, limits: ZipLimits): Promise<{ count: number; dirSize: number; dirOffset: number }> {
  const tailStart = Math.max(0, zip.size - (0xffff + 22));
  const tail = await zip.read(tailStart, zip.size - tailStart);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const count = tail.readUInt16LE(i + 10);
    const dirSize = tail.readUInt32LE(i + 12);
    const dirOffset = tail.readUInt32LE(i + 16);
    // ZIP64 marks (0xFFFF entries, 0xFFFFFFFF offsets) mean more than any upload we accept holds.
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) return { count: Infinity, dirSize, dirOffset };
    return { count, dirSize, dirOffset };
  }
  throw unreadable(limits);
}

/**
 * The zip's entries from its central directory, refused before it is read when its record claims more entries
 * or a larger directory than the limits allow, and while walking it when it holds more than it claimed.
 */
export async function readDirectory(zip: ZipBytes, limits: ZipLimits): Promise<ZipEntry[]> {
  const end = await endRecord(zip, limits);
  if (end.count > limits.entries) throw tooMany(limits);
  // An entry's extra field and comment are a few dozen bytes from any real tool: 1 KB each is generous.
  const maxDir = limits.entries * (CENTRAL_FIXED + limits.nameBytes + 1024);
  if (end.dirSize > maxDir) throw tooMany(limits);
  if (end.dirOffset + end.dirSize > zip.size) throw unreadable(limits);
  const dir = await zip.read(end.dirOffset, end.dirSize);
  const entries: ZipEntry[] = [];
  for (let p = 0; p + CENTRAL_FIXED <= dir.length && dir.readUInt32LE(p) === CENTRAL; ) {
    if (entries.length >= limits.entries) throw tooMany(limits);
    const flags = dir.readUInt16LE(p + 8);
    const nameLength = dir.readUInt16LE(p + 28);
    const next = p + CENTRAL_FIXED + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    if (nameLength > limits.nameBytes) {
      throw new AppError('ERR_VALIDATION', `${limits.label.zh}中的文件名过长（最多 ${limits.nameBytes} 字节） / A name in the ${limits.label.en} is too long`);
    }
    if (next > dir.length) throw unreadable(limits);
    entries.push({
      rawName: Buffer.from(dir.subarray(p + CENTRAL_FIXED, p + CENTRAL_FIXED + nameLength)),
      utf8: (flags & 0x800) !== 0,
      encrypted: (flags & 1) !== 0,
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      localOffset: dir.readUInt32LE(p + 42),
    });
    p = next;
  }
  return entries;
}

const inflate = promisify(inflateRaw);

/**
 * One entry's bytes, never more than its declared size: an empty buffer when it lies, is encrypted or broken (the
 * row then reports an unreadable photo). Inflated on libuv's thread pool, so the event loop keeps answering.
 */
export async function readEntry(zip: ZipBytes, e: ZipEntry): Promise<Buffer> {
  try {
    if (e.encrypted) return Buffer.alloc(0);
    const local = await zip.read(e.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) return Buffer.alloc(0);
    const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const packed = await zip.read(start, e.compressedSize);
    if (packed.length !== e.compressedSize) return Buffer.alloc(0);
    if (e.method === 0) return packed.length === e.size ? packed : Buffer.alloc(0);
    if (e.method !== 8) return Buffer.alloc(0);
    const out = await inflate(packed, { maxOutputLength: Math.max(1, e.size) });
    return out.length === e.size ? out : Buffer.alloc(0);
  } catch {
    return Buffer.alloc(0); // larger than declared, or not deflate
  }
}
