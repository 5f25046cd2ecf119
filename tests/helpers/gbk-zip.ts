// A .zip as Windows' built-in "send to compressed folder" makes it on a Chinese system: file names in GBK and no
// UTF-8 flag (general purpose bit 11). Entries are stored (no compression); enough for the import to read.
import { photo } from './faces';
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

const PEOPLE = ['hu_jintao', 'wen_jiabao', 'jiang_zemin', 'jackie_chan', 'roh_moo_hyun', 'junichiro_koizumi', 'li_zhaoxing', 'yoriko_kawaguchi', 'michael_chang', 'tang_jiaxuan'];
const NAMES = ['吴丽华', '王建国', '李秀英', '张志强', '刘海燕', '陈国栋', '杨春梅', '赵德明', '黄晓东', '周玉兰'];

/**
 * Issue 23's roll: ten deputies whose photo cells name 吴丽华1.jpg;吴丽华2.jpg …, one more photo for the first, in a
 * Windows zip: 21 GBK names of one length (11 bytes each), real faces from ../shared/faces.
 */
export function windowsRoll(): { csv: Buffer; zip: Buffer } {
  const photos: Record<string, Buffer> = {};
  const rows = NAMES.map((name, i) => {
    const files = [1, 2, ...(i === 0 ? [3] : [])].map((n) => `${name}${n}.jpg`);
    files.forEach((f, j) => (photos[f] = photo(`${PEOPLE[i]}/${j + 1}.jpg`)));
    return `${name},W${i + 1},${files.join(';')}`;
  });
  return { csv: Buffer.from(`\uFEFF姓名,代表证号,照片\n${rows.join('\n')}\n`), zip: gbkZip(photos) };
}
