// "Is this face a picture the server already has?" by embedding, whatever small changes were made to the pixels.
// A check-in or seat frame's face, and its mirror image, is compared with the deputy's enrolled photos and with every
// frame of the deputy the server saw before, at any sitting (kept as descriptors only, erased with the deputy's
// biometrics). A copy (mirrored, brightened, side-lit, re-encoded, cropped, rotated, scaled) or a replay keeps
// nearly the same descriptor; a new picture of the person, as a live camera takes, does not.
import { ALIGNED_PX } from '../face/align';
import type { DetectedFace, FaceEngine } from '../face/engine';
import { descriptorsOfDeputy } from '../repositories/faces-repository';
import { insertSeenFaces, seenFacesOfDeputy, type SeenAt } from '../repositories/seen-faces-repository';
import type { ServiceContext } from './context';
import type { SeenFrame } from './frame-check';

/**
 * Cosine at or above which a frame's face (or its mirror image) is a copy of an enrolled photo. Measured with
 * `npx tsx tests/bench/copy-embedding.ts` (BENCHMARKS.md "Copies and replays by embedding"), 50 people of
 * ../shared/faces enrolled from 2 photos, frames from the test camera: the enrolled photo mirrored 0.955–0.992,
 * side-lit from 0.949, brightened from 0.931, rotated 8° from 0.947, cropped from 0.909, scaled to 40 % from 0.756;
 * the same people's other photos up to 0.949 (naoto_kan, East Asian), then ≤ 0.932 — but for barack_obama/3, which is
 * a shrunk copy of the enrolled 1.jpg (SOURCES.md: obama_small.jpg), 0.992. Plain, brightened and re-encoded copies
 * are the grey-patch check's as well (thumbnail-copy.ts).
 */
export const COPY_COSINE = 0.945;
/**
 * Cosine at or above which a frame's face is one seen before: frames of a check-in sent again (byte for byte 1.000,
 * brightened by 4 grey levels from 0.963, re-encoded from 0.986, mirrored from 0.961 but for one set at 0.685) against
 * a second sitting's frames of another photo of the person, up to 0.941 (informramiz_s1, photos of one session).
 */
export const REPLAY_COSINE = 0.95;

const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** The highest cosine between any probe and any reference (unit-length descriptors); -1 with none. */
export function faceLikeness(probes: readonly Float32Array[], refs: readonly Float32Array[]): number {
  let best = -1;
  for (const p of probes) for (const r of refs) if (p.length === r.length) best = Math.max(best, dot(p, r));
  return best;
}

/** The descriptor of the face's aligned crop flipped left to right (null for engines without aligned crops). */
export async function mirroredDescriptor(engine: FaceEngine, face: DetectedFace): Promise<Float32Array | null> {
  if (!face.aligned || !engine.describeRgba) return null;
  const src = face.aligned;
  const out = new Uint8ClampedArray(src.length);
  for (let y = 0; y < ALIGNED_PX; y++) {
    for (let x = 0; x < ALIGNED_PX; x++) {
      const o = (y * ALIGNED_PX + x) * 4;
      const m = (y * ALIGNED_PX + (ALIGNED_PX - 1 - x)) * 4;
      out[o] = src[m]!;
      out[o + 1] = src[m + 1]!;
      out[o + 2] = src[m + 2]!;
      out[o + 3] = src[m + 3]!;
    }
  }
  return (await engine.describeRgba(out)).descriptor;
}

/** The faces a decision compares: the frontal and back frames' (the turned face is another pose), each also mirrored. */
async function probesOf(engine: FaceEngine, frames: readonly SeenFrame[]): Promise<{ seen: Float32Array[]; probes: Float32Array[] }> {
  const seen = frames.map((f) => f.face.descriptor);
  const mirrors = await Promise.all(frames.map((f) => mirroredDescriptor(engine, f.face)));
  return { seen, probes: [...seen, ...mirrors.filter((m): m is Float32Array => m !== null)] };
}

/**
 * Whether the deputy's frontal and back frames are a copy of an enrolled photo or a replay of a face seen before, at
 * any sitting by any tablet; records them as seen either way, so they cannot be sent again. A tablet's own faces of
 * this sitting are left out: the same camera sees the same seated deputy again before each vote, the closest two
 * genuine pictures of a person ever get (not measurable here, with no video); its frames' byte and grey prints
 * (frame-prints.ts) still refuse them sent again.
 */
export async function copiedOrReplayed(
  ctx: ServiceContext,
  at: SeenAt,
  deputyId: number,
  frames: readonly SeenFrame[],
  /** false: compare only (a seat's presence frames, every few seconds, are not kept). */
  record = true,
): Promise<'thumbnail_copy' | 'replayed' | null> {
  const engine = ctx.face.frameEngine;
  if (!engine.unitLength) return null; // bounds measured on cosines of unit-length descriptors only
  const { seen, probes } = await probesOf(engine, frames);
  const enrolled = await descriptorsOfDeputy(ctx.db, deputyId, engine.model);
  const before = await seenFacesOfDeputy(ctx.db, deputyId, engine.model, at);
  if (record) await ctx.db.write((tx) => insertSeenFaces(tx, { ...at, deputyId, model: engine.model, descriptors: seen }));
  if (faceLikeness(probes, enrolled) >= COPY_COSINE) return 'thumbnail_copy';
  return faceLikeness(probes, before) >= REPLAY_COSINE ? 'replayed' : null;
}
