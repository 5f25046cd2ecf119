// Issue 23 point 1: a roll whose photo column names 吴丽华1.jpg;吴丽华2.jpg with a zip made by Windows' built-in zipping
// (GBK names, no UTF-8 flag, 21 photos) answered 服务器内部错误 and imported nothing: adm-zip decoded the names before
// the GBK reading ran, and names of one length became one garbage name ("Duplicate entry name"). The raw name bytes
// are read now. And any failure of an import is a reported problem in Chinese, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyView } from '../../shared/views';
import type { ImportJobView } from '../../shared/import-job';
import { call, makeApp, type TestApp } from '../helpers/app';
import { multipart } from '../helpers/faces';
import { windowsRoll } from '../helpers/gbk-zip';

let t: TestApp;
let body: BodyView;
beforeAll(async () => {
  t = await makeApp();
  body = (await call<BodyView>(t.app, 'POST', '/api/bodies', { name: '某县第八届人民代表大会' }, 201)).body;
});
afterAll(() => t.close());

const post = (url: string, files: Parameters<typeof multipart>[0]) => {
  const upload = multipart(files);
  return t.app.inject({ method: 'POST', url, payload: upload.payload, headers: { ...upload.headers, cookie: t.cookie } });
};

describe('a photo zip from Windows', () => {
  it('imports a roll of 21 GBK photo names of equal length', async () => {
    const { csv, zip } = windowsRoll();
    const res = await post(`/api/bodies/${body.id}/roster/import`, [
      { field: 'roster', name: '代表名册.csv', bytes: csv },
      { field: 'photos', name: '照片.zip', bytes: zip },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ created: number; photos: { enrolled: number; photos: number; failed: Array<{ file: string; reason: string }> } }>();
    expect(report.created).toBe(10);
    // Every named photo was found in the zip; only a face check may refuse one.
    expect(report.photos.failed.filter((f) => ['unknown_photo', 'ambiguous_photo', 'unreadable'].includes(f.reason))).toEqual([]);
    expect(report.photos.photos + report.photos.failed.length).toBe(21);
    expect(report.photos.enrolled).toBeGreaterThanOrEqual(9);
  }, 180_000);

  it('answers a zip it cannot read with a Chinese 4xx, as a job too', async () => {
    const files = [
      { field: 'roster', name: '代表名册.csv', bytes: Buffer.from('姓名,代表证号\n王某,X1\n') },
      { field: 'photos', name: '照片.zip', bytes: Buffer.from('PK\u0003\u0004 this is not a zip at all') },
    ];
    for (const url of [`/api/bodies/${body.id}/roster/import`, `/api/bodies/${body.id}/roster/import-jobs`]) {
      const res = await post(url, files);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/^照片压缩包无法读取/);
    }
    expect((await call<{ job: ImportJobView | null }>(t.app, 'GET', `/api/bodies/${body.id}/import-jobs/latest`)).body.job).toBeNull();
  });
});
