// The roll-size arithmetic of face:eval (tests/tools/face-eval/impostor-tail.ts) on synthetic impostor cosines.
import { describe, expect, it } from 'vitest';
import { gpdInverseSurvival } from '../tools/face-eval/gpd';
import { cosineBehind, empiricalExceed, exceed, fitTail, genuineAccepted, strangerPasses, wrongDeputyPasses } from '../tools/face-eval/impostor-tail';

// 20,000 "impostor cosines": a body from −0.1 to 0.3 and a known GPD tail above it (ξ = −0.25, σ = 0.05, top 10%).
const TAIL = { shape: -0.25, scale: 0.05 };
const cosines: number[] = [];
for (let i = 0; i < 18_000; i++) cosines.push(((i + 0.5) / 18_000) * 0.4 - 0.1);
for (let i = 0; i < 2_000; i++) cosines.push(0.3 + gpdInverseSurvival((i + 0.5) / 2_000, TAIL));
const model = fitTail(cosines, 0.1);

describe('impostor tail', () => {
  it('fits the known tail and agrees with the counted tail where both exist', () => {
    expect(model.fit.shape).toBeCloseTo(TAIL.shape, 1);
    for (const t of [0.33, 0.36, 0.4]) expect(exceed(model, t) / empiricalExceed(model, t)).toBeGreaterThan(0.85);
    for (const t of [0.33, 0.36, 0.4]) expect(exceed(model, t) / empiricalExceed(model, t)).toBeLessThan(1.15);
  });

  it('without a margin a stranger passes when any of N impostors reaches t: 1 − (1 − p)^N', () => {
    const p = exceed(model, 0.4);
    for (const n of [50, 3000]) expect(strangerPasses(model, n, 0.4, 0)).toBeCloseTo(1 - (1 - p) ** n, 10);
  });

  it('a margin only removes passes, and more of them on a larger roll (more runners-up close behind)', () => {
    const [small, large] = [50, 3000].map((n) => [strangerPasses(model, n, 0.4, 0.06) / strangerPasses(model, n, 0.4, 0)]);
    expect(small[0]).toBeLessThan(1);
    expect(small[0]).toBeGreaterThan(0);
    expect(large[0]).toBeLessThan(small[0]);
  });

  it('a deputy far above every impostor is always accepted as themself and never taken for another', () => {
    expect(genuineAccepted(model, [0.95], 3000, 0.5, 0.06)).toBeCloseTo(1, 6);
    expect(wrongDeputyPasses(model, [0.95], 3000, 0.5, 0.06)).toBe(0);
    expect(genuineAccepted(model, [0.45], 3000, 0.5, 0.06)).toBe(0); // under the threshold
  });

  it('cosineBehind is the cosine at distance d + margin on unit vectors', () => {
    expect(cosineBehind(0.5, 0)).toBeCloseTo(0.5, 12);
    expect(cosineBehind(0.5, 0.06)).toBeCloseTo(1 - (1 + 0.06) ** 2 / 2, 12); // d(0.5) = 1
  });
});
