// A small reader of SQLite's file format (https://www.sqlite.org/fileformat2.html), for tests that attack the
// physical layout the way someone holding the file would: pages, b-tree page headers, cell pointer arrays, cell
// offsets, records, the freelist, and WAL frames. Reads bytes only; never opens the file through SQLite (a
// connection could checkpoint or delete the WAL we want to read).
import { existsSync, readFileSync } from 'node:fs';

export type Value = number | string | Buffer | null;

/** One cell of a b-tree page: where it sits and the record it holds (table b-trees: rowid first). */
export interface Cell {
  page: number;
  /** Byte offset of the cell inside its page: SQLite fills a page's content area from the end downwards. */
  offset: number;
  /** Leaf cells hold the rows; interior cells of index b-trees (WITHOUT ROWID tables) hold copies of some. */
  leaf: boolean;
  values: Value[];
}

function varint(buf: Buffer, at: number): [value: number, next: number] {
  let v = 0;
  for (let i = 0; i < 8; i++) {
    const b = buf[at + i]!;
    v = v * 128 + (b & 0x7f);
    if (b < 0x80) return [v, at + i + 1];
  }
  return [v * 256 + buf[at + 8]!, at + 9];
}

function intOf(buf: Buffer, at: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + buf[at + i]!;
  const max = 2 ** (8 * n);
  return n > 0 && buf[at]! >= 0x80 ? v - max : v;
}

/** Decodes a record (header of serial types, then the values). */
export function parseRecord(p: Buffer): Value[] {
  const [headerSize, first] = varint(p, 0);
  const types: number[] = [];
  for (let at = first; at < headerSize; ) {
    const [t, next] = varint(p, at);
    types.push(t);
    at = next;
  }
  const sizes = [0, 1, 2, 3, 4, 6, 8, 8, 0, 0];
  let at = headerSize;
  return types.map((t) => {
    if (t === 0) return null;
    if (t === 8 || t === 9) return t - 8;
    if (t === 7) return (at += 8, p.readDoubleBE(at - 8));
    if (t < 7) return (at += sizes[t]!, intOf(p, at - sizes[t]!, sizes[t]!));
    const n = t >= 13 ? (t - 13) / 2 : (t - 12) / 2;
    const bytes = p.subarray(at, (at += n));
    return t >= 13 ? bytes.toString('utf8') : Buffer.from(bytes);
  });
}

export class SqliteImage {
  readonly pageSize: number;
  readonly pageCount: number;

  constructor(readonly bytes: Buffer) {
    const raw = bytes.readUInt16BE(16);
    this.pageSize = raw === 1 ? 65536 : raw;
    this.pageCount = Math.floor(bytes.length / this.pageSize);
  }

  static read(path: string): SqliteImage {
    return new SqliteImage(readFileSync(path));
  }

  page(n: number): Buffer {
    return this.bytes.subarray((n - 1) * this.pageSize, n * this.pageSize);
  }

  /** Pages on the freelist (trunk pages and the leaf pages they list). */
  freePages(): { trunks: number[]; leaves: number[] } {
    const trunks: number[] = [];
    const leaves: number[] = [];
    for (let t = this.bytes.readUInt32BE(32); t !== 0 && trunks.length < this.pageCount; ) {
      trunks.push(t);
      const p = this.page(t);
      const n = p.readUInt32BE(4);
      for (let i = 0; i < n; i++) leaves.push(p.readUInt32BE(8 + 4 * i));
      t = p.readUInt32BE(0);
    }
    return { trunks, leaves };
  }

  /** Table name → root page, read from sqlite_master (page 1) as the file holds it. */
  roots(): Map<string, number> {
    const out = new Map<string, number>();
    for (const c of this.cells(1)) if (c.values[1] === 'table' || c.values[1] === 'index') out.set(String(c.values[2]), Number(c.values[4]));
    return out;
  }

