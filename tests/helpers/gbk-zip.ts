// A .zip as Windows' built-in "send to compressed folder" makes it on a Chinese system: file names in GBK and no
// UTF-8 flag (general purpose bit 11). Entries are stored (no compression); enough for the import to read.
import { writeZip } from './zip-writer';

let table: Map<string, Buffer> | null = null;
/** GBK bytes of a string (built by decoding every two-byte GBK code once; ASCII passes through). */
export function gbk(text: string): Buffer {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, Buffer.from([lead, trail]));
      }
    }
  }
  return Buffer.concat([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch, 'latin1') : table!.get(ch)!)));
}

export function gbkZip(entries: Record<string, Buffer>): Buffer {
  return writeZip(Object.entries(entries).map(([name, data]) => ({ name: gbk(name), data })));
}
