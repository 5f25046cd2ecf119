// The server's own look at the frames a tablet sent for a challenge: readable, small, never sent before, one face
// in each, the head turned to the challenged side and back (from the server's landmarks, shared/face/head-turn), and
// the same person throughout (descriptor agreement). What passes gives the probe descriptor to match 1:N.
import { jpegReachesEnd } from '../face/image-decode';
import { imageSize } from '../face/image-size';
import { AppError } from '../../shared/errors';
import { checkTurnFrames, RETURN_DELTA, type TurnSide } from '../../shared/face/head-turn';
import type { FaceFrames } from '../../shared/schemas/face';
import { MAX_FRAME_BYTES } from '../../shared/schemas/face';
import type { FaceRefusalReason } from '../../shared/views';
import type { DetectedFace } from '../face/engine';
import { loadImage, type Image } from '@napi-rs/canvas';
import { greyOf, type Pixels } from '../face/frame-pixels';
import type { FrameLabel } from '../repositories/face-frames-repository';
import type { ServiceContext } from './context';
import { frameSha256, printOf } from './frame-prints';

/** Longest side a frame may have: recognition needs ~100 px of face; the kiosk sends 480 px. */
export const MAX_FRAME_SIDE = 640;
/**
 * A second face this large next to the main one (share of its box area), found with this confidence, makes the
 * frame ambiguous (the engine's floor is low on purpose for enrollment and finds shadows in a collar now and then).
 */
const SECOND_FACE_SHARE = 0.4;
const SECOND_FACE_SCORE = 0.6;
/**
 * The frames of one check-in are seconds apart, so they must agree far more closely than two photos taken apart.
 * For unit-length descriptors (arcface), by cosine, measured with `npx tsx tests/bench/frame-same-person.ts` on
 * fake-camera frame sets of up to 2 photos of each of the 50 people (BENCHMARKS.md "Same person in every frame"): frontal ↔ back of
 * one person ≥ 0.936, so 0.75 leaves room for a blink or a change of light; frontal ↔ turned of one person 0.232 (once),
 * then ≥ 0.362, and one person's frontal against another's turned face ≤ 0.433, 84 of 37,640 pairs ≥ 0.35: 0.35 stops a
 * photo held up for the frontal frames with someone else's live turn between them, at one refused genuine set in 196.
 */
export const SAME_PERSON_COSINE = { back: 0.75, turned: 0.35 } as const;
/** faceapi descriptors (not unit length): the match threshold for frontal ↔ back, twice it for the turned face (measured 0.20–0.57 for turned ↔ frontal). */
const SAME_PERSON_TURNED = 2;
/** The server's landmarks come from another detector box than the kiosk's: a little slack for "back to frontal". */
const SERVER_RETURN_DELTA = RETURN_DELTA + 0.03;

export const FRAME_LABELS: readonly FrameLabel[] = ['frontal', 'turned', 'back'];

export interface SeenFrame extends ReadFrame {
  face: DetectedFace;
}

/** A refusal after the faces were found carries the frontal face's descriptor: whose picture it is (erasure). */
export type FrameSetVerdict =
  | { ok: true; frames: SeenFrame[]; probe: Float32Array; turn: number }
  | { ok: false; reason: FaceRefusalReason; frontal: Buffer; face?: Float32Array };

function decodeFrame(label: FrameLabel, base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  const isJpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isJpeg) throw new AppError('ERR_VALIDATION', `画面（${label}）须为 JPEG / Frame "${label}" must be a JPEG image`);
  if (bytes.length > MAX_FRAME_BYTES) throw new AppError('ERR_PAYLOAD_TOO_LARGE', `画面（${label}）过大 / Frame "${label}" is too large`);
  // Pixel size from the header, before decoding: a few hundred bytes can declare 8000×8000.
  const size = imageSize(bytes);
  if (!size || Math.max(size.width, size.height) > MAX_FRAME_SIDE) {
    throw new AppError('ERR_VALIDATION', `画面（${label}）须为不超过 ${MAX_FRAME_SIDE} 像素的 JPEG / Frame "${label}" must be a JPEG of at most ${MAX_FRAME_SIDE} px`);
  }
  // The decoder greys the rows of a JPEG cut short without a word: a frame must reach its end marker.
  if (!jpegReachesEnd(bytes)) throw new AppError('ERR_VALIDATION', `画面（${label}）不完整 / Frame "${label}" is cut short`);
  return bytes;
}

/** A frame decoded once: the picture for the face engine, its grey levels for the prints and the copy check. */
export interface ReadFrame {
  label: FrameLabel;
  jpeg: Buffer;
  image: Image;
  pixels: Pixels;
}

async function readFrame(label: FrameLabel, jpeg: Buffer): Promise<ReadFrame> {
  const image = await loadImage(jpeg).catch(() => null);
  if (!image?.width || !image.height) throw new AppError('ERR_VALIDATION', `画面（${label}）无法读取 / Frame "${label}" cannot be read`);
  if (Math.max(image.width, image.height) > MAX_FRAME_SIDE) {
    throw new AppError('ERR_VALIDATION', `画面（${label}）须缩小至 ${MAX_FRAME_SIDE} 像素以内 / Frame "${label}" must be at most ${MAX_FRAME_SIDE} px`);
  }
  return { label, jpeg, image, pixels: greyOf(image) };
}

/** The faces the frame engine finds in a frame. */
export function facesOf(ctx: ServiceContext, frame: Pick<ReadFrame, 'jpeg' | 'image'>): Promise<DetectedFace[]> {
  const engine = ctx.face.frameEngine;
  return engine.detectDecoded ? engine.detectDecoded(frame.image) : engine.detect(frame.jpeg);
}

