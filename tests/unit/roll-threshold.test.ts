// The threshold follows the roll (issue 27, point 2): shared/face/roll-threshold.ts and the options the server's
// matcher gets for N enrolled (server/face/roll-tail.ts).
import { describe, expect, it } from 'vitest';
import { impostorExceeds, rollThreshold, strangerRate, type ImpostorTail } from '../../shared/face/roll-threshold';
import { describeOperatingPoint, oneInWords } from '../../shared/face/roll-words';
import { matchOptionsForRoll, rollOperatingPoint, ROLL_FALSE_ACCEPT_RATE, ROLL_RULE_SEVERAL } from '../../server/face/roll-tail';
import { ARCFACE_MATCH_OPTIONS, ARCFACE_MIN_COSINE_SEVERAL } from '../../server/face/match-defaults';
import { Gallery } from '../../server/face/matcher';
import { mulberry32 as seededRandom } from '../helpers/seeded-random';

const EXPONENTIAL: ImpostorTail = { u: 0.25, share: 0.05, shape: 0, scale: 0.05 };
const BOUNDED: ImpostorTail = { u: 0.27, share: 0.05, shape: -0.17, scale: 0.06 };

describe('the threshold for a roll of N', () => {
  it('per check-in, a stranger passes when any of N impostors reaches t: 1 − (1 − p)^N', () => {
    const p = impostorExceeds(EXPONENTIAL, 0.6);
    expect(p).toBeCloseTo(0.05 * Math.exp(-0.35 / 0.05), 15);
    for (const n of [1, 50, 3000]) expect(strangerRate(EXPONENTIAL, n, 0.6)).toBeCloseTo(1 - (1 - p) ** n, 12);
  });

  it('is the lowest cosine that keeps the rate: a little lower breaks it; it rises with the roll', () => {
    const rule = { tail: BOUNDED, rate: 1e-5, floor: 0, ceiling: 1 };
    let last = 0;
    for (const n of [1, 50, 300, 1000, 3000]) {
      const r = rollThreshold(rule, n);
      expect(r.met).toBe(true);
      expect(strangerRate(BOUNDED, n, r.cosine)).toBeLessThanOrEqual(1e-5 * (1 + 1e-9));
      expect(strangerRate(BOUNDED, n, r.cosine - 0.002)).toBeGreaterThan(1e-5);
      expect(r.cosine).toBeGreaterThan(last);
      last = r.cosine;
    }
  });

  it('never goes under the floor (then the rate is lower than stated) nor over the ceiling (then it is not met)', () => {
    const low = rollThreshold({ tail: EXPONENTIAL, rate: 1e-5, floor: 0.9, ceiling: 1 }, 50);
    expect(low).toMatchObject({ cosine: 0.9, met: true });
    expect(low.rate).toBeLessThan(1e-5);
    const high = rollThreshold({ tail: EXPONENTIAL, rate: 1e-5, floor: 0.5, ceiling: 0.7 }, 3000);
    expect(high).toMatchObject({ cosine: 0.7, met: false });
    expect(high.rate).toBeCloseTo(strangerRate(EXPONENTIAL, 3000, 0.7), 15);
  });

  it('the shipped rule: 1 in 100,000 per check-in, stricter at 3,000 than at 50, never laxer than the measured floor', () => {
    const [small, large] = [50, 3000].map((n) => rollOperatingPoint(n));
    expect(small.targetRate).toBe(1e-5);
    expect(ROLL_FALSE_ACCEPT_RATE).toBe(1e-5);
    expect(large.several.cosine).toBeGreaterThan(small.several.cosine);
    expect(large.one.cosine).toBeGreaterThan(small.one.cosine);
    for (const p of [small, large]) {
      expect(p.several.met && p.one.met).toBe(true);
      expect(p.several.cosine).toBeGreaterThanOrEqual(ARCFACE_MIN_COSINE_SEVERAL);
    }
  });
});

/** A unit vector at cosine c to the unit vector `to`, the rest along a random direction orthogonal to it. */
function atCosine(to: Float32Array, c: number, rnd: () => number): Float32Array {
  const r = Float32Array.from(to, () => rnd() - 0.5);
  const along = r.reduce((s, x, i) => s + x * to[i], 0);
  const orth = r.map((x, i) => x - along * to[i]);
  const n = Math.hypot(...orth);
  return Float32Array.from(to, (x, i) => c * x + Math.sqrt(1 - c * c) * (orth[i] / n));
}

describe("the matcher's decision follows the enrolled count", () => {
  it('a probe at a cosine the rule takes for 50 enrolled is refused among 3,000', () => {
    const rnd = seededRandom(27);
    const unit = () => {
      const v = Float32Array.from({ length: 512 }, () => rnd() - 0.5);
      const n = Math.hypot(...v);
      return v.map((x) => x / n);
    };
    const deputy = unit();
    const photos = [atCosine(deputy, 0.8, rnd), atCosine(deputy, 0.8, rnd)]; // a two-photo enrollment around `deputy`
    const gallery = new Gallery(512, { unitMeans: true });
    gallery.set(1, photos);
    for (let id = 2; id <= 3000; id++) gallery.set(id, [unit()]);
    const template = (() => {
      const m = photos[0].map((x, i) => x + photos[1][i]);
      const n = Math.hypot(...m);
      return m.map((x) => x / n);
    })();
    const at50 = rollThreshold(ROLL_RULE_SEVERAL, 50).cosine;
    const at3000 = rollThreshold(ROLL_RULE_SEVERAL, 3000).cosine;
    const probe = atCosine(template, (at50 + at3000) / 2, rnd);
    expect(gallery.match(probe, matchOptionsForRoll(ARCFACE_MATCH_OPTIONS, 50))).toMatchObject({ status: 'matched', identityId: 1 });
    expect(gallery.match(probe, matchOptionsForRoll(ARCFACE_MATCH_OPTIONS, gallery.size))).toMatchObject({ status: 'not_recognised', reason: 'too_far' });
  });
});

describe('in words a clerk can read', () => {
  it('names the rate and the roll', () => {
    expect(oneInWords(1e-5)).toEqual({ zh: '十万分之一', en: '1 in 100,000' });
    expect(oneInWords(1 / 3200)).toEqual({ zh: '3,200 分之一', en: '1 in 3,200' });
    const p = { ...rollOperatingPoint(3000), scaled: true };
    expect(describeOperatingPoint(p).zh).toBe('按本届 3000 名已录入人脸的代表计算，每次刷脸报到时，陌生人被误认为某位代表的概率不超过十万分之一。');
    const short = { ...p, several: { ...p.several, rate: 1 / 270, met: false } };
    expect(describeOperatingPoint(short).zh).toContain('约为270 分之一（高于目标十万分之一）');
  });
});
