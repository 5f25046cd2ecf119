// An import cut off by a restart, for real: a server on a file starts a roster import of 8 deputies with a photo
// each (real photos, the real face engine), and is closed, as a restart would, once a photo is done and more are
// left. What it leaves on disk is what a clerk finds when the server comes back.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { ImportJobView } from '../../shared/import-job';
import type { BodyView } from '../../shared/views';
import { call, signIn } from './app';
import { multipart, photo, zipOf } from './faces';

const PEOPLE = ['hu_jintao', 'jackie_chan', 'jiang_zemin'];
export const CUT_ROWS = Array.from({ length: 8 }, (_, i) => ({ name: `代表${i + 1}`, cardNo: `R${i + 1}`, photo: `${i + 1}.jpg` }));
export const CUT_FILE = 'roster-2026.csv';

/** The upload: the roster CSV and its photo zip. */
export const cutUpload = () =>
  multipart([
    { field: 'roster', name: CUT_FILE, bytes: Buffer.from(`\uFEFF姓名,代表证号,照片\n${CUT_ROWS.map((r) => `${r.name},${r.cardNo},${r.photo}`).join('\n')}\n`) },
    { field: 'photos', name: '照片.zip', bytes: zipOf(Object.fromEntries(CUT_ROWS.map((r, i) => [r.photo, photo(`${PEOPLE[i % 3]}/${i + 1}.jpg`)]))) },
  ]);

export function startImport(app: FastifyInstance, bodyId: number, cookie: string): Promise<ImportJobView> {
  const upload = cutUpload();
  return app
    .inject({ method: 'POST', url: `/api/bodies/${bodyId}/roster/import-jobs`, payload: upload.payload, headers: { ...upload.headers, cookie } })
    .then((r) => r.json<ImportJobView>());
}

export const pollImport = (app: FastifyInstance, id: number): Promise<ImportJobView> =>
  call<ImportJobView>(app, 'GET', `/api/import-jobs/${id}`, undefined, 200).then((r) => r.body);

/** Runs the import on a server on `dbPath` and stops that server mid-import; answers what the clerk needs after. */
export async function cutImport(dbPath: string): Promise<{ bodyId: number; job: ImportJobView; cookie: string }> {
  const app = await buildApp({ dbPath });
  try {
    const cookie = await signIn(app, 'admin', 'admin-before', true);
    const { body } = await call<BodyView>(app, 'POST', '/api/bodies', { name: '某县第十七届人民代表大会' }, 201);
    const started = await startImport(app, body.id, cookie);
    let job = started;
    while (job.state === 'running' && job.progress.photosDone === 0) job = await new Promise((r) => setTimeout(r, 20)).then(() => pollImport(app, started.id));
    if (job.state !== 'running' || job.progress.photosDone >= CUT_ROWS.length) throw new Error(`the import was not cut mid-way: ${JSON.stringify(job.progress)}`);
    return { bodyId: body.id, job, cookie };
  } finally {
    await app.close();
  }
}
