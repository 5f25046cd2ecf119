// "Is this face a copy of what was enrolled?" The matched deputy's enrollment photos and the probe frames are compared
// as eye-aligned, normalised grey patches (frame-pixels.alignedPatch) pooled to 8×8: a frame made from an enrollment
// photo, its thumbnail or its aligned crop (enlarged, pasted, re-encoded, warped into a turn, noised) gives nearly the
// photo's patch; a new picture of the same person mostly does not (expression, light and pose change it). A heuristic
// against the easy attack, not proof of presence: the head turn, the evidence frames and the supervisor are the rest.
// Each photo's patch is made at enrollment (enroll.ts, migration 0008), so a check-in detects no face but its own
// frames'. Enrollments from before keep the old way: the thumbnail staged on a camera-sized frame and detected once
// per deputy (cached, keyed by the thumbnail's bytes).
import { createHash } from 'node:crypto';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { alignedPatch, decodePatch, greyPixels, meanAbsDiff, pooledPatch } from '../face/frame-pixels';
import { copyPatchesOfDeputy, thumbnail } from '../repositories/faces-repository';
import type { FaceEngine } from '../face/engine';
import type { ServiceContext } from './context';
import type { SeenFrame } from './frame-check';

/**
 * Mean absolute difference of the patches, pooled to 8×8 (frame-pixels.pooledPatch; units of the patch's own
 * spread), under which a face is a copy. Measured with `npx tsx tests/bench/copy-bound.ts` (BENCHMARKS.md "Copies of
 * an enrollment photo"), 7 deputies each enrolled with 2 photos, nearest of the frontal and back frames: copies of a
 * thumbnail (held up, warped into a turn) 0.04–0.22, with pixel noise of σ 10 / 20 / 30 grey levels added up to
 * 0.27 / 0.25 / 0.30; the same people's other photos from 0.34, but for two near-duplicate press photos of one event
 * as an enrolled one (jackie_chan, 0.18 and 0.26). At 32×32, before pooling, noise of σ 20 lifted a copy to 0.45: a
 * hostile review checked in and got a voter token with a noised thumbnail at the bound 0.33 used then.
 */
export const COPY_BOUND = 0.32;

const legacy = new Map<number, { key: string; patch: Float32Array | null }>();

/** The patches a frame is compared with: each enrollment photo's, or for older enrollments the thumbnail's. */
async function enrolledPatches(ctx: ServiceContext, deputyId: number): Promise<Float32Array[]> {
  const stored = await copyPatchesOfDeputy(ctx.db, deputyId);
  if (stored.length > 0) return stored.map(decodePatch);
  const patch = await thumbnailPatch(ctx, deputyId);
  return patch ? [patch] : [];
}

async function thumbnailPatch(ctx: ServiceContext, deputyId: number): Promise<Float32Array | null> {
  const bytes = await thumbnail(ctx.db, deputyId);
  if (!bytes) {
    legacy.delete(deputyId); // erased: nothing of the face stays in memory either
    return null;
  }
  const key = createHash('sha256').update(bytes).digest('hex');
  const cached = legacy.get(deputyId);
  if (cached?.key === key) return cached.patch;
  const patch = await thumbnailCopyPatch(ctx.face.frameEngine, bytes);
  legacy.set(deputyId, { key, patch });
  return patch;
}

/** A thumbnail's patch: it is a tight crop, so it is staged, enlarged, on a frame like a camera's for the engine. */
export async function thumbnailCopyPatch(engine: FaceEngine, thumb: Buffer): Promise<Float32Array | null> {
  const staged = await stage(thumb);
  const [face] = (await engine.detect(staged)).sort((a, b) => b.score - a.score);
  const pixels = await greyPixels(staged);
  return face && pixels ? alignedPatch(pixels, face.landmarks) : null;
}

async function stage(thumb: Buffer): Promise<Buffer> {
  const img = await loadImage(thumb);
  const canvas = createCanvas(480, 360);
  const c = canvas.getContext('2d');
  c.fillStyle = '#808080';
  c.fillRect(0, 0, 480, 360);
  c.drawImage(img, 90, 30, 300, 300);
  return canvas.encode('png');
}

/** The smallest patch difference between any enrolled photo of the deputy and any of the frames (Infinity: none). */
export async function copyDistance(ctx: ServiceContext, deputyId: number, frames: readonly SeenFrame[]): Promise<number> {
  const enrolled = (await enrolledPatches(ctx, deputyId)).map((p) => pooledPatch(p));
  const seen = frames.map((f) => pooledPatch(alignedPatch(f.pixels, f.face.landmarks)));
  return Math.min(Infinity, ...enrolled.flatMap((e) => seen.map((s) => meanAbsDiff(e, s))));
}

export async function isThumbnailCopy(ctx: ServiceContext, deputyId: number, frames: readonly SeenFrame[]): Promise<boolean> {
  return (await copyDistance(ctx, deputyId, frames)) < COPY_BOUND;
}

/** Forgets a deputy's cached thumbnail patch (erasure, re-enrollment). */
export function forgetCopyPatch(deputyId: number): void {
  legacy.delete(deputyId);
}
