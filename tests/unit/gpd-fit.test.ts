// The impostor-tail model's fit (tests/tools/face-eval/gpd.ts) recovers known parameters from synthetic samples.
import { describe, expect, it } from 'vitest';
import { fitGpd, gpdInverseSurvival, gpdSurvival } from '../tools/face-eval/gpd';
import { mulberry32 } from '../helpers/seeded-random';

/** Seeded uniforms in (0, 1), so the test is the same on every run. */
function uniforms(seed: number, n: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => random() || 1e-12);
}

describe('fitGpd (probability-weighted moments)', () => {
  for (const truth of [
    { shape: -0.3, scale: 0.04 }, // bounded, as cosine similarities are
    { shape: 0, scale: 0.05 },
    { shape: 0.2, scale: 0.02 },
  ]) {
    it(`recovers ξ=${truth.shape}, σ=${truth.scale} from 20,000 samples`, () => {
      const sample = uniforms(7, 20_000).map((u) => gpdInverseSurvival(u, truth));
      const fit = fitGpd(sample);
      expect(fit.shape).toBeCloseTo(truth.shape, 1);
      expect(Math.abs(fit.scale - truth.scale) / truth.scale).toBeLessThan(0.05);
    });
  }

  it('tells a bounded tail from a heavy one with 300 samples (the size of our exceedance sets)', () => {
    const bounded = fitGpd(uniforms(1, 300).map((u) => gpdInverseSurvival(u, { shape: -0.4, scale: 0.05 })));
    const heavy = fitGpd(uniforms(2, 300).map((u) => gpdInverseSurvival(u, { shape: 0.3, scale: 0.05 })));
    expect(bounded.shape).toBeLessThan(-0.15);
    expect(heavy.shape).toBeGreaterThan(0.1);
  });

  it('refuses too few excesses', () => {
    expect(() => fitGpd([0.1, 0.2])).toThrow(/at least 10/);
  });
});

describe('gpdSurvival', () => {
  it('is the exponential at ξ = 0, zero past a bounded tail’s endpoint, and inverts gpdInverseSurvival', () => {
    expect(gpdSurvival(0.1, { shape: 0, scale: 0.1 })).toBeCloseTo(Math.exp(-1), 12);
    expect(gpdSurvival(0.26, { shape: -0.5, scale: 0.1 })).toBe(0); // endpoint σ/|ξ| = 0.2
    for (const fit of [{ shape: -0.3, scale: 0.04 }, { shape: 0.2, scale: 0.02 }]) {
      expect(gpdSurvival(gpdInverseSurvival(1e-6, fit), fit)).toBeCloseTo(1e-6, 12);
    }
  });
});
