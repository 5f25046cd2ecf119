// "Is this the same picture as one this seat already sent?" on 32×24 grey prints (frame-pixels lumaPrint), after
// taking out what an attacker changes for free: overall brightness and contrast, and left/right (a mirror image).
// A bound seat's own frames are the ones an attacker holding the tablet has: its presence frames are not kept in the
// sitting's prints (one every 15 s per seat would swamp them), so they are compared here, per binding.
import { NEAR_IDENTICAL } from './frame-prints';

const W = 32;

function spread(a: ArrayLike<number>): { mean: number; sd: number } {
  let mean = 0;
  for (let i = 0; i < a.length; i++) mean += a[i]!;
  mean /= a.length;
  let sq = 0;
  for (let i = 0; i < a.length; i++) sq += (a[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(sq / a.length) || 1 };
}

/** The print around its mean, at the spread `sd` (so the difference of two reads in the first one's grey levels). */
function normalised(a: ArrayLike<number>, sd?: number): Float64Array {
  const s = spread(a);
  return Float64Array.from(a, (v) => ((v - s.mean) / s.sd) * (sd ?? s.sd));
}

function mirrored(a: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i - (i % W) + (W - 1 - (i % W))]!;
  return out;
}

const meanAbs = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
};

/**
 * Two prints of one picture: equal within NEAR_IDENTICAL grey levels once brightness and contrast are evened out,
 * as it is or mirrored. A camera's next frame differs by more: light and sensor noise vary across the picture, and a
 * seated person sways (the test camera's frames differ by 2.7 on average; BENCHMARKS.md "Seat bound to its deputy").
 */
export function sameLook(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const na = normalised(a);
  const nb = normalised(b, spread(a).sd);
  return meanAbs(na, nb) < NEAR_IDENTICAL || meanAbs(na, mirrored(nb)) < NEAR_IDENTICAL;
}
