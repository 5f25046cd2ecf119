// Face enrollment: photos → descriptors (+ one small thumbnail) per deputy, through extractEnrollment, the same
// code `npm run face:eval` measures. A photo that fails is reported with its row, file and reason; the rest
// still enroll. Raw photos are never stored, only descriptors and the thumbnail.
import { AppError } from '../../shared/errors';
import { extractEnrollment, type EnrollmentResult } from '../face/enroll';
import { eraseBiometrics, eraseEnrolledFace, insertDescriptor, setThumbnail } from '../repositories/faces-repository';
import { findDeputy } from '../repositories/deputies-repository';
import { appendAudit } from '../repositories/audit-repository';
import { truncateWal } from '../db/truncate-wal';
import type { Actor, ServiceContext } from './context';
import { importRows, type ImportReport } from './roster-service';
import { readRoster } from './roster-file';
import type { PhotoRef, PhotoSource } from './photo-source';
import { forgetCopyPatch } from './thumbnail-copy';
import { copiesOfDeputyFrames } from './biometric-erasure';

export interface PhotoFailure {
  row: number;
  file: string;
  reason: string;
  message: string;
}

export interface EnrollReport {
  /** Deputies with at least one face enrolled by this import. */
  enrolled: number;
  /** Photos stored (several per deputy allowed). */
  photos: number;
  failed: PhotoFailure[];
}

export interface FileImportReport extends ImportReport {
  photos: EnrollReport;
}

/** A deputy's photos as they come (an upload streamed, a zip read entry by entry): one is held at a time. */
export type PhotoStream = AsyncIterable<{ name: string; bytes: Buffer }> | Iterable<{ name: string; bytes: Buffer }>;

/** Enrolls a deputy's photos, replacing earlier ones when at least one photo is good. */
export async function enrollPhotos(
  ctx: ServiceContext,
  deputyId: number,
  photos: PhotoStream,
  actor: Actor,
  row = 0,
): Promise<{ stored: number; failed: PhotoFailure[] }> {
  const deputy = await findDeputy(ctx.db, deputyId);
  if (!deputy) throw new AppError('ERR_NOT_FOUND', `找不到该代表 / Deputy ${deputyId} not found`);
  const engine = ctx.face.engine;
  const failed: PhotoFailure[] = [];
  const good: Array<Extract<EnrollmentResult, { ok: true }>> = [];
  for await (const photo of photos) {
    const result = await extractEnrollment(engine, photo.bytes, photo.name);
    if (result.ok) good.push(result);
    else failed.push({ row, file: photo.name, reason: result.reason, message: `${deputy.name}：${result.message}` });
  }
  if (good.length > 0) {
    await ctx.db.write(async (tx) => {
      await eraseEnrolledFace(tx, deputyId); // re-enrollment: the frame prints stay (the old frames stay refused)
      for (const g of good) {
        await insertDescriptor(tx, { deputyId, model: engine.model, descriptor: g.descriptor, source: g.fileName, score: g.score, aligned: g.aligned, copyPatch: g.copyPatch });
      }
      await setThumbnail(tx, deputyId, good[0]!.thumbnail);
      await appendAudit(tx, { actor, action: 'face.enroll', subject: `deputy:${deputyId}`, detail: { photos: good.length, model: engine.model } });
    });
    await ctx.face.refreshDeputy(deputy.bodyId, deputyId);
    forgetCopyPatch(deputyId);
  }
  return { stored: good.length, failed };
}

