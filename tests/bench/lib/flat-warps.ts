// What an attacker with one still photo can do to fake a head turn, on a 640×480 RGBA frame (tests/helpers/fake-camera):
// - perspective: one homography (the photo tilted about a vertical axis, any distance, squeezed back to its width),
//   what a printed photo held at an angle or a "3-D rotate" slider in a photo app gives;
// - thin-plate: the photo's landmarks dragged to where a real turn puts them (a smooth thin-plate spline through
//   the 68 points, the background pinned), the idea of landmark-driven face-morphing tools.
// The test camera's own warp (a bump that slides the nose, turnWarp) is the third.
import type { Point } from '../../../shared/face/geometry';

export const W = 640;
export const H = 480;

/** Bilinear sample of channel c at (x, y); the background grey outside the frame. */
function sample(rgba: Uint8ClampedArray, x: number, y: number, c: number): number {
  if (x < 0 || y < 0 || x > W - 1 || y > H - 1) return c === 3 ? 255 : 0x8a;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(W - 1, x0 + 1);
  const y1 = Math.min(H - 1, y0 + 1);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number) => rgba[(yy * W + xx) * 4 + c]!;
  return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

/** Renders by the inverse map: each output pixel takes the source pixel `source(x, y)` names. */
function remap(rgba: Uint8ClampedArray, source: (x: number, y: number) => Point | null): Uint8ClampedArray {
  const out = new Uint8ClampedArray(rgba);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const s = source(x, y);
      if (!s) continue;
      const o = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = sample(rgba, s.x, s.y, c);
    }
  }
  return out;
}

/** Perspective about a vertical axis through `c`: x' = s·x/(g·x + 1), y' = y/(g·x + 1), coordinates from c. */
export interface Perspective {
  c: Point;
  g: number;
  s: number;
}

export function perspectivePoint({ c, g, s }: Perspective, p: Point): Point {
  const x = p.x - c.x;
  const w = g * x + 1;
  return { x: c.x + (s * x) / w, y: c.y + (p.y - c.y) / w };
}

export function perspectiveWarp(rgba: Uint8ClampedArray, { c, g, s }: Perspective): Uint8ClampedArray {
  return remap(rgba, (X, Y) => {
    const xp = X - c.x;
    const den = s - g * xp;
    if (den <= 0) return { x: -1, y: -1 };
    const x = xp / den;
    return { x: c.x + x, y: c.y + (Y - c.y) * (g * x + 1) };
  });
}

const U = (r2: number) => (r2 > 0 ? r2 * Math.log(r2) : 0);

/** Solves A x = b by Gaussian elimination (the spline's small dense system). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
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

/** The thin-plate spline through control points dst → src (so it renders by the inverse map). */
function thinPlate(dst: Point[], src: Point[]): (p: Point) => Point {
  const n = dst.length;
  const a: number[][] = [];
  for (let i = 0; i < n + 3; i++) a.push(new Array<number>(n + 3).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) a[i]![j] = U((dst[i]!.x - dst[j]!.x) ** 2 + (dst[i]!.y - dst[j]!.y) ** 2) + (i === j ? 1e-3 : 0);
    const row = [1, dst[i]!.x, dst[i]!.y];
    for (let k = 0; k < 3; k++) {
      a[i]![n + k] = row[k]!;
      a[n + k]![i] = row[k]!;
    }
  }
  const wx = solve(a, [...src.map((p) => p.x), 0, 0, 0]);
  const wy = solve(a, [...src.map((p) => p.y), 0, 0, 0]);
  return (p: Point) => {
    let x = wx[n]! + wx[n + 1]! * p.x + wx[n + 2]! * p.y;
    let y = wy[n]! + wy[n + 1]! * p.x + wy[n + 2]! * p.y;
    for (let i = 0; i < n; i++) {
      const u = U((p.x - dst[i]!.x) ** 2 + (p.y - dst[i]!.y) ** 2);
      x += wx[i]! * u;
      y += wy[i]! * u;
    }
    return { x, y };
  };
}

/**
 * The photo's landmarks `from` dragged to `to` by a thin-plate spline; a ring of pinned points 1.5× the face's
 * reach around the nose (and the frame's corners) keeps the background and hair where they were.
 */
export function thinPlateWarp(rgba: Uint8ClampedArray, from: Point[], to: Point[]): Uint8ClampedArray {
  const nose = from[30]!;
  const reach = 1.5 * Math.max(...from.map((p) => Math.hypot(p.x - nose.x, p.y - nose.y)));
  const pins: Point[] = [];
  for (let k = 0; k < 20; k++) pins.push({ x: nose.x + reach * Math.cos((k * Math.PI) / 10), y: nose.y + reach * Math.sin((k * Math.PI) / 10) });
  pins.push({ x: 0, y: 0 }, { x: W - 1, y: 0 }, { x: 0, y: H - 1 }, { x: W - 1, y: H - 1 });
  const map = thinPlate([...to, ...pins], [...from, ...pins]);
  return remap(rgba, (x, y) => (Math.hypot(x - nose.x, y - nose.y) > reach ? null : map({ x, y })));
}

const mean = (ps: Point[]) => ({ x: ps.reduce((a, p) => a + p.x, 0) / ps.length, y: ps.reduce((a, p) => a + p.y, 0) / ps.length });

/** The similarity (scale, rotation, shift) that best maps `from` onto `to` (least squares, as a complex product). */
function similarity(from: Point[], to: Point[]): (p: Point) => Point {
  const fm = mean(from);
  const tm = mean(to);
  let re = 0;
  let im = 0;
  let norm = 0;
  from.forEach((p, i) => {
    const px = p.x - fm.x;
    const py = p.y - fm.y;
    const qx = to[i]!.x - tm.x;
    const qy = to[i]!.y - tm.y;
    re += qx * px + qy * py;
    im += qy * px - qx * py;
    norm += px * px + py * py;
  });
  re /= norm;
  im /= norm;
  return (p) => ({ x: tm.x + re * (p.x - fm.x) - im * (p.y - fm.y), y: tm.y + im * (p.x - fm.x) + re * (p.y - fm.y) });
}

/**
 * Where a real turn (donorFrontal → donorTurned, another person's two photos) puts this face's landmarks: the donor's
 * motion less its move and scale (the photos were framed differently), carried over by the similarity between the
 * two frontal faces.
 */
export function transferMotion(donorFrontal: Point[], donorTurned: Point[], frontal: Point[]): Point[] {
  const back = similarity(donorTurned, donorFrontal);
  const carry = similarity(donorFrontal, frontal);
  const origin = carry({ x: 0, y: 0 });
  return frontal.map((p, i) => {
    const t = back(donorTurned[i]!);
    const d = carry({ x: t.x - donorFrontal[i]!.x, y: t.y - donorFrontal[i]!.y });
    return { x: p.x + d.x - origin.x, y: p.y + d.y - origin.y };
  });
}
