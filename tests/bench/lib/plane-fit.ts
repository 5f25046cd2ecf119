// How well one plane explains the landmarks' motion between two frames. A flat picture, however it is held, tilted
// or digitally warped by a perspective transform, moves its 68 landmarks by one homography (up to the landmark net's
// jitter); a real head turn moves the nose, eyes and outline by their depths, which no single plane follows.
// Used by tests/bench/turn-vs-warp.ts only: measured, it does not separate real turns from warps (BENCHMARKS.md).
import type { Point } from '../../../shared/face/geometry';

/** Distance between the two eyes' centres (landmarks 36–41 and 42–47): the face's own unit of length. */
export function interOcular(landmarks: readonly Point[]): number {
  const centre = (from: number) => {
    let x = 0;
    let y = 0;
    for (let i = from; i < from + 6; i++) {
      x += landmarks[i]!.x;
      y += landmarks[i]!.y;
    }
    return { x: x / 6, y: y / 6 };
  };
  const a = centre(36);
  const b = centre(42);
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Solves A x = b (n×n, Gaussian elimination with partial pivoting); null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-12) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/** Points moved to their centroid and scaled to unit mean distance (conditions the fit), and the map that did it. */
function normalised(points: readonly Point[]): { pts: Point[]; cx: number; cy: number; s: number } {
  const cx = points.reduce((a, p) => a + p.x, 0) / points.length;
  const cy = points.reduce((a, p) => a + p.y, 0) / points.length;
  const mean = points.reduce((a, p) => a + Math.hypot(p.x - cx, p.y - cy), 0) / points.length || 1;
  const s = 1 / mean;
  return { pts: points.map((p) => ({ x: (p.x - cx) * s, y: (p.y - cy) * s })), cx, cy, s };
}

/** The homography (h33 = 1) that best maps `from` onto `to` by least squares (DLT on normalised points). */
export function fitHomography(from: readonly Point[], to: readonly Point[]): ((p: Point) => Point) | null {
  const f = normalised(from);
  const t = normalised(to);
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  const add = (row: number[], rhs: number) => {
    for (let i = 0; i < 8; i++) {
      atb[i]! += row[i]! * rhs;
      for (let j = 0; j < 8; j++) ata[i]![j]! += row[i]! * row[j]!;
    }
  };
  f.pts.forEach((p, i) => {
    const q = t.pts[i]!;
    add([p.x, p.y, 1, 0, 0, 0, -p.x * q.x, -p.y * q.x], q.x);
    add([0, 0, 0, p.x, p.y, 1, -p.x * q.y, -p.y * q.y], q.y);
  });
  const h = solve(ata, atb);
  if (!h) return null;
  return (p: Point) => {
    const x = (p.x - f.cx) * f.s;
    const y = (p.y - f.cy) * f.s;
    const w = h[6]! * x + h[7]! * y + 1;
    return { x: (h[0]! * x + h[1]! * y + h[2]!) / w / t.s + t.cx, y: (h[3]! * x + h[4]! * y + h[5]!) / w / t.s + t.cy };
  };
}

/**
 * Root-mean-square distance of `to` from the best single-plane image of `from`, in inter-ocular distances of `from`:
 * near the landmark net's jitter for any flat picture, larger the more the points stand at different depths.
 */
export function planeResidual(from: readonly Point[], to: readonly Point[]): number {
  const map = fitHomography(from, to);
  const iod = interOcular(from);
  if (!map || !(iod > 0)) return Infinity;
  let s = 0;
  from.forEach((p, i) => {
    const q = map(p);
    s += (q.x - to[i]!.x) ** 2 + (q.y - to[i]!.y) ** 2;
  });
  return Math.sqrt(s / from.length) / iod;
}
