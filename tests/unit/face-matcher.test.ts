import { describe, expect, it } from 'vitest';
import { Gallery } from '../../server/face/matcher.js';
import { DEFAULT_MATCH_OPTIONS } from '../../server/face/match-defaults.js';

/** A 4-d descriptor; distances below are plain Euclidean between these points. */
const v = (...xs: number[]) => Float32Array.from(xs);

function gallery(): Gallery {
  const g = new Gallery(4);
  g.set(1, [v(0, 0, 0, 0)]);
  g.set(2, [v(1, 0, 0, 0)]);
  g.set(3, [v(0, 1, 0, 0), v(0, 3, 0, 0)]); // two photos: nearest at (0,1), mean at (0,2)
  return g;
}

describe('Gallery.match', () => {
  it('accepts the nearest identity within the threshold and a clear margin', () => {
    const r = gallery().match(v(0.1, 0, 0, 0), { threshold: 0.3, margin: 0.2 });
    expect(r).toMatchObject({ status: 'matched', identityId: 1 });
    if (r.status !== 'matched') return;
    expect(r.distance).toBeCloseTo(0.1, 6);
    expect(r.secondDistance).toBeCloseTo(0.9, 6);
    expect(r.margin).toBeCloseTo(0.8, 6);
  });

  it('refuses a probe beyond the threshold as too_far, still naming the nearest for the audit log', () => {
    const r = gallery().match(v(0, 0, 0.5, 0), { threshold: 0.4, margin: 0 });
    expect(r).toMatchObject({ status: 'not_recognised', reason: 'too_far', identityId: 1 });
    expect(r.distance).toBeCloseTo(0.5, 6);
  });

  it('holds a person enrolled with several photos to thresholdSeveral, one enrolled with one photo to threshold', () => {
    // #3 has two photos (mean at (0,2)); #1 one photo at the origin.
    const opts = { threshold: 0.5, thresholdSeveral: 0.3, margin: 0, strategy: 'mean' as const };
    expect(gallery().match(v(0, 2.4, 0, 0), opts)).toMatchObject({ status: 'not_recognised', reason: 'too_far', identityId: 3 });
    expect(gallery().match(v(0, 2.2, 0, 0), opts)).toMatchObject({ status: 'matched', identityId: 3 });
    expect(gallery().match(v(0, 0, 0.4, 0), opts)).toMatchObject({ status: 'matched', identityId: 1 });
  });

  it('rescales each mean to unit length for unit-length descriptors (unitMeans)', () => {
    const g = new Gallery(2, { unitMeans: true });
    g.set(1, [v(1, 0), v(0, 1)]); // mean (0.5, 0.5) → (0.707, 0.707)
    const r = g.match(v(Math.SQRT1_2, Math.SQRT1_2), { threshold: 0.01, margin: 0, strategy: 'mean' });
    expect(r).toMatchObject({ status: 'matched', identityId: 1 });
    expect(r.distance).toBeCloseTo(0, 6);
  });

  it('accepts at exactly the threshold', () => {
    expect(gallery().match(v(0, 0, 0.5, 0), { threshold: 0.5, margin: 0 }).status).toBe('matched');
  });

  it('refuses a probe between two identities as ambiguous when the margin is not met', () => {
    const probe = v(0.45, 0, 0, 0); // 0.45 from #1, 0.55 from #2
    expect(gallery().match(probe, { threshold: 0.6, margin: 0.15 })).toMatchObject({ status: 'not_recognised', reason: 'ambiguous', identityId: 1 });
    expect(gallery().match(probe, { threshold: 0.6, margin: 0.05 })).toMatchObject({ status: 'matched', identityId: 1 });
  });

  it('takes the second distance from another identity, never from the same person\'s other photo', () => {
    const g = new Gallery(2);
    g.set(7, [v(0, 0), v(0.05, 0)]);
    g.set(8, [v(3, 0)]);
    const r = g.match(v(0, 0), { threshold: 0.5, margin: 0.5 });
    expect(r).toMatchObject({ status: 'matched', identityId: 7 });
    expect(r.secondDistance).toBeCloseTo(3, 6);
  });

  it("'best' uses an identity's nearest photo, 'mean' the mean of its photos", () => {
    // #3 has photos at (0,1) and (0,3): nearest-photo distance from (0,2) is 1, distance to their mean (0,2) is 0.
    const probe = v(0, 2, 0, 0);
    const best = gallery().match(probe, { threshold: 0.1, margin: 0, strategy: 'best' });
    expect(best).toMatchObject({ status: 'not_recognised', reason: 'too_far', identityId: 3 });
    expect(best.distance).toBeCloseTo(1, 6);
    const mean = gallery().match(probe, { threshold: 0.1, margin: 0, strategy: 'mean' });
    expect(mean).toMatchObject({ status: 'matched', identityId: 3 });
    expect(mean.distance).toBeCloseTo(0, 6);
    expect(gallery().match(v(0, 1, 0, 0), { threshold: 0.1, margin: 0 })).toMatchObject({ status: 'matched', identityId: 3 }); // 'best' is the default
  });

  it('restrictTo leaves other identities out, as nearest and as second', () => {
    const probe = v(0.45, 0, 0, 0);
    const r = gallery().match(probe, { threshold: 0.6, margin: 0.15, restrictTo: new Set([2, 3]) });
    expect(r).toMatchObject({ status: 'matched', identityId: 2 });
    expect(gallery().match(probe, { threshold: 0.6, margin: 0.15, restrictTo: new Set([99]) })).toEqual({ status: 'not_recognised', reason: 'empty_gallery' });
  });

  it('a lone identity is matched on the threshold alone, with no second distance', () => {
    const r = gallery().match(v(0.1, 0, 0, 0), { threshold: 0.3, margin: 0.2, restrictTo: new Set([1]) });
    expect(r).toEqual({ status: 'matched', identityId: 1, distance: expect.closeTo(0.1, 6), secondDistance: null, margin: null });
  });

  it('remove() and set() take effect on the next match; an empty gallery says so', () => {
    const g = gallery();
    expect(g.size).toBe(3);
    expect(g.remove(1)).toBe(true);
    expect(g.remove(1)).toBe(false);
    expect(g.size).toBe(2);
    expect(g.match(v(0, 0, 0, 0), { threshold: 1.01, margin: 0 })).toMatchObject({ status: 'matched', identityId: 2 });
    g.set(2, [v(5, 5, 5, 5)]); // replaces, not appends
    expect(g.match(v(1, 0, 0, 0), { threshold: 0.5, margin: 0 }).status).toBe('not_recognised');
    g.set(2, []);
    g.remove(3);
    expect(g.size).toBe(0);
    expect(g.match(v(0, 0, 0, 0), DEFAULT_MATCH_OPTIONS)).toEqual({ status: 'not_recognised', reason: 'empty_gallery' });
  });

  it('copies descriptors on set(), so a caller reusing its buffer cannot change the gallery', () => {
    const g = new Gallery(2);
    const d = v(0, 0);
    g.set(1, [d]);
    d[0] = 9;
    expect(g.match(v(0, 0), { threshold: 0.1, margin: 0 }).status).toBe('matched');
  });

  it('refuses descriptors of the wrong length', () => {
    expect(() => gallery().match(v(0, 0), { threshold: 1, margin: 0 })).toThrow(/4/);
    expect(() => gallery().set(5, [v(1, 2, 3)])).toThrow(/4/);
  });

  it('matches 1:3000 (3 photos each, 128-d) in a few ms', () => {
    const g = new Gallery(128);
    let seed = 1;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
    const make = () => Float32Array.from({ length: 128 }, rnd);
    for (let id = 1; id <= 3000; id++) g.set(id, [make(), make(), make()]);
    const probe = make();
    g.match(probe, DEFAULT_MATCH_OPTIONS); // first call builds the contiguous storage
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) g.match(probe, DEFAULT_MATCH_OPTIONS);
    expect((performance.now() - t0) / 20).toBeLessThan(20); // ~1–2 ms here; generous for a loaded CI box
  });
});
