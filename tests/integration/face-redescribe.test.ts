// A model change never asks for photos again: deputies enrolled with face-api (no aligned crop kept) are
// re-described by the arcface engine from their thumbnails, and deputies enrolled with arcface are re-described from
// their aligned crops by another model (here the same file fed R,G,B: another model id). Real SQLite, real models.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { getEngine } from '../../server/face/engines';
import { extractEnrollment } from '../../server/face/enroll';
import { enrollPhotos, eraseDeputyBiometrics } from '../../server/services/enrollment-service';
import { redescribeEnrolled } from '../../server/services/face-redescribe-service';
import type { BodyView, DeputyView } from '../../shared/views';
import { call, signIn } from '../helpers/app';
import { photo } from '../helpers/faces';

const quiet = { info: () => undefined, warn: () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'quorum-redescribe-'));
const dbPath = join(dir, 'quorum.db');
const ids: Record<string, number> = {};
let bodyId: number;
let starts = 0;

/** Enrolled before the change: name → photos. */
const PEOPLE: Record<string, string[]> = {
  hu: ['hu_jintao/1.jpg', 'hu_jintao/2.jpg'],
  wen: ['wen_jiabao/1.jpg'],
  powell: ['colin_powell/1.jpg'],
  zhu: ['zhu_rongji/1.jpg'],
};

async function appWith(engine: string): Promise<FastifyInstance> {
  const app = await buildApp({ dbPath, face: { engine } });
  await signIn(app, 'admin', `admin-${++starts}`, true);
  return app;
}

async function models(app: FastifyInstance): Promise<Array<{ model: string; n: number; crops: number }>> {
  return app.ctx.db.all('SELECT model, COUNT(*) AS n, COUNT(aligned) AS crops FROM face_descriptors GROUP BY model ORDER BY model');
}

const descriptorOf = async (engine: string, rel: string) => (await getEngine(engine).detect(photo(rel)))[0]!.descriptor;
const enrolledDescriptorOf = async (engine: string, rel: string) => {
  const r = await extractEnrollment(getEngine(engine), photo(rel), rel);
  if (!r.ok) throw new Error(`${rel}: ${r.message}`);
  return r.descriptor;
};

beforeAll(async () => {
  const app = await appWith('faceapi');
  bodyId = (await call<BodyView>(app, 'POST', '/api/bodies', { name: '某县人民代表大会' }, 201)).body.id;
  for (const [i, [name, photos]] of Object.entries(PEOPLE).entries()) {
    ids[name] = (await call<DeputyView>(app, 'POST', `/api/bodies/${bodyId}/deputies`, { name, cardNo: `R00${i}` }, 201)).body.id;
    const { stored } = await enrollPhotos(app.ctx, ids[name], photos.map((p) => ({ name: p, bytes: photo(p) })), 'test');
    expect(stored).toBe(photos.length);
  }
  expect(await models(app)).toEqual([{ model: 'faceapi-frnet-128', n: 5, crops: 0 }]);
  await app.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('re-description after a model change', () => {
  it('moves face-api enrollments to arcface from their thumbnails; they are then recognised, strangers not', async () => {
    const app = await appWith('arcface');
    const model = app.ctx.face.engine.model;
    // Before: the face-api rows are of another model, so nobody matches (not a wrong match).
    expect(await app.ctx.face.match(bodyId, await descriptorOf('arcface', 'hu_jintao/4.jpg'))).toMatchObject({ reason: 'empty_gallery' });
    const report = await redescribeEnrolled(app.ctx, quiet);
    expect(report).toMatchObject({ deputies: 4, fromThumbnails: 4, fromCrops: 0, failed: [], skipped: 0 });
    expect(await models(app)).toEqual([{ model, n: 4, crops: 4 }]); // one per deputy: the thumbnail is one photo
    for (const [rel, who] of [['hu_jintao/4.jpg', 'hu'], ['wen_jiabao/2.jpg', 'wen'], ['colin_powell/7.jpg', 'powell']] as const) {
      expect(await app.ctx.face.match(bodyId, await descriptorOf('arcface', rel)), rel).toMatchObject({ status: 'matched', identityId: ids[who] });
    }
    for (const rel of ['strangers/3.jpg', 'strangers/15.jpg']) {
      expect(await app.ctx.face.match(bodyId, await descriptorOf('arcface', rel)), rel).toMatchObject({ status: 'not_recognised' });
    }
    // A second start finds nothing left to do.
    expect(await redescribeEnrolled(app.ctx, quiet)).toMatchObject({ deputies: 0 });
    await app.close();
  });

  it('re-describes arcface enrollments from their aligned crops, as the new model would describe the photo', async () => {
    let app = await appWith('arcface');
    await enrollPhotos(app.ctx, ids.hu, PEOPLE.hu.map((p) => ({ name: p, bytes: photo(p) })), 'test'); // crops kept now
    await app.close();
    app = await appWith('arcface-rgb');
    const report = await redescribeEnrolled(app.ctx, quiet);
    // The three others kept the crops aligned from their thumbnails in the first re-description.
    expect(report).toMatchObject({ deputies: 4, fromCrops: 4, fromThumbnails: 0, failed: [] });
    const rows = await app.ctx.db.all<{ descriptor: Buffer; source: string }>(
      'SELECT descriptor, source FROM face_descriptors WHERE deputy_id = ? ORDER BY id',
      [ids.hu],
    );
    expect(rows.map((r) => r.source)).toEqual(PEOPLE.hu);
    for (const [i, r] of rows.entries()) {
      const stored = new Float32Array(new Uint8Array(r.descriptor).buffer);
      const direct = await enrolledDescriptorOf('arcface-rgb', PEOPLE.hu[i]!); // the photo as enrollment describes it
      const cos = stored.reduce((s, v, j) => s + v * direct[j]!, 0);
      expect(cos, PEOPLE.hu[i]).toBeGreaterThan(0.998); // the crop is a JPEG (95): not bit-exact, as good as
    }
    await app.close();
  });

  it("erases the aligned crops with the rest of a deputy's biometrics", async () => {
    const app = await appWith('arcface-rgb');
    const crops = async () => (await app.ctx.db.get<{ n: number }>('SELECT COUNT(aligned) AS n FROM face_descriptors WHERE deputy_id = ?', [ids.hu]))!.n;
    expect(await crops()).toBe(2);
    await eraseDeputyBiometrics(app.ctx, ids.hu, 'test');
    expect(await crops()).toBe(0);
    await app.close();
  });
});
