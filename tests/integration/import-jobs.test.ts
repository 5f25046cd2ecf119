// Roster import as a job: answered at once, polled for photos done / total and problems so far; one job per body at
// a time; the finished job carries the same report as the synchronous import, with 未提供照片 rows listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyView } from '../../shared/views';
import type { ImportJobView } from '../../shared/import-job';
import { call, makeApp, type TestApp } from '../helpers/app';
import { multipart, photo } from '../helpers/faces';
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
