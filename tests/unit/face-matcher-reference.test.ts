// The gallery's fast distance (‖p‖² + ‖r‖² − 2·p·r, four accumulators) against the plain definition: same decisions,
// same identities, distances within float rounding, for unit-length descriptors (arcface) and others (faceapi's are not
// unit length), 'best' and 'mean', several photos per person, dimensions that are not a multiple of four.
import { describe, expect, it } from 'vitest';
import { Gallery, type MatchOptions, type MatchResult } from '../../server/face/matcher.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomVector(next: () => number, dim: number, unit: boolean): Float32Array {
  const v = Float32Array.from({ length: dim }, () => next() * 2 - 1 + (unit ? 0 : 0.3));
  if (!unit) return v.map((x) => x * 0.2); // faceapi-like: norm ~1.5–3, not 1
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

const nudge = (next: () => number, v: Float32Array, noise: number) => v.map((x) => x + (next() - 0.5) * 2 * noise);

/** The plain definition: sqrt of Σ(p−r)², nearest row ('best') or the identity's mean ('mean'), then the rules. */
function reference(people: Map<number, Float32Array[]>, probe: Float32Array, opts: MatchOptions, unitMeans: boolean): MatchResult {
  const scored: { id: number; d: number; several: boolean }[] = [];
  for (const [id, rows] of people) {
    if (opts.restrictTo && !opts.restrictTo.has(id)) continue;
    const templates = opts.strategy === 'mean' ? [meanOf(rows, unitMeans)] : rows;
    const d = Math.min(...templates.map((r) => Math.sqrt(r.reduce((s, x, i) => s + (probe[i]! - x) ** 2, 0))));
    scored.push({ id, d, several: rows.length > 1 });
  }
  scored.sort((a, b) => a.d - b.d);
  const [first, next] = scored;
  if (!first) return { status: 'not_recognised', reason: 'empty_gallery' };
  const secondDistance = next ? next.d : null;
  const margin = secondDistance === null ? null : secondDistance - first.d;
  const found = { identityId: first.id, distance: first.d, secondDistance, margin };
  const threshold = first.several && opts.thresholdSeveral !== undefined ? opts.thresholdSeveral : opts.threshold;
  if (first.d > threshold) return { status: 'not_recognised', reason: 'too_far', ...found };
  if (margin !== null && margin < opts.margin) return { status: 'not_recognised', reason: 'ambiguous', ...found };
  return { status: 'matched', ...found };
}

const means = new WeakMap<Float32Array[], Float32Array>();
function meanOf(rows: Float32Array[], unit: boolean): Float32Array {
  const known = means.get(rows);
  if (known) return known;
  const m = rows[0]!.map((_, i) => rows.reduce((s, r) => s + r[i]!, 0) / rows.length);
  const n = Math.hypot(...m);
  const mean = unit && n > 0 ? m.map((x) => x / n) : m;
  means.set(rows, mean);
  return mean;
}

function expectSame(got: MatchResult, want: MatchResult): void {
  expect({ status: got.status, reason: 'reason' in got ? got.reason : undefined, id: got.identityId }).toEqual({
    status: want.status,
    reason: 'reason' in want ? want.reason : undefined,
    id: want.identityId,
  });
  for (const key of ['distance', 'secondDistance', 'margin'] as const) {
    if (want[key] === null || want[key] === undefined) expect(got[key]).toBe(want[key]);
    else expect(Math.abs(got[key]! - want[key]!)).toBeLessThan(2e-6);
  }
}

const cases = [
  { name: 'unit-length 512-d (arcface)', dim: 512, unit: true, threshold: 0.9, margin: 0.05 },
  { name: 'unit-length 130-d (not a multiple of four)', dim: 130, unit: true, threshold: 0.9, margin: 0.05 },
  { name: 'not unit length, 128-d (faceapi)', dim: 128, unit: false, threshold: 0.45, margin: 0.03 },
  { name: 'not unit length, 7-d', dim: 7, unit: false, threshold: 0.1, margin: 0.01 },
];

describe('Gallery.match against the plain distance', () => {
  for (const c of cases) {
    for (const strategy of ['best', 'mean'] as const) {
      it(`${c.name}, '${strategy}': same decisions and distances`, () => {
        const next = rng(c.dim * 7 + (strategy === 'mean' ? 1 : 0));
        const people = new Map<number, Float32Array[]>();
        const gallery = new Gallery(c.dim, { unitMeans: c.unit });
        for (let id = 1; id <= 60; id++) {
          const base = randomVector(next, c.dim, c.unit);
          const rows = Array.from({ length: 1 + (id % 3) }, (_, k) => (k === 0 ? base : nudge(next, base, 0.02)));
          people.set(id, rows);
          gallery.set(id, rows);
        }
        // A look-alike of #1, so some probes are ambiguous.
        const twin = [nudge(next, people.get(1)![0]!, 0.01)];
        people.set(61, twin);
        gallery.set(61, twin);
        const opts: MatchOptions = { threshold: c.threshold, thresholdSeveral: c.threshold * 0.9, margin: c.margin, strategy };
        const restricted = { ...opts, restrictTo: new Set([1, 2, 3, 61, 999]) };
        const seen = new Set<string>();
        for (let n = 0; n < 300; n++) {
          const own = people.get(1 + (n % 61))![0]!;
          const probe = n % 5 === 0 ? randomVector(next, c.dim, c.unit) : nudge(next, own, (n % 4) * 0.015);
          for (const o of [opts, restricted]) {
            const got = gallery.match(probe, o);
            expectSame(got, reference(people, probe, o, c.unit));
            seen.add('reason' in got ? got.reason : got.status);
          }
        }
        expect([...seen].sort()).toEqual(['ambiguous', 'matched', 'too_far']); // every decision was exercised
      });
    }
  }

  it('gives distance 0, not NaN, for a probe equal to an enrolled descriptor (rounding below zero)', () => {
    const next = rng(42);
    for (const unit of [true, false]) {
      const gallery = new Gallery(512, { unitMeans: unit });
      const rows = Array.from({ length: 20 }, () => randomVector(next, 512, unit));
      rows.forEach((r, i) => gallery.set(i + 1, [r]));
      for (const [i, r] of rows.entries()) {
        for (const strategy of ['best', 'mean'] as const) {
          const got = gallery.match(r, { threshold: 0.5, margin: 0.1, strategy });
          expect(got).toMatchObject({ status: 'matched', identityId: i + 1 });
          expect(got.distance).toBeGreaterThanOrEqual(0);
          expect(got.distance).toBeLessThan(1e-3);
        }
      }
    }
  });
});
