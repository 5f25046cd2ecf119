import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Fraction } from '../../../shared/types';
import { meetsFraction, requiredCount } from '../../../shared/rules/fraction';

const f = (num: number, den: number, strict = false): Fraction => ({ num, den, strict });
const HALF_STRICT = f(1, 2, true);
const HALF = f(1, 2);
const TWO_THIRDS = f(2, 3);
const TWO_THIRDS_STRICT = f(2, 3, true);

/** Reference with BigInt rationals, written independently of the implementation. */
function reference(count: number, base: number, fr: Fraction): boolean {
  if (count === 0) return false;
  const l = BigInt(count) * BigInt(fr.den);
  const r = BigInt(fr.num) * BigInt(base);
  return fr.strict ? l > r : l >= r;
}

const fractionArb = fc.record({ num: fc.integer({ min: 1, max: 1000 }), den: fc.integer({ min: 1, max: 1000 }), strict: fc.boolean() });
const properFractionArb = fc
  .tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.boolean())
  .map(([a, b, strict]) => ({ num: Math.min(a, b), den: Math.max(a, b), strict }));

describe('meetsFraction', () => {
  it.each([
    // exactly half: 过半数 (strict) fails, 半数以上 (non-strict) passes
    [50, 100, HALF_STRICT, false],
    [51, 100, HALF_STRICT, true],
    [50, 100, HALF, true],
    [49, 100, HALF, false],
    [1, 2, HALF_STRICT, false],
    [2, 2, HALF_STRICT, true],
    [1, 2, HALF, true],
    [2, 3, HALF_STRICT, true],
    [1, 3, HALF_STRICT, false],
    [1, 1, HALF_STRICT, true],
    [2, 4, HALF_STRICT, false],
    [3, 5, HALF_STRICT, true],
    [1501, 3000, HALF_STRICT, true],
    [1500, 3000, HALF_STRICT, false],
    [1500, 2999, HALF_STRICT, true],
    [1499, 2999, HALF_STRICT, false],
    // 2/3 boundaries for 3, 30, 2999, 3000 deputies
    [2, 3, TWO_THIRDS, true],
    [1, 3, TWO_THIRDS, false],
    [3, 3, TWO_THIRDS, true],
    [20, 30, TWO_THIRDS, true],
    [19, 30, TWO_THIRDS, false],
    [2000, 2999, TWO_THIRDS, true],
    [1999, 2999, TWO_THIRDS, false],
    [2000, 3000, TWO_THIRDS, true],
    [1999, 3000, TWO_THIRDS, false],
    [2, 3, TWO_THIRDS_STRICT, false],
    [3, 3, TWO_THIRDS_STRICT, true],
    [20, 30, TWO_THIRDS_STRICT, false],
    [21, 30, TWO_THIRDS_STRICT, true],
    [2000, 2999, TWO_THIRDS_STRICT, true],
    [1999, 2999, TWO_THIRDS_STRICT, false],
    [2000, 3000, TWO_THIRDS_STRICT, false],
    [2001, 3000, TWO_THIRDS_STRICT, true],
    // base 0 and count 0: nothing is reached
    [0, 0, HALF, false],
    [0, 0, HALF_STRICT, false],
    [0, 0, TWO_THIRDS, false],
    [0, 0, f(0, 1), false],
    [0, 10, f(0, 1), false],
    [0, 1, HALF, false],
    // a count above its base (a 'present' base fixed before later ballots)
    [5, 3, HALF_STRICT, true],
    [1, 0, HALF_STRICT, true],
    // where floats go wrong: 0.7 * 10 = 7.000000000000001, 0.1 * 30 = 3.0000000000000004
    [7, 10, f(7, 10), true],
    [3, 30, f(1, 10), true],
    [29, 100, f(29, 100), true],
    [57, 100, f(57, 100), true],
    // all and more-than-all
    [5, 5, f(1, 1), true],
    [4, 5, f(1, 1), false],
    [5, 5, f(1, 1, true), false],
    [5, 5, f(2, 2, true), false],
  ])('%i of %i with %o → %s', (count, base, fr, expected) => {
    expect(meetsFraction(count, base, fr)).toBe(expected);
  });

  it('is exact beyond the safe-integer range of the products', () => {
    const big = 2 ** 52;
    expect(meetsFraction(big, big, f(999, 1000))).toBe(true);
    expect(meetsFraction(big / 2, big, f(500, 1000, true))).toBe(false);
    expect(meetsFraction(big / 2 + 1, big, f(500, 1000, true))).toBe(true);
    expect(meetsFraction(big / 2, big, f(500, 1000))).toBe(true);
  });

  it.each([
    [-1, 10, HALF],
    [1.5, 10, HALF],
    [Number.NaN, 10, HALF],
    [1, -1, HALF],
    [1, 2.5, HALF],
    [1, Infinity, HALF],
    [1, 2, f(1, 0)],
    [1, 2, f(-1, 2)],
    [1, 2, f(1.5, 2)],
    [1, 2, f(1, Number.NaN)],
  ])('throws a RangeError on %s of %s with %o', (count, base, fr) => {
    expect(() => meetsFraction(count, base, fr)).toThrow(RangeError);
  });

  it('agrees with an exact BigInt reference', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), fractionArb, (count, base, fr) => {
        expect(meetsFraction(count, base, fr)).toBe(reference(count, base, fr));
      }),
      { numRuns: 500 },
    );
  });

  it('is monotone in count', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), fractionArb, (count, base, fr) => {
        if (meetsFraction(count, base, fr)) expect(meetsFraction(count + 1, base, fr)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is anti-monotone in base', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), fractionArb, (count, base, fr) => {
        if (meetsFraction(count, base + 1, fr)) expect(meetsFraction(count, base, fr)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('strict implies non-strict, and they differ only on exact equality', () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.nat(3000), fractionArb, (count, base, fr) => {
        const strict = meetsFraction(count, base, { ...fr, strict: true });
        const loose = meetsFraction(count, base, { ...fr, strict: false });
        if (strict) expect(loose).toBe(true);
        if (loose && !strict) expect(count * fr.den).toBe(fr.num * base);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on how the fraction is written (k·num / k·den)', () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.nat(3000), fractionArb, fc.integer({ min: 2, max: 50 }), (count, base, fr, k) => {
        expect(meetsFraction(count, base, { ...fr, num: fr.num * k, den: fr.den * k })).toBe(meetsFraction(count, base, fr));
      }),
      { numRuns: 200 },
    );
  });

  it('never lets both sides of a split have 过半数', () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.nat(3000), (a, b) => {
        const base = a + b;
        expect(meetsFraction(a, base, HALF_STRICT) && meetsFraction(b, base, HALF_STRICT)).toBe(false);
        if (base > 0) expect(meetsFraction(a, base, HALF) || meetsFraction(b, base, HALF)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('requiredCount', () => {
  it.each([
    [100, HALF_STRICT, 51],
    [100, HALF, 50],
    [101, HALF_STRICT, 51],
    [101, HALF, 51],
    [1, HALF_STRICT, 1],
    [2, HALF_STRICT, 2],
    [3, HALF_STRICT, 2],
    [3, TWO_THIRDS, 2],
    [30, TWO_THIRDS, 20],
    [2999, TWO_THIRDS, 2000],
    [3000, TWO_THIRDS, 2000],
    [3, TWO_THIRDS_STRICT, 3],
    [30, TWO_THIRDS_STRICT, 21],
    [2999, TWO_THIRDS_STRICT, 2000],
    [3000, TWO_THIRDS_STRICT, 2001],
    [10, f(7, 10), 7],
    [30, f(1, 10), 3],
    [5, f(1, 1), 5],
    [5, f(1, 1, true), 6],
    [5, f(0, 1), 1],
    [5, f(0, 1, true), 1],
    [0, HALF, 1],
    [0, HALF_STRICT, 1],
    [0, TWO_THIRDS, 1],
    [0, f(1, 1, true), 1],
    [10, f(3, 2), 15],
  ])('base %i with %o needs %i', (base, fr, expected) => {
    expect(requiredCount(base, fr)).toBe(expected);
  });

  it('is exact for large bases', () => {
    const big = 2 ** 52;
    expect(requiredCount(big, f(500, 1000, true))).toBe(big / 2 + 1);
    expect(requiredCount(big, f(1, 2))).toBe(big / 2);
    expect(requiredCount(3 * 2 ** 40, f(2, 3))).toBe(2 * 2 ** 40);
  });

  it('throws a RangeError on bad input', () => {
    expect(() => requiredCount(-1, HALF)).toThrow(RangeError);
    expect(() => requiredCount(1.2, HALF)).toThrow(RangeError);
    expect(() => requiredCount(10, f(1, 0))).toThrow(RangeError);
  });

  it('is the least count that meets the fraction', () => {
    fc.assert(
      fc.property(fc.nat(5000), fractionArb, (base, fr) => {
        const r = requiredCount(base, fr);
        expect(meetsFraction(r, base, fr)).toBe(true);
        expect(r >= 1).toBe(true);
        if (r > 1) expect(meetsFraction(r - 1, base, fr)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('splits all counts: c meets exactly when c ≥ requiredCount', () => {
    fc.assert(
      fc.property(fc.nat(400), fractionArb, (base, fr) => {
        const r = requiredCount(base, fr);
        for (let c = 0; c <= base + 2; c += 1) expect(meetsFraction(c, base, fr)).toBe(c >= r);
      }),
      { numRuns: 100 },
    );
  });

  it('is reachable (≤ base) for a proper fraction and a non-empty base, unless "more than all"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), properFractionArb, (base, fr) => {
        const r = requiredCount(base, fr);
        if (fr.num === fr.den && fr.strict) expect(r).toBe(base + 1);
        else expect(r <= base).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
