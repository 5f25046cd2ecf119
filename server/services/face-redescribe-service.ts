// After a change of face engine or model, every enrolled deputy is re-described by the new model without new photos:
// from the aligned crop kept beside each descriptor (enroll.ts), or, for rows enrolled before crops were kept
// (face-api descriptors), from the deputy's 120-px thumbnail, which holds the whole face (BENCHMARKS.md measures
// what that costs). Runs in the background after the server listens: the service is usable meanwhile, and a deputy
// not yet re-described simply matches nobody until done (their old descriptors are of another model).
import type { FastifyBaseLogger } from 'fastify';
import type { FaceEngine } from '../face/engine';
import { encodeAligned, thumbnailForDetection } from '../face/enroll';
import { checkPhoto } from '../face/photo-check';
import { appendAudit } from '../repositories/audit-repository';
import { replaceDescriptors, staleEnrollments, StaleRowsGone, type StaleEnrollment } from '../repositories/faces-repository';
import type { ServiceContext } from './context';
import { alignedPatch, encodePatch, greyPixels } from '../face/frame-pixels';

export interface RedescribeReport {
  deputies: number;
  fromCrops: number;
  fromThumbnails: number;
  /** Deputies left with descriptors of the old model only (no crop, and no usable face in the thumbnail): re-enroll. */
  failed: number[];
  /** Deputies whose enrollment changed while this ran (the new enrollment already has the current model). */
  skipped: number;
  seconds: number;
}

const PROGRESS_EVERY_MS = 5000;

/** Re-describes every deputy whose descriptors are of another model than the engine's. */
export async function redescribeEnrolled(ctx: ServiceContext, log: Pick<FastifyBaseLogger, 'info' | 'warn'>): Promise<RedescribeReport> {
  const engine = ctx.face.engine;
  const started = performance.now();
  const stale = await staleEnrollments(ctx.db, engine.model);
  const report: RedescribeReport = { deputies: stale.length, fromCrops: 0, fromThumbnails: 0, failed: [], skipped: 0, seconds: 0 };
  if (stale.length === 0) return report;
  if (!engine.describeCrop) {
    log.warn(`face: ${stale.length} deputies have descriptors of another model, and ${engine.model} cannot re-describe from crops: re-enroll them`);
    report.failed = stale.map((s) => s.deputyId);
    return report;
  }
  await engine.init();
  log.info(`face: re-describing ${stale.length} deputies for model ${engine.model} in the background (人脸特征更新中)`);
  let lastLog = performance.now();
  for (const [i, deputy] of stale.entries()) {
    const outcome = await redescribeOne(ctx, engine, deputy);
    if (outcome === 'crops') report.fromCrops++;
    else if (outcome === 'thumbnail') report.fromThumbnails++;
    else if (outcome === 'skipped') report.skipped++;
    else report.failed.push(deputy.deputyId);
    if (performance.now() - lastLog > PROGRESS_EVERY_MS) {
      lastLog = performance.now();
      log.info(`face: re-described ${i + 1} of ${stale.length} deputies`);
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  await ctx.db.write((tx) =>
    appendAudit(tx, { actor: 'system', action: 'face.redescribe', subject: `model:${engine.model}`, detail: { ...report } }),
  );
  const failed = report.failed.length > 0 ? `; ${report.failed.length} need new photos (deputy ids ${report.failed.join(', ')})` : '';
  log.info(
    `face: re-described ${report.fromCrops + report.fromThumbnails} of ${stale.length} deputies in ${report.seconds.toFixed(1)} s ` +
      `(${report.fromCrops} from aligned crops, ${report.fromThumbnails} from thumbnails)${failed}`,
  );
  return report;
}

type Outcome = 'crops' | 'thumbnail' | 'failed' | 'skipped';

async function redescribeOne(ctx: ServiceContext, engine: FaceEngine, deputy: StaleEnrollment): Promise<Outcome> {
  const withCrops = deputy.rows.filter((r) => r.aligned);
  const fresh: Array<Parameters<typeof replaceDescriptors>[3][number]> = [];
  let outcome: Outcome;
  if (withCrops.length > 0) {
    for (const r of withCrops) {
      fresh.push({ deputyId: deputy.deputyId, model: engine.model, descriptor: await engine.describeCrop!(r.aligned!), source: r.source ?? 'crop', score: r.score ?? 0, aligned: r.aligned, copyPatch: r.copyPatch });
    }
    outcome = 'crops';
  } else {
    // Legacy rows: one descriptor from the thumbnail, whatever the number of photos enrolled then.
    const staged = deputy.thumbnail ? await thumbnailForDetection(deputy.thumbnail) : null;
    const verdict = staged ? checkPhoto(await engine.detect(staged)) : null;
    const pixels = staged ? await greyPixels(staged) : null;
    if (!verdict?.ok || !pixels) return 'failed';
    const { face } = verdict;
    const aligned = face.aligned ? await encodeAligned(face.aligned) : null;
    const copyPatch = encodePatch(alignedPatch(pixels, face.landmarks));
    fresh.push({ deputyId: deputy.deputyId, model: engine.model, descriptor: face.descriptor, source: 'thumbnail', score: face.score, aligned, copyPatch });
    outcome = 'thumbnail';
  }
  try {
    await ctx.db.write((tx) => replaceDescriptors(tx, deputy.deputyId, deputy.rows.map((r) => r.id), fresh));
  } catch (err) {
    if (err instanceof StaleRowsGone) return 'skipped';
    throw err;
  }
  await ctx.face.refreshDeputy(deputy.bodyId, deputy.deputyId);
  return outcome;
}
