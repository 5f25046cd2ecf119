// Figures for `face:eval`: distance percentiles of photo pairs, and the threshold × margin sweep that finds where
// false accepts reach zero. The sweep replays Gallery.match's accept rule on each probe's nearest and second-nearest
// identity (taken from Gallery.match itself), so it agrees with a real run at any (threshold, margin).

export interface Labelled {
  identity: string;
  group: string;
  descriptor: Float32Array;
}

export interface Percentiles {
  pairs: number;
  min: number;
  p1: number;
  p5: number;
  p50: number;
  p95: number;
  max: number;
  /** Share of pairs closer than 0.6 / 0.5 / 0.45 / 0.4 (different-person pairs: the false-accept risk). */
  below: Record<string, number>;
}

export const REPORT_THRESHOLDS = [0.6, 0.5, 0.45, 0.4];

/** Same-person and different-person pair distances among photos of one group (both photos in the group). */
export function pairPercentiles(photos: readonly Labelled[], group: string): { same: Percentiles; different: Percentiles } {
  const inGroup = photos.filter((p) => p.group === group);
  const same: number[] = [];
  const different: number[] = [];
  for (let i = 0; i < inGroup.length; i++) {
    for (let j = i + 1; j < inGroup.length; j++) {
      const d = euclidean(inGroup[i].descriptor, inGroup[j].descriptor);
      (inGroup[i].identity === inGroup[j].identity ? same : different).push(d);
    }
  }
  return { same: percentiles(same), different: percentiles(different) };
}

function percentiles(values: number[]): Percentiles {
  const v = Float64Array.from(values).sort();
  const at = (q: number) => (v.length ? v[Math.min(v.length - 1, Math.floor(q * (v.length - 1) + 0.5))] : NaN);
  const below: Record<string, number> = {};
  for (const t of REPORT_THRESHOLDS) below[t.toFixed(2)] = v.length ? v.filter((x) => x < t).length / v.length : 0;
  return { pairs: v.length, min: at(0), p1: at(0.01), p5: at(0.05), p50: at(0.5), p95: at(0.95), max: at(1), below };
}

export function euclidean(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

/** One probe as the gallery saw it: nearest identity, its distance, and the best other identity's distance. */
export interface ProbeOutcome {
  group: string;
  /** genuine: an enrolled person; stranger: strangers/; other: spoof/, no-face/, multi/ photos of nobody enrolled. */
  kind: 'genuine' | 'stranger' | 'other';
  /** Enrolled identity the probe shows (genuine probes only). */
  truth: string | null;
  /** Photo path, relative to the set. */
  photo: string;
  nearest: string;
  distance: number;
  secondDistance: number | null;
}

export interface OperatingPoint {
  threshold: number;
  margin: number;
  genuine: number;
  /** Genuine probes accepted as the right person. */
  correct: number;
  /** Genuine probes accepted as someone else. */
  wrongPerson: number;
  falseRejects: number;
  strangers: number;
  strangersAccepted: number;
  others: number;
  othersAccepted: number;
  /** wrongPerson + strangersAccepted + othersAccepted. */
  falseAccepts: number;
}

export function accepted(o: ProbeOutcome, threshold: number, margin: number): boolean {
  return o.distance <= threshold && (o.secondDistance === null || o.secondDistance - o.distance >= margin);
}

export function evaluate(outcomes: readonly ProbeOutcome[], threshold: number, margin: number): OperatingPoint {
  const p: OperatingPoint = {
    ...{ threshold, margin, genuine: 0, correct: 0, wrongPerson: 0, falseRejects: 0 },
    ...{ strangers: 0, strangersAccepted: 0, others: 0, othersAccepted: 0, falseAccepts: 0 },
  };
  for (const o of outcomes) {
    const ok = accepted(o, threshold, margin);
    if (o.kind === 'stranger') {
      p.strangers++;
      if (ok) p.strangersAccepted++;
    } else if (o.kind === 'other') {
      p.others++;
      if (ok) p.othersAccepted++;
    } else {
      p.genuine++;
      if (!ok) p.falseRejects++;
      else if (o.nearest === o.truth) p.correct++;
      else p.wrongPerson++;
    }
  }
  p.falseAccepts = p.wrongPerson + p.strangersAccepted + p.othersAccepted;
  return p;
}

export function rank1(outcomes: readonly ProbeOutcome[]): number {
  return outcomes.filter((o) => o.kind === 'genuine' && o.nearest === o.truth).length;
}

const SWEEP_MARGINS = range(0, 0.2, 0.005);

/**
 * Thresholds from 0.2 up to the farthest probe distance (0.005 steps), so a model whose distances run on a wider
 * scale (e.g. 1024-d faceres, zero-FA points near 0.7–0.9) is swept over its whole range, not cut at face-api's.
 */
function sweepThresholds(outcomes: readonly ProbeOutcome[]): number[] {
  const farthest = outcomes.reduce((m, o) => Math.max(m, o.distance), 0.7);
  return range(0.2, Math.min(2, Math.ceil(farthest * 200) / 200), 0.005);
}

/**
 * The zero-false-accept point with the most correct accepts; among equals, the lowest threshold, then the widest
 * margin (most slack against the next unseen look-alike). Null if no swept point has zero false accepts.
 */
export function zeroFalseAcceptPoint(outcomes: readonly ProbeOutcome[]): OperatingPoint | null {
  let best: OperatingPoint | null = null;
  for (const t of sweepThresholds(outcomes)) {
    for (const m of SWEEP_MARGINS) {
      const p = evaluate(outcomes, t, m);
      if (p.falseAccepts > 0) continue;
      if (!best || p.correct > best.correct || (p.correct === best.correct && (t < best.threshold || (t === best.threshold && m > best.margin)))) {
        best = p;
      }
    }
  }
  return best;
}

/** Correct accepts and false accepts over a small threshold × margin grid, for the printed summary. */
export const GRID_MARGINS = [0, 0.03, 0.05, 0.07, 0.09, 0.11];

/** Grid columns around the threshold in use: engines' distance scales differ (faceapi ~0.3–0.6, arcface ~0.8–1.1). */
export function gridThresholds(threshold: number): number[] {
  return range(threshold - 0.1, threshold + 0.1, 0.025);
}

/** The thresholds of the "by threshold" lines: the one in use and two either side. */
export function reportThresholds(threshold: number): number[] {
  return [0.1, 0.05, 0, -0.05, -0.1].map((d) => Math.round((threshold + d) * 1000) / 1000);
}

export function grid(outcomes: readonly ProbeOutcome[], threshold: number): OperatingPoint[][] {
  return GRID_MARGINS.map((m) => gridThresholds(threshold).map((t) => evaluate(outcomes, t, m)));
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) out.push(Math.round((from + i * step) * 1000) / 1000);
  return out;
}
