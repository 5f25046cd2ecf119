// "Is this face a pixel copy of the enrolled thumbnail?" The matched deputy's thumbnail and the probe frames are
// compared as eye-aligned, normalised grey patches (frame-pixels.alignedPatch): a frame made by enlarging or pasting
// the thumbnail gives nearly its patch; a new photo of the same person does not. Thumbnail patches are cached per
// deputy (keyed by the thumbnail's bytes, so a re-enrollment is seen).
import { createHash } from 'node:crypto';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { alignedPatch, greyPixels, meanAbsDiff } from '../face/frame-pixels';
import { thumbnail } from '../repositories/faces-repository';
import type { ServiceContext } from './context';
import type { SeenFrame } from './frame-check';

/**
 * Mean absolute difference of the normalised patches (units of the patch's own spread) under which a face is the
 * thumbnail's pixels. Measured (BENCHMARKS.md "Thumbnail copies"): frames made from a thumbnail score well under it,
 * the same person's other photos above it (0.21–0.32 against 0.59–0.84 on three deputies).
 */
export const COPY_BOUND = 0.45;

const patches = new Map<number, { key: string; patch: Float32Array | null }>();

async function thumbnailPatch(ctx: ServiceContext, deputyId: number): Promise<Float32Array | null> {
  const bytes = await thumbnail(ctx.db, deputyId);
  if (!bytes) return null;
  const key = createHash('sha256').update(bytes).digest('hex');
  const cached = patches.get(deputyId);
  if (cached?.key === key) return cached.patch;
  // The thumbnail is a tight crop: detectors find its face once it sits, enlarged, on a frame like a camera's.
  const staged = await stage(bytes);
  const [face] = (await ctx.face.engine.detect(staged)).sort((a, b) => b.score - a.score);
  const pixels = await greyPixels(staged);
  const patch = face && pixels ? alignedPatch(pixels, face.landmarks) : null;
  patches.set(deputyId, { key, patch });
  return patch;
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

/** The smallest patch difference between the deputy's thumbnail and any of the frames (Infinity: nothing to compare). */
export async function thumbnailDistance(ctx: ServiceContext, deputyId: number, frames: readonly SeenFrame[]): Promise<number> {
  const thumb = await thumbnailPatch(ctx, deputyId);
  if (!thumb) return Infinity;
  return Math.min(...frames.map((f) => meanAbsDiff(thumb, alignedPatch(f.pixels, f.face.landmarks))));
}

export async function isThumbnailCopy(ctx: ServiceContext, deputyId: number, frames: readonly SeenFrame[]): Promise<boolean> {
  return (await thumbnailDistance(ctx, deputyId, frames)) < COPY_BOUND;
}
