// False accepts as a function of the roll's size. Every different-person pair of photos gives one impostor cosine;
// the top of them is fitted with a GPD (peaks over threshold, gpd.ts) so the chance p(t) that one impostor reaches
// cosine t can be read below what a few thousand pairs can show. A check-in against N enrolled people then passes a
// stranger when the nearest of N impostors reaches t AND beats the next one by the margin (Gallery.match's rule).
// Assumptions (said again in BENCHMARKS.md): impostor similarities are treated as independent draws from one
// distribution, although pairs share photos and people (about 400 person pairs per group, not 8,000 draws), and a
// real roll's look-alikes are assumed no closer than these public faces'.
import { fitGpd, gpdSurvival, type GpdFit } from './gpd.js';
import type { Labelled } from './stats.js';

export interface TailModel {
  /** All impostor cosines, ascending. */
  sorted: Float64Array;
  /** POT level: cosines above u are modelled by the GPD. */
  u: number;
  exceedances: number;
  fit: GpdFit;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

/** Same-person and different-person cosines among photos of one group. */
export function pairCosines(photos: readonly Labelled[], group: string): { genuine: number[]; impostor: number[] } {
  const ps = photos.filter((p) => p.group === group);
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      (ps[i].identity === ps[j].identity ? genuine : impostor).push(cosine(ps[i].descriptor, ps[j].descriptor));
    }
  }
  return { genuine, impostor };
}

/** Fits the top `topShare` of the cosines (at least 100 of them). */
export function fitTail(impostor: readonly number[], topShare = 0.05): TailModel {
  const sorted = Float64Array.from(impostor).sort();
  const k = Math.min(sorted.length - 1, Math.max(100, Math.round(topShare * sorted.length)));
  const u = sorted[sorted.length - k - 1];
  const excesses = Array.from(sorted.subarray(sorted.length - k)).map((x) => x - u);
  return { sorted, u, exceedances: k, fit: fitGpd(excesses) };
}

/** Share of impostor cosines ≥ t, counted. */
export function empiricalExceed(model: TailModel, t: number): number {
  const { sorted } = model;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return (sorted.length - lo) / sorted.length;
}

/** p(t) = P(one impostor's cosine ≥ t): counted below u, the GPD above it. */
export function exceed(model: TailModel, t: number): number {
  if (t <= model.u) return empiricalExceed(model, t);
  return (model.exceedances / model.sorted.length) * gpdSurvival(t - model.u, model.fit);
}

/** The cosine at Euclidean distance d(c) + margin on unit vectors (d = sqrt(2 − 2c)). */
export function cosineBehind(c: number, margin: number): number {
  const d = Math.sqrt(Math.max(0, 2 - 2 * c)) + margin;
  return 1 - (d * d) / 2;
}

const STEP = 0.0005;
/** P(none of n impostors reaches c). */
const noneReach = (model: TailModel, c: number, n: number) => (n <= 0 ? 1 : Math.exp(n * Math.log1p(-Math.min(exceed(model, c), 1 - 1e-15))));

/**
 * A stranger (nobody enrolled is them) is accepted: the nearest of N impostors is at c ≥ t and the others all at
 * least `margin` farther. Sums N·P(one at c)·P(others below c − margin) over c ≥ t.
 */
export function strangerPasses(model: TailModel, n: number, t: number, margin: number): number {
  if (margin === 0) return 1 - noneReach(model, t, n);
  let sum = 0;
  for (let c = t; c < 1; c += STEP) {
    const density = exceed(model, c) - exceed(model, c + STEP);
    if (density > 0) sum += n * density * noneReach(model, cosineBehind(c + STEP / 2, margin), n - 1);
  }
  return sum;
}

/**
 * An enrolled deputy (own cosine s, drawn from the genuine pairs) is taken for another: an impostor at c ≥ t, with
 * the deputy and the other N − 2 impostors all at least `margin` farther. Averaged over the genuine cosines.
 */
export function wrongDeputyPasses(model: TailModel, genuine: readonly number[], n: number, t: number, margin: number): number {
  let total = 0;
  for (const s of genuine) {
    let sum = 0;
    for (let c = Math.max(t, s); c < 1; c += STEP) {
      const behind = cosineBehind(c + STEP / 2, margin);
      if (s > behind) continue;
      const density = exceed(model, c) - exceed(model, c + STEP);
      if (density > 0) sum += (n - 1) * density * noneReach(model, behind, n - 2);
    }
    total += sum;
  }
  return total / genuine.length;
}

/** An enrolled deputy is accepted as themself: own cosine s ≥ t and every impostor at least `margin` farther. */
export function genuineAccepted(model: TailModel, genuine: readonly number[], n: number, t: number, margin: number): number {
  let total = 0;
  for (const s of genuine) if (s >= t) total += noneReach(model, cosineBehind(s, margin), n - 1);
  return total / genuine.length;
}
