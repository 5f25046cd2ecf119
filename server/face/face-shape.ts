// How far 68 landmarks are from a human face's shape: the landmark net places its 68 points on whatever the detector
// boxed — a ram, a pig, a coin — and on a non-human face they fall where no human face's points fall. The distance is
// the Mahalanobis distance in a point-distribution model (face-shape-model.ts) after removing position, size and
// rotation: along each main mode of human variation in units of its spread, plus what the modes cannot explain in
// units of its usual size. Humans of ../shared/faces measure ≤ 7.9 (held-out people ≤ 5.9); BENCHMARKS.md "Not a face".
import type { Point } from './engine.js';
import { MEAN_SHAPE, MODE_SD, RESIDUAL_SD, SHAPE_MODES } from './face-shape-model.js';

/** The points centred on their mean and scaled to unit length, as x0, y0, x1, y1, … */
export function centredShape(points: readonly Point[]): number[] {
  const n = points.length;
  const cx = points.reduce((s, p) => s + p.x, 0) / n;
  const cy = points.reduce((s, p) => s + p.y, 0) / n;
  const flat = points.flatMap((p) => [p.x - cx, p.y - cy]);
  const len = Math.hypot(...flat) || 1;
  return flat.map((v) => v / len);
}

/** A centred shape rotated and scaled onto `target` (2-D Procrustes, closed form). */
export function alignOnto(p: readonly number[], target: readonly number[]): number[] {
  let a = 0;
  let b = 0;
  for (let i = 0; i < p.length; i += 2) {
    a += p[i]! * target[i]! + p[i + 1]! * target[i + 1]!;
    b += p[i]! * target[i + 1]! - p[i + 1]! * target[i]!;
  }
  const th = Math.atan2(b, a);
  const [c, s] = [Math.cos(th) * Math.hypot(a, b), Math.sin(th) * Math.hypot(a, b)];
  const out: number[] = [];
  for (let i = 0; i < p.length; i += 2) out.push(c * p[i]! - s * p[i + 1]!, s * p[i]! + c * p[i + 1]!);
  return out;
}

/** Distance of 68 landmarks from the human face shape (see above); 0 (not measured) for an engine without them. */
export function faceShapeDistance(landmarks: readonly Point[]): number {
  if (landmarks.length !== MEAN_SHAPE.length / 2) return 0;
  const d = alignOnto(centredShape(landmarks), MEAN_SHAPE).map((v, i) => v - MEAN_SHAPE[i]!);
  let sum = 0;
  const residual = [...d];
  SHAPE_MODES.forEach((mode, k) => {
    const b = mode.reduce((s, v, i) => s + v * d[i]!, 0);
    sum += (b / MODE_SD[k]!) ** 2;
    mode.forEach((v, i) => (residual[i] = residual[i]! - b * v));
  });
  return Math.sqrt(sum + residual.reduce((s, v) => s + v * v, 0) / RESIDUAL_SD ** 2);
}
