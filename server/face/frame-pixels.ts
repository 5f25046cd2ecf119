// Pixels of a camera frame for the checks that look at the picture itself rather than at the face's identity:
// a small grey print of the whole frame (has this frame been sent before?) and a grey patch of the face aligned by
// the eyes (is this face a pixel copy of the enrolled thumbnail?).
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import type { Point } from './engine.js';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row; grey levels are read from it (greyAt) rather than kept beside it, a frame's worth less garbage. */
  rgba: Uint8ClampedArray;
}

/** Grey level 0..255 of pixel i (Rec. 601 luma). */
const greyAt = (p: Pixels, i: number) => 0.299 * p.rgba[4 * i]! + 0.587 * p.rgba[4 * i + 1]! + 0.114 * p.rgba[4 * i + 2]!;

/** Decodes a JPEG/PNG to grey levels; null when it is not a readable image. */
export async function greyPixels(bytes: Buffer): Promise<Pixels | null> {
  let img;
  try {
    img = await loadImage(bytes);
  } catch {
    return null;
  }
  return img.width && img.height ? greyOf(img) : null;
}

const drawn = new WeakMap<Image, Uint8ClampedArray>();

/**
 * RGBA pixels of a decoded image, drawn once however many checks read them (a door frame is read for its grey
 * levels, its faces and its anti-spoof crop): kept while the image is.
 */
export function rgbaOf(img: Image): Uint8ClampedArray {
  let rgba = drawn.get(img);
  if (!rgba) {
    const canvas = createCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    rgba = ctx.getImageData(0, 0, img.width, img.height).data;
    drawn.set(img, rgba);
  }
  return rgba;
}

/** Grey levels of a decoded image. */
export function greyOf(img: Image): Pixels {
  return { width: img.width, height: img.height, rgba: rgbaOf(img) };
}

/** Box-averaged grey thumbnail of the whole frame, w×h bytes: equal for a frame and its re-encoded or rescaled copy. */
export function lumaPrint(p: Pixels, w = 32, h = 24): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * p.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * p.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * p.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * p.width) / w));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += greyAt(p, yy * p.width + xx);
      out[y * w + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return out;
}

/** Mean absolute difference of two equal-length arrays. */
export function meanAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return a.length ? sum / a.length : Infinity;
}

const PATCH = 32;
/** Eye centres land this far apart in the patch, on its row EYE_ROW: the patch holds brows to mouth. */
const EYE_GAP = 13;
const EYE_ROW = 11;

const centre = (pts: readonly Point[]): Point => ({
  x: pts.reduce((s, p) => s + p.x, 0) / pts.length,
  y: pts.reduce((s, p) => s + p.y, 0) / pts.length,
});

/**
 * The face as a 32×32 grey patch aligned by the eye centres (landmarks 36–41, 42–47), normalised to zero mean and
 * unit spread: two pictures of the same pixels, at any size, position or brightness, give nearly the same patch;
 * two photos of one person taken apart do not (expression, light, pose change the pixels).
 */
export function alignedPatch(p: Pixels, landmarks: readonly Point[]): Float32Array {
  const left = centre(landmarks.slice(36, 42));
  const right = centre(landmarks.slice(42, 48));
  const ex = right.x - left.x;
  const ey = right.y - left.y;
  const scale = Math.hypot(ex, ey) / EYE_GAP;
  const cos = ex / Math.hypot(ex, ey) || 1;
  const sin = ey / Math.hypot(ex, ey) || 0;
  const mid = { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 };
  const out = new Float32Array(PATCH * PATCH);
  for (let v = 0; v < PATCH; v++) {
    for (let u = 0; u < PATCH; u++) {
      const du = (u - PATCH / 2 + 0.5) * scale;
      const dv = (v - EYE_ROW) * scale;
      out[v * PATCH + u] = sample(p, mid.x + du * cos - dv * sin, mid.y + du * sin + dv * cos);
    }
  }
  return normalised(out);
}

/** Zero mean and unit spread, in place. */
function normalised(out: Float32Array): Float32Array {
  let mean = 0;
  for (const g of out) mean += g;
  mean /= out.length;
  let sd = 0;
  for (const g of out) sd += (g - mean) ** 2;
  sd = Math.sqrt(sd / out.length) || 1;
  for (let i = 0; i < out.length; i++) out[i] = (out[i]! - mean) / sd;
  return out;
}

/** Bilinear grey level at (x, y), clamped to the image. */
function sample(p: Pixels, x: number, y: number): number {
  const cx = Math.min(Math.max(x, 0), p.width - 1);
  const cy = Math.min(Math.max(y, 0), p.height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, p.width - 1);
  const y1 = Math.min(y0 + 1, p.height - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const g = (xx: number, yy: number) => greyAt(p, yy * p.width + xx);
  return (g(x0, y0) * (1 - fx) + g(x1, y0) * fx) * (1 - fy) + (g(x0, y1) * (1 - fx) + g(x1, y1) * fx) * fy;
}

/**
 * A patch (alignedPatch: zero mean, unit spread) in one byte per pixel for storage: v·PATCH_BYTE_SCALE + 128,
 * clamped. ±4 spreads cover any face; the rounding (±0.02) is far below the copy bound it is compared with.
 */
const PATCH_BYTE_SCALE = 30;

export function encodePatch(patch: Float32Array): Buffer {
  return Buffer.from(Uint8Array.from(patch, (v) => Math.min(255, Math.max(0, Math.round(v * PATCH_BYTE_SCALE + 128)))));
}

export function decodePatch(bytes: Uint8Array): Float32Array {
  return Float32Array.from(bytes, (b) => (b - 128) / PATCH_BYTE_SCALE);
}

/**
 * A patch (alignedPatch) averaged over `factor`×`factor` blocks and normalised again: what the copy check compares.
 * Pixel noise added to a copied photo to push it past the check averages out here (σ 30 grey levels of noise moved
 * copies to 0.57 at 32×32, to 0.30 at 8×8), while another photo of the person still differs in its broad shapes.
 */
export function pooledPatch(patch: Float32Array, factor = 4): Float32Array {
  const n = PATCH / factor;
  const out = new Float32Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) for (let dx = 0; dx < factor; dx++) sum += patch[(y * factor + dy) * PATCH + x * factor + dx]!;
      out[y * n + x] = sum / (factor * factor);
    }
  }
  return normalised(out);
}
