// Videos for Chromium's fake camera (--use-file-for-fake-video-capture): photos from ../shared/faces/ drawn centred
// on a 640×480 frame, converted to I420 and written as YUV4MPEG2. Chromium loops the file.
//
// Scripts:
// - 'turn':  a live person: nobody, then the face frontal, turning to its left and back, then to its right and back.
//            A head turn is simulated by a warp that moves the middle of the face (the nose) sideways while the face's
//            outline (jaw, chin) stays put — what a real turn does to a face and what no rigid motion of a flat photo
//            can do. The warp is centred on the nose face-api finds in the frame: centred on the frame instead, it
//            turned an off-centre face one way only. The same frames without the warp are the 'still' photo.
// - 'still': a printed photo held up: the same picture every frame.
// - 'tilt':  a printed photo waved about: moved, rotated in-plane and tilted away (horizontal squash), i.e. every
//            affine motion a flat picture can make in front of a camera; a liveness check must refuse it too.
// - 'empty': a background with nobody in it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCanvas, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { yawOf } from '../../shared/face/geometry';
import { faceApiWith, rgbaTensor } from '../../server/face/faceapi-engine';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const FACES_DIR = resolve(REPO_ROOT, '..', 'shared', 'faces');
export const WIDTH = 640;
export const HEIGHT = 480;

export type Script = 'turn' | 'still' | 'tilt' | 'empty';

export interface VideoSpec {
  /** Photo under ../shared/faces/, e.g. 'wu_yi/1.jpg'; ignored for 'empty'. */
  photo?: string;
  script: Script;
  fps?: number;
  /** Seconds of empty background before the face appears (the loop then starts with nobody there). */
  leadIn?: number;
  /** Extra photos drawn beside the main one (a second person in the frame). */
  others?: string[];
}

const BACKGROUND = '#8a8f94';
/**
 * A clear head turn in the kiosk's own yaw units (shared/face/geometry yawOf): what the video's person turns to
 * each side. The kiosk asks for TURN_DELTA (0.12); faces differ in how far one warp moves their nose, so the warp's
 * strength is fitted per photo and side to reach this.
 */
const CLEAR_TURN_YAW = 0.2;
/** The warp strength tried first (nose shift as a share of the bump's half-width), and the most it may use. */
const PROBE_AMPLITUDE = 0.2;
const MAX_AMPLITUDE = 0.5;

/** Draws the photo centred, its height 90% of the frame; returns where it went. */
function drawPhoto(ctx: SKRSContext2D, img: Image, dx = 0, scale = 0.9) {
  const s = Math.min(WIDTH / img.width, HEIGHT / img.height) * scale;
  const w = img.width * s;
  const h = img.height * s;
  const x = (WIDTH - w) / 2 + dx;
  const y = (HEIGHT - h) / 2;
  ctx.drawImage(img, x, y, w, h);
  return { x, y, w, h };
}