  /** Every cell of the b-tree rooted at `root`, interior cells that carry records included. */
  cells(root: number): Cell[] {
    const out: Cell[] = [];
    const seen = new Set<number>();
    const walk = (n: number) => {
      if (seen.has(n) || n < 1 || n > this.pageCount) return;
      seen.add(n);
      const page = this.page(n);
      const info = cellsOfPage(page, n, this.pageSize, (o) => this.page(o));
      out.push(...info.cells);
      for (const child of info.children) walk(child);
    };
    walk(root);
    return out;
  }
}

/** Parses one b-tree page image; `overflow` reads the overflow pages a large payload continues on. */
export function cellsOfPage(page: Buffer, n: number, pageSize: number, overflow?: (n: number) => Buffer): { type: number; cells: Cell[]; children: number[] } {
  const hdr = n === 1 ? 100 : 0;
  const type = page[hdr]!;
  if (![2, 5, 10, 13].includes(type)) return { type, cells: [], children: [] };
  const interior = type === 2 || type === 5;
  const count = page.readUInt16BE(hdr + 3);
  const ptrs = hdr + (interior ? 12 : 8);
  const children = interior ? [page.readUInt32BE(hdr + 8)] : [];
  const cells: Cell[] = [];
  for (let i = 0; i < count; i++) {
    const offset = page.readUInt16BE(ptrs + 2 * i);
    if (offset < ptrs || offset >= pageSize) continue;
    let at = offset;
    if (interior) {
      children.push(page.readUInt32BE(at));
      at += 4;
    }
    if (type === 5) continue; // interior table cell: child and rowid only
    const [size, afterSize] = varint(page, at);
    at = afterSize;
    let rowid: number | null = null;
    if (type === 13) [rowid, at] = varint(page, at);
    const payload = readPayload(page, at, size, type, pageSize, overflow);
    try {
      const values = parseRecord(payload);
      cells.push({ page: n, offset, leaf: !interior, values: rowid === null ? values : [rowid, ...values] });
    } catch {
      // a torn or partial record: skip it
    }
  }
  return { type, cells, children };
}

function readPayload(page: Buffer, at: number, size: number, type: number, u: number, overflow?: (n: number) => Buffer): Buffer {
  const max = type === 13 ? u - 35 : Math.floor(((u - 12) * 64) / 255) - 23;
  if (size <= max) return page.subarray(at, at + size);
  const min = Math.floor(((u - 12) * 32) / 255) - 23;
  const k = min + ((size - min) % (u - 4));
  const local = k <= max ? k : min;
  const parts = [page.subarray(at, at + local)];
  let next = page.readUInt32BE(at + local);
  let left = size - local;
  while (next !== 0 && left > 0 && overflow) {
    const o = overflow(next);
    parts.push(o.subarray(4, 4 + Math.min(left, u - 4)));
    left -= u - 4;
    next = o.readUInt32BE(0);
  }
  return Buffer.concat(parts);
}

/** One WAL frame: the page it holds, whether it ends a commit, and which generation (salt) it belongs to. */
export interface WalFrame {
  index: number;
  page: number;
  commit: boolean;
  /** Frames of the current WAL generation carry the header's salt; older ones are left-overs from before a reset. */
  current: boolean;
  image: Buffer;
}

export function readWal(path: string): { pageSize: number; frames: WalFrame[] } {
  if (!existsSync(path)) return { pageSize: 0, frames: [] };
  const wal = readFileSync(path);
  if (wal.length < 32) return { pageSize: 0, frames: [] };
  const pageSize = wal.readUInt32BE(8);
  const salt = wal.subarray(16, 24);
  const frames: WalFrame[] = [];
  for (let at = 32, i = 0; at + 24 + pageSize <= wal.length; at += 24 + pageSize, i++) {
    frames.push({
      index: i,
      page: wal.readUInt32BE(at),
      commit: wal.readUInt32BE(at + 4) !== 0,
      current: wal.subarray(at + 8, at + 16).equals(salt),
      image: wal.subarray(at + 24, at + 24 + pageSize),
    });
  }
  return { pageSize, frames };
}
