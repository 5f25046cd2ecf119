// Hostile review, point 5: a 204 KB zip of 200 MB of zeros, one photo named 5 times, or an 8000×8000 JPEG of
// 851 bytes zipped took the server from ~0.5 to 1.9–2.9 GB. Unpacked sizes are limited per photo and in total
// (checked before unpacking, and a zip that lies about them cannot unpack more), pixel sizes are read from the
// header before decoding, and each zip entry is unpacked once.
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageSize } from '../../server/face/image-size';
import { zipPhotos } from '../../server/services/photo-source';
import { bufferBytes } from '../../server/services/zip-reader';
import { makeApp, type TestApp } from '../helpers/app';
import { multipart, zipOf } from '../helpers/faces';
import { seedSitting, type Sitting } from '../helpers/fixtures';

let t: TestApp;
let s: Sitting;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 2);
});
afterAll(() => t.close());

/** A real 64×48 JPEG whose frame header then claims `width`×`height` (what the review sent: 851 bytes zipped). */
function claimedJpeg(width: number, height: number): Buffer {
  const bytes = Buffer.from(createCanvas(64, 48).encodeSync('jpeg'));
  for (let i = 2; i < bytes.length; ) {
    const marker = bytes[i + 1]!;
    if (marker === 0xc0 || marker === 0xc2) {
      bytes.writeUInt16BE(height, i + 5);
      bytes.writeUInt16BE(width, i + 7);
      return bytes;
    }
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  throw new Error('no frame header');
}

const importRoster = (photos: Buffer) => {
  const csv = Buffer.from('姓名,代表证号,照片\n炸弹,B0001,bomb.jpg\n');
  const body = multipart([
    { field: 'roster', name: 'roster.csv', bytes: csv },
    { field: 'photos', name: 'photos.zip', bytes: photos },
  ]);
  return t.app.inject({ method: 'POST', url: `/api/bodies/${s.body.id}/roster/import`, headers: { ...body.headers, cookie: t.cookie }, payload: body.payload });
};

describe('import memory', () => {
  it('refuses a zip bomb before unpacking it, and imports nothing', async () => {
    const bomb = zipOf({ 'bomb.jpg': Buffer.alloc(50 * 1024 * 1024) }); // MAX_PHOTO_BYTES is 20 MB
    expect(bomb.length).toBeLessThan(200 * 1024);
    const res = await importRoster(bomb);
    expect([res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([413, 'ERR_PAYLOAD_TOO_LARGE']);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/^照片压缩包/);
    const rows = await t.app.ctx.db.all("SELECT id FROM deputies WHERE card_no = 'B0001'");
    expect(rows).toHaveLength(0);
  });

  it('a zip that claims a small size cannot unpack more than it claims', async () => {
    const raw = zipOf({ 'liar.jpg': Buffer.alloc(50 * 1024 * 1024) });
    // Patch the declared size (local header at offset 22, central directory entry at 24) down to 1 KB.
    raw.writeUInt32LE(1024, 22);
    const cd = raw.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    raw.writeUInt32LE(1024, cd + 24);
    const bytes = await (await zipPhotos(bufferBytes(raw))).find('liar.jpg')!.read();
    expect(bytes!.length).toBeLessThanOrEqual(1024);
  });

  it('finds a photo named several times as one entry, read only when asked', async () => {
    const source = await zipPhotos(bufferBytes(zipOf({ 'same.jpg': claimedJpeg(64, 48) })));
    const first = source.find('same.jpg');
    expect(first).not.toBeNull();
    for (let i = 0; i < 5; i++) expect(source.find('SAME.jpg')).toBe(first); // a row naming it twice reads it once
  });

  it('refuses an 8000×8000 photo from its header, without decoding it', async () => {
    const huge = claimedJpeg(8000, 8000);
    expect(imageSize(huge)).toEqual({ width: 8000, height: 8000 });
    const body = multipart([{ field: 'photo', name: 'huge.jpg', bytes: huge }]);
    const rssBefore = process.memoryUsage().rss;
    const res = await t.app.inject({ method: 'POST', url: `/api/deputies/${s.deputyIds[0]}/photos`, headers: { ...body.headers, cookie: t.cookie }, payload: body.payload });
    const grew = process.memoryUsage().rss - rssBefore;
    const failed = res.json<{ failed: Array<{ reason: string }> }>().failed;
    expect(failed.map((f) => f.reason)).toEqual(['too_large']);
    expect(grew).toBeLessThan(100 * 1024 * 1024);
  });
});