/** Where the turn warp acts: centred on the nose, as wide as the middle of the face. */
export interface Anchor {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

/** The frame's best face by the kiosk's own detector (at its input size) and landmark net: anchor and yaw. */
async function findFace(rgba: Uint8ClampedArray): Promise<{ anchor: Anchor; yaw: number } | null> {
  const faceapi = await faceApiWith(['tinyFaceDetector', 'faceLandmark68Net']);
  const input = rgbaTensor(faceapi, rgba, WIDTH, HEIGHT);
  try {
    const found = await faceapi.detectAllFaces(input, new faceapi.TinyFaceDetectorOptions({ inputSize: 224, scoreThreshold: 0.5 })).withFaceLandmarks();
    const best = [...found].sort((a, b) => b.detection.score - a.detection.score)[0];
    if (!best) return null;
    const p = best.landmarks.positions;
    const rx = 0.55 * Math.abs(p[16]!.x - p[0]!.x);
    return { anchor: { cx: p[30]!.x, cy: p[30]!.y, rx, ry: rx * 1.36 }, yaw: yawOf(p) };
  } finally {
    input.dispose();
  }
}

/** The warp on this photo and its strength to each side (left positive, right negative) for a clear turn. */
async function fitTurn(still: Uint8ClampedArray): Promise<{ anchor: Anchor; left: number; right: number }> {
  const face = await findFace(still);
  if (!face) throw new Error('fake camera: no face in the photo to turn');
  // Scale the strength by how far the yaw fell short, twice: the yaw is not quite linear in it.
  const strength = async (sign: 1 | -1) => {
    let amp = PROBE_AMPLITUDE;
    for (let step = 0; step < 2; step++) {
      const turned = await findFace(turnWarp(still, sign * amp, face.anchor));
      const moved = turned ? Math.abs(turned.yaw - face.yaw) : 0;
      amp = moved > 0 ? Math.min(MAX_AMPLITUDE, (amp * CLEAR_TURN_YAW) / moved) : MAX_AMPLITUDE;
    }
    return amp;
  };
  return { anchor: face.anchor, left: await strength(1), right: -(await strength(-1)) };
}

/**
 * Moves the middle of the face sideways by `amp` × the bump's half-width, tapering to nothing at the face's edge:
 * the nose moves against the jaw line as in a real head turn.
 */
export function turnWarp(rgba: Uint8ClampedArray, amp: number, { cx, cy, rx, ry }: Anchor): Uint8ClampedArray {
  if (amp === 0) return rgba;
  const out = new Uint8ClampedArray(rgba.length);
  out.set(rgba);
  for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(HEIGHT, Math.ceil(cy + ry)); y++) {
    for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(WIDTH, Math.ceil(cx + rx)); x++) {
      const dx = (x - cx) / rx;
      const dy = (y - cy) / ry;
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d >= 1) continue;
      const w = Math.cos((d * Math.PI) / 2) ** 2;
      const sx = Math.min(WIDTH - 1, Math.max(0, Math.round(x - amp * rx * w)));
      const o = (y * WIDTH + x) * 4;
      const so = (y * WIDTH + sx) * 4;
      out[o] = rgba[so]!;
      out[o + 1] = rgba[so + 1]!;
      out[o + 2] = rgba[so + 2]!;
    }
  }
  return out;
}

/** RGBA → I420 (BT.601, limited range, 2×2 chroma averaging). */
export function rgbaToI420(rgba: Uint8ClampedArray, width = WIDTH, height = HEIGHT): Buffer {
  const ySize = width * height;
  const cw = width / 2;
  const ch = height / 2;
  const out = Buffer.alloc(ySize + 2 * cw * ch);
  for (let i = 0; i < ySize; i++) {
    const r = rgba[i * 4]!;
    const g = rgba[i * 4 + 1]!;
    const b = rgba[i * 4 + 2]!;
    out[i] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
  }
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [ox, oy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((2 * y + oy) * width + 2 * x + ox) * 4;
        r += rgba[p]!;
        g += rgba[p + 1]!;
        b += rgba[p + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      out[ySize + y * cw + x] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
      out[ySize + cw * ch + y * cw + x] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
    }
  }
  return out;
}

/** Takes of the 'turn' script in one file (six turns, ≈ 25 s, before the file loops). */
const TURN_TAKES = 3;

/**
 * A camera never gives the same frame twice: light and sensor vary. Each frame gets its own brightness of ±4 grey
 * levels per 40-px patch (deterministic per frame index, so the cached video stays the same), enough that no two
 * frames of the file look alike to the server's replay check and far too little to move a landmark.
 */
function lightPatches(rgba: Uint8ClampedArray, index: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(rgba);
  let seed = (index + 1) * 2654435761;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const P = 40;
  for (let by = 0; by < HEIGHT; by += P) {
    for (let bx = 0; bx < WIDTH; bx += P) {
      const d = Math.round((rand() - 0.5) * 8);
      for (let y = by; y < Math.min(HEIGHT, by + P); y++) {
        for (let x = bx; x < Math.min(WIDTH, bx + P); x++) {
          const o = (y * WIDTH + x) * 4;
          out[o] = rgba[o]! + d;
          out[o + 1] = rgba[o + 1]! + d;
          out[o + 2] = rgba[o + 2]! + d;
        }
      }
    }
  }
  return out;
}

