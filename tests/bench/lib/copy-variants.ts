// What an attacker does to a picture to slip a copy check: the enrolled photo (or a recorded frame) mirrored,
// brightened, lit from one side, re-encoded, cropped, rotated or scaled. Used by the copy-embedding and
// presence-attacks benches and by tests/integration/face-attack.test.ts.
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Each pixel × gain + add, both as a function of the column (side light: a ramp from dark to bright). */
async function relit(jpeg: Buffer, light: (x: number, w: number) => { gain: number; add: number }, quality = 90): Promise<Buffer> {
  const img = await loadImage(jpeg);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const { gain, add } = light(x, img.width);
      const o = (y * img.width + x) * 4;
      for (let c = 0; c < 3; c++) data.data[o + c] = data.data[o + c]! * gain + add;
    }
  }
  ctx.putImageData(data, 0, 0);
  return canvas.encode('jpeg', quality);
}

export const photoVariants = {
  mirrored: (b: Buffer) => mirroredImage(b),
  'brightened +40': (b: Buffer) => relit(b, () => ({ gain: 1, add: 40 })),
  'side-lit': (b: Buffer) => relit(b, (x, w) => ({ gain: 0.45 + (0.9 * x) / w, add: 0 })),
  're-encoded q40': (b: Buffer) => reencoded(b, 40),
  'cropped 75%': (b: Buffer) => cropped(b, 0.75),
  'rotated 8°': (b: Buffer) => rotated(b, 8),
  'scaled 40%': (b: Buffer) => scaled(b, 0.4),
} as const;
export type PhotoVariant = keyof typeof photoVariants;

export const frameVariants = {
  'byte for byte': async (b: Buffer) => b,
  'brightened +4': (b: Buffer) => relit(b, () => ({ gain: 1, add: 4 }), 85),
  mirrored: (b: Buffer) => mirroredImage(b),
  're-encoded q70': (b: Buffer) => reencoded(b, 70),
} as const;
export type FrameVariant = keyof typeof frameVariants;

export async function mirroredImage(jpeg: Buffer): Promise<Buffer> {
  const img = await loadImage(jpeg);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.translate(img.width, 0);
  ctx.scale(-1, 1);
  ctx.drawImage(img, 0, 0);
  return canvas.encode('jpeg', 90);
}

export async function reencoded(jpeg: Buffer, quality: number): Promise<Buffer> {
  const img = await loadImage(jpeg);
  const canvas = createCanvas(img.width, img.height);
  canvas.getContext('2d').drawImage(img, 0, 0);
  return canvas.encode('jpeg', quality);
}

/** The middle `share` of the picture (a tighter crop of the face). */
export async function cropped(jpeg: Buffer, share: number): Promise<Buffer> {
  const img = await loadImage(jpeg);
  const w = Math.round(img.width * share);
  const h = Math.round(img.height * share);
  const canvas = createCanvas(w, h);
  canvas.getContext('2d').drawImage(img, (img.width - w) / 2, (img.height - h) / 2, w, h, 0, 0, w, h);
  return canvas.encode('jpeg', 90);
}

export async function rotated(jpeg: Buffer, degrees: number): Promise<Buffer> {
  const img = await loadImage(jpeg);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#8a8f94';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  return canvas.encode('jpeg', 90);
}

/** Shrunk to `share` of its size (lost detail; the camera frame enlarges it again). */
export async function scaled(jpeg: Buffer, share: number): Promise<Buffer> {
  const img = await loadImage(jpeg);
  const w = Math.max(1, Math.round(img.width * share));
  const h = Math.max(1, Math.round(img.height * share));
  const canvas = createCanvas(w, h);
  canvas.getContext('2d').drawImage(img, 0, 0, w, h);
  return canvas.encode('jpeg', 90);
}
