// Roster import as a job: answered at once, polled for photos done / total and problems so far; one job per body at
// a time; the finished job carries the same report as the synchronous import, with 未提供照片 rows listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyView } from '../../shared/views';
import type { ImportJobView } from '../../shared/import-job';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { DeputyView } from '../../shared/views';
import { call, makeApp, useCookie, type TestApp } from '../helpers/app';
import { multipart, photo } from '../helpers/faces';
import { CUT_FILE, CUT_ROWS, cutImport, pollImport, startImport } from '../helpers/import-restart';
import { gbkZip } from '../helpers/gbk-zip';

let t: TestApp;
let body: BodyView;
beforeAll(async () => {
  t = await makeApp();
  body = (await call<BodyView>(t.app, 'POST', '/api/bodies', { name: '某镇第八届人民代表大会' }, 201)).body;
});
afterAll(() => t.close());

const csv = Buffer.from('\uFEFF姓名,代表证号,照片\n王某某,A1,王某某.jpg\n李某某,A2,\n张某某,A3,不存在.jpg\n');

describe('import jobs', () => {
  it('answers 202 at once, then reports progress and the final report', async () => {
    const upload = multipart([
      { field: 'roster', name: '名册.csv', bytes: csv },
      { field: 'photos', name: '照片.zip', bytes: gbkZip({ '照片/王某某.jpg': photo('hu_jintao/1.jpg') }) },
    ]);
    const res = await t.app.inject({ method: 'POST', url: `/api/bodies/${body.id}/roster/import-jobs`, ...upload, headers: { ...upload.headers, cookie: t.cookie } });
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<ImportJobView>();
    expect(started.state).toBe('running');
    const again = await t.app.inject({ method: 'POST', url: `/api/bodies/${body.id}/roster/import-jobs`, ...upload, headers: { ...upload.headers, cookie: t.cookie } });
    expect(again.statusCode).toBe(409);
    let job = started;
    const seen = new Set<string>();
    for (let i = 0; i < 600 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await call<ImportJobView>(t.app, 'GET', `/api/import-jobs/${started.id}`, undefined, 200)).body;
      seen.add(`${job.progress.photosDone}/${job.progress.photosTotal}`);
    }
    expect(job.state, job.error ?? '').toBe('done');
    expect(seen.has('1/1')).toBe(true);
    expect(job.report!.photos.enrolled).toBe(1);
    expect(job.report!.photos.failed.map((f) => [f.row, f.reason])).toEqual([
      [3, 'no_photo'],
      [4, 'unknown_photo'],
    ]);
    expect((await call<{ job: ImportJobView }>(t.app, 'GET', `/api/bodies/${body.id}/import-jobs/latest`)).body.job?.id).toBe(started.id);
  }, 60_000);
});

describe('an import cut off by a restart', () => {
  it('keeps the rows and photos it did, and says so when the clerk comes back; importing again finishes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quorum-import-restart-'));
    const dbPath = join(dir, 'quorum.db');
    let app: FastifyInstance | undefined;
    try {
      const cut = await cutImport(dbPath);
      app = await buildApp({ dbPath });
      useCookie(app, cut.cookie); // sessions are stored: the clerk is still signed in after the restart
      const back = (await call<{ job: ImportJobView }>(app, 'GET', `/api/bodies/${cut.bodyId}/import-jobs/latest`, undefined, 200)).body.job!;
      expect(back).toMatchObject({ id: cut.job.id, state: 'interrupted', fileName: CUT_FILE });
      expect(back.error).toMatch(/^服务器在导入「roster-2026\.csv」时重启，导入没有完成：已导入的 8 行代表和已处理的照片（至少 \d 张，共 8 张）均已保存。请重新导入同一文件/);
      const deputies = async () => (await call<DeputyView[]>(app!, 'GET', `/api/bodies/${cut.bodyId}/deputies`, undefined, 200)).body;
      const kept = await deputies();
      expect(kept.map((d) => d.cardNo).sort()).toEqual(CUT_ROWS.map((r) => r.cardNo).sort());
      expect(kept.filter((d) => d.faces > 0).length).toBeGreaterThan(0);

      // The same file again finishes it: a new job id, nobody doubled, every deputy with a face.
      const rerun = await startImport(app, cut.bodyId, cut.cookie);
      expect(rerun.id).toBeGreaterThan(cut.job.id);
      let done = rerun;
      for (let i = 0; i < 1200 && done.state === 'running'; i++) done = await new Promise((r) => setTimeout(r, 100)).then(() => pollImport(app!, rerun.id));
      expect(done.state, done.error ?? '').toBe('done');
      expect(done.report).toMatchObject({ created: 0, updated: 8 });
      const after = await deputies();
      expect([after.length, after.filter((d) => d.faces > 0).length]).toEqual([8, 8 - done.report!.photos.failed.length]);
    } finally {
      await app?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