/**
 * A frame sent ahead for a challenge (the frontal or turned one, while the person still turns back): checked like
 * any frame, then its faces are found at once and kept with the challenge (face-challenges.ts, stage), so the set
 * that follows finds them ready. False when the challenge cannot take it (unknown, expired, decided, full).
 */
export async function stageFrame(ctx: ServiceContext, deviceId: number, nonce: string, label: FrameLabel, base64: string): Promise<boolean> {
  if (!ctx.challenges.admits(nonce, deviceId)) return false; // before decoding anything
  const jpeg = decodeFrame(label, base64);
  const frame = await readFrame(label, jpeg);
  const key = frameSha256(jpeg);
  if (!ctx.challenges.stage(nonce, deviceId, key, () => facesOf(ctx, frame))) return false;
  await ctx.challenges.staged(nonce, key)?.catch(() => undefined); // answered once examined
  return true;
}

/** The one face of a frame, or why there is not exactly one. */
export function mainFace(faces: DetectedFace[]): DetectedFace | 'no_face' | 'several_faces' {
  const area = (f: DetectedFace) => f.box.width * f.box.height;
  const [main, ...rest] = [...faces].sort((a, b) => area(b) - area(a));
  if (!main) return 'no_face';
  return rest.some((f) => f.score >= SECOND_FACE_SCORE && area(f) >= SECOND_FACE_SHARE * area(main)) ? 'several_faces' : main;
}

export function euclidean(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}

function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * The probe matched 1:N: the mean of the frontal and back faces, rescaled to unit length for unit-length engines.
 * Unscaled, the mean of two unit vectors is shorter than 1, so distance ≤ 1.0 meant cos ≥ |p|/2 instead of 0.5: a
 * stand-in was accepted at cos 0.471 (tests/bench/frame-fusion.ts, BENCHMARKS.md "Roll size").
 */
export function meanProbe(ctx: ServiceContext, a: Float32Array, b: Float32Array): Float32Array {
  const mean = Float32Array.from(a, (v, i) => (v + b[i]!) / 2);
  if (!ctx.face.frameEngine.unitLength) return mean;
  const norm = Math.hypot(...mean);
  return norm > 0 ? mean.map((v) => v / norm) : mean;
}

/** Whether the turned and the back face are the frontal face's person (SAME_PERSON_COSINE). */
function samePerson(ctx: ServiceContext, frontal: Float32Array, turned: Float32Array, back: Float32Array): boolean {
  if (ctx.face.frameEngine.unitLength) return cosine(frontal, back) >= SAME_PERSON_COSINE.back && cosine(frontal, turned) >= SAME_PERSON_COSINE.turned;
  const bound = ctx.face.settings.threshold;
  return euclidean(frontal, back) <= bound && euclidean(frontal, turned) <= bound * SAME_PERSON_TURNED;
}

/** The frames' bytes, checked without decoding them (a 4xx for what no camera would send): before any challenge work. */
export function frameBytes(frames: FaceFrames): Array<{ label: FrameLabel; jpeg: Buffer }> {
  return FRAME_LABELS.map((label) => ({ label, jpeg: decodeFrame(label, frames[label]) }));
}

/** One frame checked and decoded (a seat's quick check or presence frame): a 4xx for what no camera would send. */
export const readOneFrame = (base64: string): Promise<ReadFrame> => readFrame('frontal', decodeFrame('frontal', base64));

/** Decodes checked frames (a 4xx for a frame the decoder cannot read). */
export async function readFrames(frames: Array<{ label: FrameLabel; jpeg: Buffer }>): Promise<ReadFrame[]> {
  const out = [];
  for (const f of frames) out.push(await readFrame(f.label, f.jpeg));
  return out;
}

export async function examineFrames(ctx: ServiceContext, sittingId: number, nonce: string, side: TurnSide, read: ReadFrame[]): Promise<FrameSetVerdict> {
  const frontal = read[0]!.jpeg;
  const refuse = (reason: FaceRefusalReason, face?: Float32Array): FrameSetVerdict => ({ ok: false, reason, frontal, face });
  const prints = read.map((f) => printOf(f.jpeg, f.pixels));
  if (await ctx.prints.seenBefore(sittingId, prints)) return refuse('replayed');
  const seen: SeenFrame[] = [];
  for (const [i, f] of read.entries()) {
    // Faces of a frame sent ahead with these very bytes; a failed examination is done again here.
    const ahead = ctx.challenges.staged<DetectedFace[]>(nonce, prints[i]!.sha256);
    const face = mainFace(await (ahead ? ahead.catch(() => facesOf(ctx, f)) : facesOf(ctx, f)));
    if (typeof face === 'string') return refuse(face);
    seen.push({ ...f, face });
  }
  const [a, t, b] = seen as [SeenFrame, SeenFrame, SeenFrame];
  const turn = checkTurnFrames(side, a.face.landmarks, t.face.landmarks, b.face.landmarks, SERVER_RETURN_DELTA);
  if (!turn.ok) return refuse('turn', a.face.descriptor);
  if (!samePerson(ctx, a.face.descriptor, t.face.descriptor, b.face.descriptor)) return refuse('not_same_person', a.face.descriptor);
  const probe = meanProbe(ctx, a.face.descriptor, b.face.descriptor);
  return { ok: true, frames: seen, probe, turn: turn.turn };
}
