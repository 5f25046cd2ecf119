// The photo zip's bounds, read from its directory before anything is unpacked (issue 22 point 1).
import { describe, expect, it } from 'vitest';
import { MAX_ZIP_ENTRIES, zipPhotos } from '../../server/services/photo-source';
import { bufferBytes } from '../../server/services/zip-reader';
import { emptyEntriesZip, writeZip } from '../helpers/zip-writer';

const refusal = (zip: Buffer) => zipPhotos(bufferBytes(zip)).then(() => null, (e: { status: number; message: string }) => [e.status, e.message]);

describe('photo zip bounds', () => {
  it('takes a zip of as many entries as allowed, refuses one more, and 200,000 whatever the record claims', async () => {
    expect(await refusal(emptyEntriesZip(MAX_ZIP_ENTRIES))).toBeNull();
    for (const n of [MAX_ZIP_ENTRIES + 1, 200_000, 600_000]) expect(await refusal(emptyEntriesZip(n))).toEqual([413, expect.stringMatching(/^照片压缩包中的文件过多/)]);
  });

  it('refuses a photo that unpacks far more than photos do, and a name past 512 bytes', async () => {
    expect(await refusal(writeZip([{ name: 'z.jpg', data: Buffer.alloc(1024 * 1024), deflate: true }]))).toEqual([413, expect.stringMatching(/压缩比异常/)]);
    expect(await refusal(writeZip([{ name: `${'长'.repeat(200)}.jpg`, data: Buffer.from('x') }]))).toEqual([400, expect.stringMatching(/文件名过长/)]);
  });
});
