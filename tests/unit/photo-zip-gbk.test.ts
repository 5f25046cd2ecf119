// A zip made by Windows' built-in zipping (GBK names, no UTF-8 flag): its photos are found by their Chinese names.
// Issue 23 point 1: 21 photos named 吴丽华1.jpg … of one length turned into one garbage name in adm-zip before the
// GBK reading ran ("Duplicate entry name", a 500, nothing imported); the names' raw bytes are read now.
import { describe, expect, it } from 'vitest';
import { zipPhotos } from '../../server/services/photo-source';
import { bufferBytes } from '../../server/services/zip-reader';
import { gbkZip } from '../helpers/gbk-zip';
import { zipOf } from '../helpers/faces';

const open = (zip: Buffer) => zipPhotos(bufferBytes(zip));
const text = async (source: Awaited<ReturnType<typeof open>>, name: string) => (await source.find(name)?.read())?.toString();

describe('photo zip names', () => {
  it('reads GBK names written without the UTF-8 flag', async () => {
    const source = await open(gbkZip({ '代表照片/王某某.jpg': Buffer.from('one'), '李某某.JPG': Buffer.from('two') }));
    expect(await text(source, '王某某.jpg')).toBe('one');
    expect(await text(source, '代表照片/王某某.jpg')).toBe('one');
    expect(await text(source, '李某某.jpg')).toBe('two');
  });

  it('reads 21 GBK names of equal length apart', async () => {
    const names = Array.from({ length: 21 }, (_, i) => `吴丽${'华芳'[i % 2]}${String(i).padStart(2, '0')}.jpg`);
    const source = await open(gbkZip(Object.fromEntries(names.map((n) => [n, Buffer.from(n)]))));
    for (const n of names) expect(await text(source, n)).toBe(n);
  });

  it('still reads UTF-8 names (flagged, as macOS and most tools write them)', async () => {
    expect(await text(await open(zipOf({ '照片/张某某.jpg': Buffer.from('three') })), '张某某.jpg')).toBe('three');
  });
});
