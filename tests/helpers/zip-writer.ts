// Writes .zip files for tests (the server reads them with server/services/zip-reader.ts): UTF-8 names with the
// flag, raw name bytes without it (Windows' GBK), stored or deflated entries, and hostile shapes.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipItem {
  /** A string is written as UTF-8 with the UTF-8 flag; bytes are written as they are, without it. */
  name: string | Buffer;
  data: Buffer;
  deflate?: boolean;
}

export function writeZip(items: Iterable<ZipItem>): Buffer {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const item of items) {
    const raw = typeof item.name === 'string' ? Buffer.from(item.name, 'utf8') : item.name;
    const flags = typeof item.name === 'string' ? 0x800 : 0;
    const packed = item.deflate ? deflateRawSync(item.data) : item.data;
    const head = (size: number, sig: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = head(30, 0x04034b50);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(item.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(item.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(item.data.length, 22);
    local.writeUInt16LE(raw.length, 26);
    const central = head(46, 0x02014b50);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30); // flags, method, time, crc, sizes, name length: as in the local header
    central.writeUInt32LE(offset, 42);
    chunks.push(local, raw, packed);
    centrals.push(central, raw);
    offset += 30 + raw.length + packed.length;
    count += 1;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // Past 65,535 a plain (not ZIP64) writer keeps the count's low 16 bits, as a hostile zip may: only the walk counts true.
  end.writeUInt16LE(count & 0xffff, 8);
  end.writeUInt16LE(count & 0xffff, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

/**
 * A zip of `count` empty entries (what crashed the server with 600,000: adm-zip made an object of each), written
 * into one buffer: a million small buffers would keep the test's own heap busy collecting while it measures.
 */
export function emptyEntriesZip(count: number): Buffer {
  const names = Array.from({ length: count }, (_, i) => Buffer.from(`e/${i}.jpg`));
  const nameBytes = names.reduce((n, b) => n + b.length, 0);
  const dirStart = 30 * count + nameBytes;
  const out = Buffer.alloc(dirStart + 46 * count + nameBytes + 22);
  let local = 0;
  let central = dirStart;
  for (const name of names) {
    out.writeUInt32LE(0x04034b50, local);
    out.writeUInt16LE(20, local + 4);
    out.writeUInt16LE(name.length, local + 26);
    name.copy(out, local + 30);
    out.writeUInt32LE(0x02014b50, central);
    out.writeUInt16LE(20, central + 4);
    out.writeUInt16LE(20, central + 6);
    out.writeUInt16LE(name.length, central + 28);
    out.writeUInt32LE(local, central + 42);
    name.copy(out, central + 46);
    local += 30 + name.length;
    central += 46 + name.length;
  }
  out.writeUInt32LE(0x06054b50, central);
  out.writeUInt16LE(count & 0xffff, central + 8); // low 16 bits, as a plain writer keeps past 65,535
  out.writeUInt16LE(count & 0xffff, central + 10);
  out.writeUInt32LE(central - dirStart, central + 12);
  out.writeUInt32LE(dirStart, central + 16);
  return out;
}
