import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Fraction } from '../../../shared/types';
import { chineseNumeral, describeFraction, gcd } from '../../../shared/rules/fraction';

const f = (num: number, den: number, strict = false): Fraction => ({ num, den, strict });
const HALF_STRICT = f(1, 2, true);
const HALF = f(1, 2);
const TWO_THIRDS = f(2, 3);
const TWO_THIRDS_STRICT = f(2, 3, true);
const properFractionArb = fc
  .tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.boolean())
  .map(([a, b, strict]) => ({ num: Math.min(a, b), den: Math.max(a, b), strict }));

describe('describeFraction', () => {
  it.each([
    [HALF_STRICT, '过半数', 'more than half'],
    [HALF, '半数以上', 'at least half'],
    [f(2, 4, true), '过半数', 'more than half'],
    [f(50, 100), '半数以上', 'at least half'],
    [TWO_THIRDS, '三分之二以上', 'at least two thirds'],
    [TWO_THIRDS_STRICT, '超过三分之二', 'more than two thirds'],
    [f(4, 6), '三分之二以上', 'at least two thirds'],
    [f(1, 3), '三分之一以上', 'at least one third'],
    [f(3, 4), '四分之三以上', 'at least three quarters'],
    [f(1, 4, true), '超过四分之一', 'more than one quarter'],
    [f(3, 5), '五分之三以上', 'at least three fifths'],
    [f(7, 10), '十分之七以上', 'at least seven tenths'],
    [f(13, 20), '二十分之十三以上', 'at least 13/20'],
    [f(1, 100), '百分之一以上', 'at least 1/100'],
    [f(67, 100, true), '超过百分之六十七', 'more than 67/100'],
    [f(1, 1000), '千分之一以上', 'at least 1/1000'],
    [f(1, 1), '全数', 'all'],
    [f(3, 3, true), '超过全数', 'more than all'],
    [f(3, 2), '二分之三以上', 'at least 3/2'],
  ])('%o → %s / %s', (fr, zh, en) => {
    expect(describeFraction(fr)).toEqual({ zh, en });
  });

  it('throws on an invalid fraction', () => {
    expect(() => describeFraction(f(1, 0))).toThrow(RangeError);
  });

  it('says 以上 for at-least and 超过/过 for more-than, for every fraction', () => {
    fc.assert(
      fc.property(properFractionArb, (fr) => {
        const d = describeFraction(fr);
        if (fr.num === fr.den) return;
        if (fr.strict) {
          expect(d.zh.startsWith('超过') || d.zh === '过半数').toBe(true);
          expect(d.en.startsWith('more than ')).toBe(true);
        } else {
          expect(d.zh.endsWith('以上')).toBe(true);
          expect(d.en.startsWith('at least ')).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('chineseNumeral and gcd', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [2034, '二千零三十四'],
    [9999, '九千九百九十九'],
    [10000, '10000'],
    [-1, '-1'],
    [1.5, '1.5'],
  ])('%s → %s', (n, zh) => {
    expect(chineseNumeral(n)).toBe(zh);
  });

  it.each([
    [12, 18, 6],
    [7, 13, 1],
    [0, 5, 5],
    [5, 0, 5],
    [1000, 1000, 1000],
  ])('gcd(%i, %i) = %i', (a, b, g) => {
    expect(gcd(a, b)).toBe(g);
  });
});