/** Per frame: the head turn as a share of a clear turn (+1 to the person's left, −1 right), or the held photo's pose (tilt). */
function timeline(script: Script, fps: number): Array<{ amp: number; squash: number; rot: number; dx: number }> {
  const frames: Array<{ amp: number; squash: number; rot: number; dx: number }> = [];
  const hold = (seconds: number, amp = 0) => {
    for (let i = 0; i < Math.round(seconds * fps); i++) frames.push({ amp, squash: 1, rot: 0, dx: 0 });
  };
  const ramp = (seconds: number, from: number, to: number) => {
    const n = Math.round(seconds * fps);
    for (let i = 1; i <= n; i++) frames.push({ amp: from + ((to - from) * i) / n, squash: 1, rot: 0, dx: 0 });
  };
  if (script === 'turn') {
    // Several takes, each frame lit a little differently (lightPatches): the server refuses frames it has seen
    // before, and Chromium loops the file, so one take would hand it the very same frames a loop later.
    for (let take = 0; take < TURN_TAKES; take++) {
      hold(1.2);
      ramp(0.4, 0, 1);
      hold(1.0, 1); // a person holds a turn about a second; the kiosk needs two frames of it
      ramp(0.4, 1, 0);
      hold(1.2);
      ramp(0.4, 0, -1);
      hold(1.0, -1);
      ramp(0.4, -1, 0);
      hold(1.5); // with a 1-s lead-in a take is 8.5 s: out of step with the kiosk's 8-s turn timeout, so a missed turn is not missed again every take
    }
  } else if (script === 'tilt') {
    // 6 s of a photo waved about: tilted away up to 55° each way, turned ±12° in-plane, slid ±60 px.
    const n = 6 * fps;
    for (let i = 0; i < n; i++) {
      const t = (i / n) * 2 * Math.PI;
      frames.push({ amp: 0, squash: Math.cos((55 * Math.PI) / 180 * Math.sin(t)), rot: (12 * Math.PI) / 180 * Math.sin(2 * t), dx: 60 * Math.sin(t + 1) });
    }
  } else {
    hold(script === 'empty' ? 2 : 4);
  }
  return frames;
}

async function render(spec: VideoSpec, fps: number): Promise<Buffer[]> {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  const blank = () => {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
  };
  const frames: Buffer[] = [];
  blank();
  const empty = rgbaToI420(ctx.getImageData(0, 0, WIDTH, HEIGHT).data);
  for (let i = 0; i < Math.round((spec.leadIn ?? 0) * fps); i++) frames.push(empty);
  if (spec.script === 'empty') {
    const n = timeline('empty', fps).length;
    for (let i = 0; i < n; i++) frames.push(empty);
    return frames;
  }
  const img = await loadImage(join(FACES_DIR, spec.photo!));
  const others = await Promise.all((spec.others ?? []).map((p) => loadImage(join(FACES_DIR, p))));
  let still: Uint8ClampedArray | null = null;
  let turn: Awaited<ReturnType<typeof fitTurn>> | null = null;
  for (const f of timeline(spec.script, fps)) {
    blank();
    if (spec.script === 'tilt') {
      ctx.setTransform(1, 0, 0, 1, WIDTH / 2 + f.dx, HEIGHT / 2);
      ctx.rotate(f.rot);
      ctx.scale(f.squash, 1);
      ctx.translate(-WIDTH / 2, -HEIGHT / 2);
      drawPhoto(ctx, img);
      frames.push(rgbaToI420(ctx.getImageData(0, 0, WIDTH, HEIGHT).data));
      continue;
    }
    if (!still) {
      if (others.length > 0) {
        drawPhoto(ctx, img, -150, 0.7);
        others.forEach((o, k) => drawPhoto(ctx, o, 150 + k * 40, 0.7));
      } else drawPhoto(ctx, img);
      still = ctx.getImageData(0, 0, WIDTH, HEIGHT).data;
    }
    if (f.amp !== 0) turn ??= await fitTurn(still);
    const pose = turn ? turnWarp(still, f.amp * (f.amp > 0 ? turn.left : -turn.right), turn.anchor) : still;
    frames.push(rgbaToI420(spec.script === 'turn' ? lightPatches(pose, frames.length) : pose));
  }
  return frames;
}

/** Writes (or reuses from a cache in the temp folder) the .y4m for a spec; returns its path. */
export async function fakeCameraVideo(spec: VideoSpec): Promise<string> {
  const fps = spec.fps ?? 10;
  const key = createHash('sha256').update(JSON.stringify({ v: 9, ...spec, fps })).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'quorum-fake-camera');
  mkdirSync(dir, { recursive: true });
  const name = `${spec.script}-${(spec.photo ?? 'none').replace(/[^a-z0-9]+/gi, '_')}-${key}.y4m`;
  const path = join(dir, name);
  if (existsSync(path)) return path;
  const frames = await render(spec, fps);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const marker = Buffer.from('FRAME\n');
  const parts: Buffer[] = [header];
  for (const f of frames) parts.push(marker, f);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat(parts));
  renameSync(tmp, path);
  return path;
}

/** Seconds one loop of a spec's video lasts. */
export function loopSeconds(spec: VideoSpec): number {
  const fps = spec.fps ?? 10;
  return (Math.round((spec.leadIn ?? 0) * fps) + timeline(spec.script === 'empty' ? 'empty' : spec.script, fps).length) / fps;
}

