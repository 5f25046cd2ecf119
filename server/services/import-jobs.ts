// Roster imports as jobs: the upload returns at once with a job the console polls (photos done / total, problems
// so far), so a clerk can leave the page and come back; describing 3,000 deputies' photos takes minutes. Jobs live
// in the server process (a restart ends a running one: its rows imported so far stay, re-import the rest).
import { AppError } from '../../shared/errors';
import type { ImportJobView } from '../../shared/import-job';
import type { Actor, ServiceContext } from './context';
import { importRosterFile, type ImportProgress } from './enrollment-service';
import type { PhotoSource } from './photo-source';
import { getBody } from './roster-service';

const jobsOf = new WeakMap<ServiceContext, Map<number, ImportJobView>>();
let nextId = 1;
function jobs(ctx: ServiceContext): Map<number, ImportJobView> {
  let m = jobsOf.get(ctx);
  if (!m) jobsOf.set(ctx, (m = new Map()));
  return m;
}

const snapshot = (p: ImportProgress) => ({
  photosDone: p.photosDone,
  photosTotal: p.photosTotal,
  created: p.rows.created,
  updated: p.rows.updated,
  rowErrors: [...p.rows.errors],
  photoFailures: [...p.failed],
});

/** Starts an import in the background; one at a time per body (a second would race the first's rows). */
export async function startImportJob(
  ctx: ServiceContext,
  bodyId: number,
  file: { fileName: string; bytes: Buffer },
  photos: PhotoSource | null,
  actor: Actor,
): Promise<ImportJobView> {
  await getBody(ctx, bodyId);
  const running = [...jobs(ctx).values()].find((j) => j.bodyId === bodyId && j.state === 'running');
  if (running) throw new AppError('ERR_CONFLICT', '该代表大会正在导入名册，请等待完成 / An import for this congress is still running');
  const job: ImportJobView = {
    id: nextId++,
    bodyId,
    fileName: file.fileName,
    state: 'running',
    startedAt: new Date().toISOString(),
    finishedAt: null,
    progress: { photosDone: 0, photosTotal: 0, created: 0, updated: 0, rowErrors: [], photoFailures: [] },
    report: null,
    error: null,
  };
  jobs(ctx).set(job.id, job);
  importRosterFile(ctx, bodyId, file, photos, actor, (p) => (job.progress = snapshot(p))).then(
    (report) => {
      Object.assign(job, { state: 'done', report, finishedAt: new Date().toISOString() });
      job.progress = { ...job.progress, created: report.created, updated: report.updated, rowErrors: report.errors, photoFailures: report.photos.failed };
    },
    (e: unknown) => {
      const message = e instanceof AppError ? e.message : '导入失败，请重试 / The import failed; try again';
      Object.assign(job, { state: 'failed', error: message, finishedAt: new Date().toISOString() });
    },
  );
  return job;
}

export function getImportJob(ctx: ServiceContext, id: number): ImportJobView {
  const job = jobs(ctx).get(id);
  if (!job) throw new AppError('ERR_NOT_FOUND', '找不到该导入任务（服务器重启后不再保留） / Import job not found');
  return job;
}

/** The body's latest import job, if any (the console shows it when the clerk comes back to the page). */
export async function latestImportJob(ctx: ServiceContext, bodyId: number): Promise<ImportJobView | null> {
  await getBody(ctx, bodyId);
  return [...jobs(ctx).values()].filter((j) => j.bodyId === bodyId).at(-1) ?? null;
}
