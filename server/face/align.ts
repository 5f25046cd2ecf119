// ArcFace-style alignment: five points taken from face-api's 68 landmarks, a similarity transform (rotation, uniform
// scale, translation; least squares, Umeyama's method in 2-D) onto the 112×112 template every insightface-format
// model was trained on, then the warp and the input tensor. Pure (no Node or DOM imports), so unit tests can check it
// without models.
import type { Point } from './engine.js';

/** Side of the aligned crop the embedder reads. */
export const ALIGNED_PX = 112;

/** insightface's 5-point template for 112×112 (left eye, right eye, nose tip, left and right mouth corner). */
export const ARCFACE_TEMPLATE: readonly Point[] = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

/** x' = a·x − b·y + tx, y' = b·x + a·y + ty: a = s·cos θ, b = s·sin θ. */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/**
 * The five alignment points from face-api's 68 (iBUG order, 0-based): each eye's centre is the mean of its six
 * contour points (36–41 on the image's left, 42–47), the nose tip is 30, the mouth corners 48 and 54.
 */
export function fivePoints(landmarks68: readonly Point[]): Point[] {
  if (landmarks68.length !== 68) throw new Error(`expected 68 landmarks, got ${landmarks68.length}`);
  const mean = (from: number, to: number): Point => {
    let x = 0;
    let y = 0;
    for (let i = from; i <= to; i++) {
      x += landmarks68[i].x;
      y += landmarks68[i].y;
    }
    const n = to - from + 1;
    return { x: x / n, y: y / n };
  };
  return [mean(36, 41), mean(42, 47), landmarks68[30], landmarks68[48], landmarks68[54]];
}

/** Least-squares similarity taking `src` onto `dst` (same length ≥ 2); no reflection. */
export function similarityTransform(src: readonly Point[], dst: readonly Point[]): Similarity {
  if (src.length !== dst.length || src.length < 2) throw new Error('need two equal lists of at least 2 points');
  const n = src.length;
  const c = (ps: readonly Point[]) => ({ x: ps.reduce((s, p) => s + p.x, 0) / n, y: ps.reduce((s, p) => s + p.y, 0) / n });
  const ms = c(src);
  const md = c(dst);
  let num1 = 0;
  let num2 = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const u = src[i].x - ms.x;
    const v = src[i].y - ms.y;
    const p = dst[i].x - md.x;
    const q = dst[i].y - md.y;
    num1 += u * p + v * q;
    num2 += u * q - v * p;
    den += u * u + v * v;
  }
  if (den === 0) throw new Error('alignment points coincide');
  const a = num1 / den;
  const b = num2 / den;
  return { a, b, tx: md.x - (a * ms.x - b * ms.y), ty: md.y - (b * ms.x + a * ms.y) };
}

export function applySimilarity(t: Similarity, p: Point): Point {
  return { x: t.a * p.x - t.b * p.y + t.tx, y: t.b * p.x + t.a * p.y + t.ty };
}

/** The transform that takes a face's 68 landmarks onto the ArcFace template. */
export function alignmentFor(landmarks68: readonly Point[]): Similarity {
  return similarityTransform(fivePoints(landmarks68), ARCFACE_TEMPLATE);
}

/** The part of a 2-D canvas context the warp needs (@napi-rs/canvas's on the server). */
export interface WarpContext<I> {
  imageSmoothingEnabled: boolean;
  fillStyle: unknown;
  fillRect(x: number, y: number, w: number, h: number): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  drawImage(image: I, dx: number, dy: number): void;
}

/**
 * Draws the aligned face onto a context of an ALIGNED_PX square canvas: black outside the source (as insightface's
 * warpAffine with a constant border), bilinear sampling.
 */
export function warpAligned<I>(ctx: WarpContext<I>, image: I, t: Similarity): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, ALIGNED_PX, ALIGNED_PX);
  ctx.imageSmoothingEnabled = true;
  ctx.setTransform(t.a, t.b, -t.b, t.a, t.tx, t.ty);
  ctx.drawImage(image, 0, 0);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

export type ChannelOrder = 'bgr' | 'rgb';

export interface InputNormalisation {
  /** Order of the three planes the model reads; insightface-trained models read B,G,R (OpenCV's order). */
  channels: ChannelOrder;
  /** (v − mean) / std per channel value v in 0..255. */
  mean: number;
  std: number;
}

/** RGBA pixels of the aligned crop → the model's NCHW float input [1, 3, h, w]. */
export function toInputTensor(rgba: Uint8ClampedArray | Uint8Array, norm: InputNormalisation): Float32Array {
  const plane = rgba.length / 4;
  const out = new Float32Array(plane * 3);
  const order = norm.channels === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  for (let c = 0; c < 3; c++) {
    const src = order[c];
    const base = c * plane;
    for (let i = 0; i < plane; i++) out[base + i] = (rgba[i * 4 + src] - norm.mean) / norm.std;
  }
  return out;
}

/** Scales a vector to unit length in place; returns its length before (0 stays 0). */
export function normaliseInPlace(v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
  return norm;
}