/**
 * For the 'turn' script: seconds after the face appears at which the head is back frontal after its left turn and
 * after its right turn (the person's part of a check-in; whatever a kiosk takes beyond that is its own).
 */
export function turnBackSeconds(fps = 10): { left: number; right: number } {
  const frames = timeline('turn', fps);
  const back: number[] = [];
  frames.forEach((f, i) => {
    if (i > 0 && f.amp === 0 && frames[i - 1]!.amp !== 0) back.push((i + 1) / fps);
  });
  return { left: back[0]!, right: back[1]! };
}

/**
 * A genuine frame set as a kiosk sends it (frontal, turned to `side`, back; 480×360 JPEG), from a photo of
 * ../shared/faces (or any image: an attacker's) with the same turn warp as the videos. `take` moves the person a little
 * (a few px) and lights each frame differently, as two real captures of one person differ: two takes never give the
 * same frames.
 */
export async function headTurnFrames(photo: string | Buffer, side: 'left' | 'right', take = 0): Promise<{ frontal: Buffer; turned: Buffer; back: Buffer }> {
  const { still, jpeg } = await placed(photo, take, true);
  const amp = side === 'left' ? still.turn!.left : still.turn!.right;
  return { frontal: await jpeg(still.rgba, 0), turned: await jpeg(turnWarp(still.rgba, amp, still.turn!.anchor), 1), back: await jpeg(still.rgba, 2) };
}

/** headTurnFrames' frontal and back frames alone (no turn fitted: cheaper), for measurements of the frontal face. */
export async function frontalFrames(photo: string | Buffer, take = 0): Promise<{ frontal: Buffer; back: Buffer }> {
  const { still, jpeg } = await placed(photo, take, false);
  return { frontal: await jpeg(still.rgba, 0), back: await jpeg(still.rgba, 2) };
}

async function placed(photo: string | Buffer, take: number, withTurn: boolean) {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  const img = await loadImage(typeof photo === 'string' ? join(FACES_DIR, photo) : photo);
  const place = async (dx: number, scale: number) => {
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    drawPhoto(ctx, img, dx, scale);
    const rgba = ctx.getImageData(0, 0, WIDTH, HEIGHT).data;
    return { rgba, turn: withTurn ? await fitTurn(rgba) : null };
  };
  // The take's own place, or the photo centred where the test camera's face finder misses it there.
  const still = await place(((take * 7) % 25) - 12, 0.9 - (take % 3) * 0.01).catch(() => place(0, 0.9));
  // Each frame lit a little differently (lightPatches, seeded by take and frame), as a camera never repeats a frame.
  const jpeg = (rgba: Uint8ClampedArray, k: number) => {
    const frame = createCanvas(WIDTH, HEIGHT);
    const fctx = frame.getContext('2d');
    const data = fctx.createImageData(WIDTH, HEIGHT);
    data.data.set(lightPatches(rgba, 100_000 + take * 3 + k));
    for (let i = 3; i < data.data.length; i += 4) data.data[i] = 255;
    fctx.putImageData(data, 0, k);
    const out = createCanvas(480, 360);
    out.getContext('2d').drawImage(frame, 0, 0, 480, 360);
    return out.encode('jpeg', 80);
  };
  return { still, jpeg };
}

/** A picture held up in front of the door camera: enlarged onto a 480×360 frame, slid `dx` px sideways. */
export async function heldUp(jpeg: Buffer, dx = 0): Promise<Buffer> {
  const img = await loadImage(jpeg);
  const canvas = createCanvas(480, 360);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, 480, 360);
  ctx.drawImage(img, 90 + dx, 20, 320, 320);
  return canvas.encode('jpeg', 85);
}

/** The frame with pixel noise of about `sigma` grey levels added (seeded): what an attacker adds to slip a copy check. */
export async function noised(jpeg: Buffer, sigma: number, seed = 1): Promise<Buffer> {
  const img = await loadImage(jpeg);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height);
  let state = seed;
  const uniform = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < data.data.length; i += 4) {
    let sum = 0;
    for (let k = 0; k < 6; k++) sum += uniform();
    const n = ((sum - 3) / Math.SQRT1_2) * sigma; // near-Gaussian, unit spread × sigma
    for (let c = 0; c < 3; c++) data.data[i + c] = data.data[i + c]! + n;
  }
  ctx.putImageData(data, 0, 0);
  return canvas.encode('jpeg', 85);
}
