// Issue 22 point 1: one upload crashed the server. A 60 MB zip of 600,000 empty entries: out of heap, process gone;
// 200,000 entries: RSS +2 GB and /api/health silent for 33 s; 25 "photos" of 20 MB of zeros in a 0.5 MB zip: a 10 s
// stall; three 300 MB files to a deputy's photos: +780 MB. Against the real server process: each is refused while
// /api/health, asked every 100 ms on a second connection, answers within 1 s, and the server's RSS stays bounded. A
// real import (21 photos described) keeps /api/health answering too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobView } from '../../shared/import-job';
import { JsonClient, signInClient } from '../bench/lib/http';
import { prepare, type Prepared } from '../bench/lib/prepare';
import { startServer, type ServerProcess } from '../bench/lib/server-process';
import { windowsRoll } from '../helpers/gbk-zip';
import { photo } from '../helpers/faces';
import { postStreamed, probe, zeros, type StreamPart } from '../helpers/upload-probe';
import { emptyEntriesZip, writeZip } from '../helpers/zip-writer';

let dir: string;
let prep: Prepared;
let server: ServerProcess;
let cookie: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-upload-attacks-'));
  prep = await prepare(dir, 2);
  server = await startServer(dir);
  cookie = await signInClient(new JsonClient('127.0.0.1', server.port), prep.clerk);
  // One real photo first: it waits for the face nets the server loads once after listening (a stall at start, not
  // the attacks' doing), so what is measured below is the server at work.
  const warm = await postStreamed(server.port, `/api/deputies/${prep.deputyIds[1]}/photos`, cookie, [{ field: 'photo', name: 'a.jpg', chunks: [photo('hu_jintao/1.jpg')] }]);
  expect(warm.status, warm.body).toBe(200);
}, 180_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const csv = Buffer.from('姓名,代表证号,照片\n王某,U1,a.jpg\n');

/** Posts while probing; the server must still be running afterwards. */
async function attack(label: string, path: string, parts: StreamPart[]) {
  const p = probe(server);
  const res = await postStreamed(server.port, path, cookie, parts);
  const figures = await p.stop();
  console.log(`${label}: ${res.status}, /api/health slowest ${figures.healthMaxMs} ms of ${figures.healthCount}, RSS +${figures.rssGrowthMb} MB`);
  expect(server.child.exitCode).toBeNull();
  return { res, ...figures };
}

const jobUrl = () => `/api/bodies/${prep.bodyId}/roster/import-jobs`;

describe('upload attacks on the real server', () => {
  it.each([600_000, 200_000])('refuses a zip of %i empty entries from its directory', async (count) => {
    const zip = emptyEntriesZip(count);
    const { res, healthMaxMs, rssGrowthMb } = await attack(`${count} entries (${(zip.length / 1e6).toFixed(1)} MB)`, jobUrl(), [
      { field: 'roster', name: 'r.csv', chunks: [csv] },
      { field: 'photos', name: 'p.zip', chunks: [zip] },
    ]);
    expect(res.status, res.body).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/^照片压缩包中的文件过多/);
    expect(healthMaxMs).toBeLessThan(1000);
    expect(rssGrowthMb).toBeLessThan(200);
  }, 120_000);

  it('refuses 25 "photos" of 20 MB of zeros (a 0.5 MB zip) by their ratio', async () => {
    const zero = Buffer.alloc(20 * 1024 * 1024 - 1);
    const zip = writeZip(Array.from({ length: 25 }, (_, i) => ({ name: `z${i}.jpg`, data: zero, deflate: true })));
    expect(zip.length).toBeLessThan(600 * 1024);
    const { res, healthMaxMs, rssGrowthMb } = await attack('25 × 20 MB of zeros', jobUrl(), [
      { field: 'roster', name: 'r.csv', chunks: [csv] },
      { field: 'photos', name: 'p.zip', chunks: [zip] },
    ]);
    expect(res.status, res.body).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/压缩比异常/);
    expect(healthMaxMs).toBeLessThan(1000);
    expect(rssGrowthMb).toBeLessThan(200);
  }, 120_000);

  it('refuses three 300 MB "photos" for one deputy as the first one passes 20 MB', async () => {
    const parts = [1, 2, 3].map((i) => ({ field: 'photo', name: `big${i}.jpg`, chunks: zeros(300) }));
    const { res, healthMaxMs, rssGrowthMb } = await attack('3 × 300 MB photos', `/api/deputies/${prep.deputyIds[0]}/photos`, parts);
    expect(res.status, res.body).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/^文件 big1\.jpg 超过 20 MB/);
    expect(healthMaxMs).toBeLessThan(1000);
    expect(rssGrowthMb).toBeLessThan(150);
  }, 120_000);

  it('keeps /api/health answering within 1 s while an import describes 21 photos', async () => {
    const { csv: roll, zip } = windowsRoll();
    const p = probe(server);
    const res = await postStreamed(server.port, jobUrl(), cookie, [
      { field: 'roster', name: '名册.csv', chunks: [roll] },
      { field: 'photos', name: '照片.zip', chunks: [zip] },
    ]);
    expect(res.status, res.body).toBe(202);
    const staff = new JsonClient('127.0.0.1', server.port);
    staff.defaultHeaders = { cookie };
    let job = JSON.parse(res.body) as ImportJobView;
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      job = (await staff.request<ImportJobView>('GET', `/api/import-jobs/${job.id}`)).body;
    }
    staff.close();
    const figures = await p.stop();
    console.log(`import of 21 photos: /api/health slowest ${figures.healthMaxMs} ms of ${figures.healthCount}, RSS +${figures.rssGrowthMb} MB`);
    expect(job.state, job.error ?? '').toBe('done');
    expect(job.report!.photos.photos).toBeGreaterThanOrEqual(18);
    expect(figures.healthMaxMs).toBeLessThan(1000);
  }, 300_000);
});