const splitNames = (v: unknown): string[] =>
  String(v ?? '')
    .split(/[;,,;、|]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads a row's photos one at a time, as they are described: never the whole zip, never a row's photos at once. */
async function* readEach(found: Array<{ name: string; ref: PhotoRef }>) {
  for (const { name, ref } of found) yield { name, bytes: await ref.read() };
}

/**
 * Finds a row's photos (not reading them): the names in its photo column, else <card number>.jpg or a
 * <card number>/ folder. A photo the row names twice is read once.
 */
function photosForRow(
  source: PhotoSource,
  values: Record<string, unknown>,
): { found: Array<{ name: string; ref: PhotoRef }>; missing: string[]; ambiguous: string[] } {
  const names = splitNames(values.photo);
  if (names.length > 0) {
    const found: Array<{ name: string; ref: PhotoRef }> = [];
    const missing: string[] = [];
    const ambiguous: string[] = [];
    for (const name of names) {
      const ref = source.find(name);
      if (ref) {
        if (!found.some((f) => f.ref === ref)) found.push({ name, ref });
      } else if (source.isAmbiguous(name)) ambiguous.push(name);
      else missing.push(name);
    }
    return { found, missing, ambiguous };
  }
  const card = String(values.cardNo ?? '').trim();
  if (!card) return { found: [], missing: [], ambiguous: [] };
  for (const ext of ['jpg', 'jpeg', 'png']) {
    const ref = source.find(`${card}.${ext}`);
    if (ref) return { found: [{ name: `${card}.${ext}`, ref }], missing: [], ambiguous: [] };
  }
  return { found: source.folder(card).map((ref) => ({ name: ref.name, ref })), missing: [], ambiguous: [] };
}

/** How far an import is: photos described so far of all found, and the report so far (import jobs show it). */
export interface ImportProgress {
  photosDone: number;
  photosTotal: number;
  rows: ImportReport;
  failed: PhotoFailure[];
}

/** Imports a roster file and, when photos are given, enrolls every imported row's faces. */
export async function importRosterFile(
  ctx: ServiceContext,
  bodyId: number,
  file: { fileName: string; bytes: Buffer },
  photos: PhotoSource | null,
  actor: Actor,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<FileImportReport> {
  const rows = await readRoster(file.fileName, file.bytes);
  if (rows.length === 0) throw new AppError('ERR_VALIDATION', '名册中没有数据行 / The roster has no data rows');
  const report = await importRows(ctx, bodyId, rows.map((r) => r.values), actor, rows.map((r) => r.line));
  const enroll: EnrollReport = { enrolled: 0, photos: 0, failed: [] };
  if (photos) {
    // Counted first (bytes not kept), so progress has a total: describing each photo takes the time (~0.3 s each).
    const imported = rows.filter((r) => report.deputyIds[r.line] !== undefined);
    const photosTotal = imported.reduce((n, r) => n + photosForRow(photos, r.values).found.length, 0);
    const progress = { photosDone: 0, photosTotal, rows: report, failed: enroll.failed };
    onProgress(progress);
    for (const r of imported) {
      const deputyId = report.deputyIds[r.line]!;
      const { found, missing, ambiguous } = photosForRow(photos, r.values);
      for (const name of missing) {
        enroll.failed.push({ row: r.line, file: name, reason: 'unknown_photo', message: `压缩包中找不到照片 ${name} / Photo ${name} not in the upload` });
      }
      for (const name of ambiguous) {
        enroll.failed.push({
          row: r.line,
          file: name,
          reason: 'ambiguous_photo',
          message: `压缩包中有多个文件名为 ${name} 的照片，请写明文件夹 / Several photos are named ${name}; give the folder too`,
        });
      }
      if (found.length === 0 && missing.length === 0 && ambiguous.length === 0) {
        enroll.failed.push({ row: r.line, file: '', reason: 'no_photo', message: '未提供照片 / No photo given for this row' });
      }
      if (found.length === 0) continue;
      const { stored, failed } = await enrollPhotos(ctx, deputyId, readEach(found), actor, r.line);
      enroll.failed.push(...failed);
      enroll.photos += stored;
      if (stored > 0) enroll.enrolled += 1;
      progress.photosDone += found.length;
      onProgress(progress);
    }
  }
  return { ...report, photos: enroll };
}

/**
 * 删除生物特征: erases every picture and print of the deputy, wherever kept (faces-repository eraseBiometrics), on
 * request: the enrolled face, check-in evidence and frames, refused frames and frame prints recognised as them or
 * found to be copies of their frames (biometric-erasure.ts).
 */
export async function eraseDeputyBiometrics(ctx: ServiceContext, deputyId: number, actor: Actor) {
  const deputy = await findDeputy(ctx.db, deputyId);
  if (!deputy) throw new AppError('ERR_NOT_FOUND', `找不到该代表 / Deputy ${deputyId} not found`);
  const copies = await copiesOfDeputyFrames(ctx, deputyId);
  const erased = await ctx.db.write(async (tx) => {
    const counts = await eraseBiometrics(tx, deputyId, copies);
    await appendAudit(tx, { actor, action: 'face.erase', subject: `deputy:${deputyId}`, detail: counts });
    return counts;
  });
  await ctx.face.refreshDeputy(deputy.bodyId, deputyId);
  forgetCopyPatch(deputyId);
  ctx.prints.forget(); // the erased prints leave the memory too (reloaded from the file when next needed)
  // secure_delete zeroed the bytes in the file; the WAL still holds the pages as they were until it is truncated.
  // false when a reader held it past the bound: then the next secret vote's end or a restart truncates it.
  const walTruncated = await truncateWal(ctx.db);
  return { ...erased, walTruncated };
}
