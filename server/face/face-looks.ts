// Paint or photograph? A drawing fills a face with a few flat colours; a photograph's skin is shaded by light, so its
// colours spread. Measured in the middle of the aligned face crop (ALIGNED_PX square RGBA, align.ts: below the eyes,
// above the chin, where the 5-point template puts cheeks, nose and mouth for every face) as the share of its pixels
// in the single most common colour, each channel cut to 16 levels. Used by photo-check's not_a_face.
import { ALIGNED_PX } from './align.js';

/** The middle of the aligned face: x 28–84, y 44–100 of 112. */
const X0 = 28;
const X1 = 84;
const Y0 = 44;
const Y1 = 100;

/** Share (0–1) of the face's middle in its most common colour (RGB, 16 levels a channel); 0 without a crop. */
export function paintedShare(aligned: Uint8ClampedArray | undefined): number {
  if (!aligned || aligned.length !== ALIGNED_PX * ALIGNED_PX * 4) return 0;
  const bins = new Uint16Array(4096);
  let top = 0;
  for (let y = Y0; y < Y1; y++) {
    for (let x = X0; x < X1; x++) {
      const i = 4 * (y * ALIGNED_PX + x);
      const key = ((aligned[i]! >> 4) << 8) | ((aligned[i + 1]! >> 4) << 4) | (aligned[i + 2]! >> 4);
      top = Math.max(top, ++bins[key]!);
    }
  }
  return top / ((X1 - X0) * (Y1 - Y0));
}
