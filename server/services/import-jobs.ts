// Roster imports as jobs: the upload returns at once with a job the console polls (photos done / total, problems
// so far), so a clerk can leave the page and come back; describing 3,000 deputies' photos takes minutes.
//
// A job runs in the server process, and each body's latest job is also kept in the settings table (at the start,
// once its rows are in, every few seconds of photos, at the end). A restart ends a running job; what it did stays
// (the rows are written before any photo, each deputy's photos as they are described), and when the clerk comes
// back the console shows it as 'interrupted', with how far it got and what to do: import the same file again (rows
// are matched by card number and a deputy's photos replaced, so nothing is doubled).
import { AppError } from '../../shared/errors';
import type { ImportJobView } from '../../shared/import-job';
import { getSetting, setSetting } from '../repositories/settings-repository';
import type { Actor, ServiceContext } from './context';
import { importRosterFile, type ImportProgress } from './enrollment-service';
import type { PhotoSource } from './photo-source';
import { getBody } from './roster-service';

/** How often a running job's progress is written down (what a restart can lose of the progress shown, not of the data). */
const SAVE_EVERY_MS = 2000;
const NEXT_ID = 'import-jobs.next-id';
const latestKey = (bodyId: number) => `import-jobs.latest.${bodyId}`;

const jobsOf = new WeakMap<ServiceContext, Map<number, ImportJobView>>();
function jobs(ctx: ServiceContext): Map<number, ImportJobView> {
  let m = jobsOf.get(ctx);
  if (!m) jobsOf.set(ctx, (m = new Map()));
  return m;
}
/** Bodies with a job starting or running in this process (set before the first await, so two uploads cannot both start). */
const busyOf = new WeakMap<ServiceContext, Set<number>>();
function busy(ctx: ServiceContext): Set<number> {
  let s = busyOf.get(ctx);
  if (!s) busyOf.set(ctx, (s = new Set()));
  return s;
}

const snapshot = (p: ImportProgress) => ({
  photosDone: p.photosDone,
  photosTotal: p.photosTotal,
  created: p.rows.created,
  updated: p.rows.updated,
  rowErrors: [...p.rows.errors],
  photoFailures: [...p.failed],
});

/** Writes the job down as the body's latest. */
function save(ctx: ServiceContext, job: ImportJobView): Promise<void> {
  return ctx.db.write((tx) => setSetting(tx, latestKey(job.bodyId), job), { covered: false });
}

/** Starts an import in the background; one at a time per body (a second would race the first's rows). */
export async function startImportJob(
  ctx: ServiceContext,
  bodyId: number,
  file: { fileName: string; bytes: Buffer },
  photos: PhotoSource | null,
  actor: Actor,
): Promise<ImportJobView> {
  try {
    await getBody(ctx, bodyId);
    if (busy(ctx).has(bodyId)) throw new AppError('ERR_CONFLICT', '该代表大会正在导入名册，请等待完成 / An import for this congress is still running');
  } catch (e) {
    await photos?.close();
    throw e;
  }
  busy(ctx).add(bodyId);
  const job: ImportJobView = {
    id: 0,
    bodyId,
    fileName: file.fileName,
    state: 'running',
    startedAt: new Date().toISOString(),
    finishedAt: null,
    progress: { photosDone: 0, photosTotal: 0, created: 0, updated: 0, rowErrors: [], photoFailures: [] },
    report: null,
    error: null,
  };
  try {
    // Ids count on across restarts (NEXT_ID), so a job written down before one is never confused with a new one.
    job.id = await ctx.db.write(async (tx) => {
      const id = (await getSetting<number>(tx, NEXT_ID)) ?? 1;
      await setSetting(tx, NEXT_ID, id + 1);
      await setSetting(tx, latestKey(bodyId), { ...job, id });
      return id;
    }, { covered: false });
  } catch (e) {
    busy(ctx).delete(bodyId);
    await photos?.close();
    throw e;
  }
  jobs(ctx).set(job.id, job);
  let savedAt = 0; // the first progress (the rows are in) is written down at once
  let saving: Promise<void> = Promise.resolve();
  const onProgress = (p: ImportProgress) => {
    job.progress = snapshot(p);
    if (Date.now() - savedAt < SAVE_EVERY_MS) return;
    savedAt = Date.now();
    saving = saving.then(() => save(ctx, { ...job })).catch(() => undefined);
  };
  void importRosterFile(ctx, bodyId, file, photos, actor, onProgress)
    .then(
      (report) => {
        Object.assign(job, { state: 'done', report, finishedAt: new Date().toISOString() });
        job.progress = { ...job.progress, created: report.created, updated: report.updated, rowErrors: report.errors, photoFailures: report.photos.failed };
      },
      (e: unknown) => {
        const message = e instanceof AppError ? e.message : '导入失败，请重试 / The import failed; try again';
        Object.assign(job, { state: 'failed', error: message, finishedAt: new Date().toISOString() });
      },
    )
    .then(() => saving)
    .then(() => save(ctx, job))
    .catch(() => undefined) // the database closed under it (shutting down): the job reads as interrupted next time
    .finally(() => {
      busy(ctx).delete(bodyId);
      void photos?.close(); // the upload's temporary file goes with it
    });
  return job;
}

export function getImportJob(ctx: ServiceContext, id: number): ImportJobView {
  const job = jobs(ctx).get(id);
  if (!job) throw new AppError('ERR_NOT_FOUND', '找不到该导入任务（服务器重启后请重新打开名册页面查看） / Import job not found');
  return job;
}

/** What the clerk is told about a job the server stopped running (it restarted): how far it got, and what to do. */
function interrupted(job: ImportJobView): ImportJobView {
  const p = job.progress;
  const rows = p.created + p.updated;
  return {
    ...job,
    state: 'interrupted',
    error:
      // Progress is written down every few seconds: the photos done are at least what was written. No " / " in the
      // Chinese half: the console splits the message there.
      `服务器在导入「${job.fileName}」时重启，导入没有完成：已导入的 ${rows} 行代表和已处理的照片（至少 ${p.photosDone} 张，共 ${p.photosTotal} 张）均已保存。` +
      `请重新导入同一文件补全其余照片（代表按代表证号更新，不会重复）。` +
      ` / The server restarted while importing "${job.fileName}": the ${rows} rows imported and the photos done (at least ${p.photosDone} of ${p.photosTotal}) are kept. ` +
      'Import the same file again to finish (deputies are matched by card number, nothing is doubled).',
  };
}

/** The body's latest import job, if any (the console shows it when the clerk comes back to the page). */
export async function latestImportJob(ctx: ServiceContext, bodyId: number): Promise<ImportJobView | null> {
  await getBody(ctx, bodyId);
  const here = [...jobs(ctx).values()].filter((j) => j.bodyId === bodyId).at(-1);
  if (here) return here;
  const saved = await getSetting<ImportJobView>(ctx.db, latestKey(bodyId));
  if (!saved) return null;
  // Not in this process: a job written down as running was cut off by a restart.
  return saved.state === 'running' ? interrupted(saved) : saved;
}
