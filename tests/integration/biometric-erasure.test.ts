// Erasure really erases: after a deputy's biometric data is erased, none of their descriptor or thumbnail bytes is
// left anywhere in the database file (freed cells, free pages, overflow pages) or in its WAL. The review found the
// descriptor 3 times in the file and once in the WAL, and every piece of the thumbnail, before secure_delete.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDescriptor, setThumbnail } from '../../server/repositories/faces-repository';
import { call, makeApp, type TestApp } from '../helpers/app';
import { seedSitting, type Sitting } from '../helpers/fixtures';

let t: TestApp;
let s: Sitting;
const descriptors = new Map<number, Float32Array[]>();
const thumbnails = new Map<number, Buffer>();

const unit = () => {
  const v = Float32Array.from({ length: 128 }, () => Math.random() - 0.5);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

/** Pieces of `secret` (32 bytes each) found in the file and in its WAL. */
function piecesFound(secret: Buffer): number {
  const files = [t.dbPath, `${t.dbPath}-wal`].filter(existsSync).map((p) => readFileSync(p));
  let found = 0;
  for (let at = 0; at + 32 <= secret.length; at += 32) {
    const piece = secret.subarray(at, at + 32);
    if (files.some((f) => f.includes(piece))) found++;
  }
  return found;
}

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 12);
  const { model } = t.app.ctx.face.config();
  // Three photos' descriptors and a thumbnail (larger than a page: it spills to overflow pages) for each deputy,
  // enrolled one after another as an import does, so their rows share pages.
  for (const deputyId of s.deputyIds) {
    const mine = [unit(), unit(), unit()];
    const thumb = randomBytes(6000);
    descriptors.set(deputyId, mine);
    thumbnails.set(deputyId, thumb);
    await t.app.ctx.db.write(async (tx) => {
      for (const descriptor of mine) await insertDescriptor(tx, { deputyId, model, descriptor, source: 'photo', score: 0.9 });
      await setThumbnail(tx, deputyId, thumb);
    });
  }
  // Enrolled long before the erasure: part of it is already in the main file, part still in the WAL.
  await t.app.ctx.db.runBetweenBatches('PRAGMA wal_checkpoint(PASSIVE)');
  await t.app.ctx.db.write(async (tx) => setThumbnail(tx, s.deputyIds[0]!, thumbnails.get(s.deputyIds[0]!)!));
});
afterAll(() => t.close());

describe('erasing a deputy’s biometric data', () => {
  it('leaves none of their descriptor or thumbnail bytes in the file or the WAL, and the others’ intact', async () => {
    const target = s.deputyIds[4]!;
    const bytesOf = (d: Float32Array) => Buffer.from(d.buffer, d.byteOffset, d.byteLength);
    expect(descriptors.get(target)!.map((d) => piecesFound(bytesOf(d)))).toEqual([16, 16, 16]);
    expect(piecesFound(thumbnails.get(target)!)).toBeGreaterThan(180); // of 187: a few straddle a page boundary
    const { body } = await call<{ descriptors: number; walTruncated: boolean }>(t.app, 'DELETE', `/api/deputies/${target}/biometrics`, undefined, 200);
    expect(body).toMatchObject({ descriptors: 3, walTruncated: true });
    expect(descriptors.get(target)!.map((d) => piecesFound(bytesOf(d)))).toEqual([0, 0, 0]);
    expect(piecesFound(thumbnails.get(target)!)).toBe(0);
    // The neighbours' rows, in the same pages, are all still there.
    const other = s.deputyIds[5]!;
    expect(descriptors.get(other)!.map((d) => piecesFound(bytesOf(d)))).toEqual([16, 16, 16]);
    expect(piecesFound(thumbnails.get(other)!)).toBeGreaterThan(180);
  });
});
