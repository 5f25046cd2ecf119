// Fraction thresholds (过半数, 三分之二以上 …) decided with integer arithmetic only: a float such as
// 2/3 ≈ 0.6666 can land a count on the wrong side of a boundary, which is exactly where votes are decided.
import type { Fraction } from '../types';

/** Throws a RangeError unless `n` is a non-negative safe integer (a count of people or ballots). */
export function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${String(n)}`);
  }
}

/** Throws a RangeError unless `f` has an integer numerator ≥ 0 and an integer denominator ≥ 1. */
export function assertFraction(f: Fraction): void {
  if (!Number.isSafeInteger(f.num) || f.num < 0 || !Number.isSafeInteger(f.den) || f.den < 1) {
    throw new RangeError(`invalid fraction ${String(f.num)}/${String(f.den)}`);
  }
}

/** a·b compared with c·d, exact even when the products leave the safe-integer range. */
function compareProducts(a: number, b: number, c: number, d: number): number {
  const left = a * b;
  const right = c * d;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return Math.sign(left - right);
  const diff = BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d);
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/**
 * Whether `count` reaches the fraction `f` of `base`:
 * strict → count/base > num/den (过半数 is strictly more than half), else count/base ≥ num/den.
 * Decided as count·den vs num·base, never with floats.
 *
 * A count of 0 never meets, whatever the fraction: with an empty base (no deputies in office, no
 * ballots cast) there is no quorum and nothing passes, and "0 of 0" is not a majority of anything.
 * For every base ≥ 1 and fraction with num ≥ 1 this changes nothing, because such a threshold is
 * above 0 anyway. `count` may exceed `base` (e.g. a 'present' base fixed earlier than later ballots).
 */
export function meetsFraction(count: number, base: number, f: Fraction): boolean {
  assertCount(count, 'count');
  assertCount(base, 'base');
  assertFraction(f);
  if (count === 0) return false;
  const cmp = compareProducts(count, f.den, f.num, base);
  return f.strict ? cmp > 0 : cmp >= 0;
}

/** ⌊a·b / d⌋ for non-negative integers, exact. */
function floorMulDiv(a: number, b: number, d: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    // Float division gives a first guess; the integer checks make it exact.
    let q = Math.floor(product / d);
    while (q * d > product) q -= 1;
    while ((q + 1) * d <= product) q += 1;
    return q;
  }
  return Number((BigInt(a) * BigInt(b)) / BigInt(d));
}

/**
 * The smallest count for which `meetsFraction(count, base, f)` is true: ⌊num·base/den⌋ + 1 when
 * strict, ⌈num·base/den⌉ otherwise, and never less than 1 (a count of 0 never meets).
 *
 * It can exceed `base`, which means the threshold cannot be reached with the people or ballots
 * there are: `requiredCount(0, f)` is 1 for every fraction (nothing is reached with an empty base),
 * and "more than all" (strict n/n) needs base + 1. Callers compare the result with the base to show
 * "unreachable" rather than treating it as a real target.
 */
export function requiredCount(base: number, f: Fraction): number {
  assertCount(base, 'base');
  assertFraction(f);
  const floor = floorMulDiv(f.num, base, f.den);
  const exact = floor * f.den === f.num * base;
  const least = f.strict ? floor + 1 : exact ? floor : floor + 1;
  return Math.max(1, least);
}

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 0 … 9999 in Chinese numerals (三, 十二, 一百零五, 一千); larger numbers stay in Arabic digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return ZH_DIGITS[n];
  if (n < 20) return '十' + (n % 10 === 0 ? '' : ZH_DIGITS[n % 10]);
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let pendingZero = false;
  for (const [size, name] of units) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit > 0) {
      out += (pendingZero ? '零' : '') + ZH_DIGITS[digit] + name;
      pendingZero = false;
    } else if (out !== '') {
      pendingZero = true;
    }
  }
  if (rest > 0) out += (pendingZero ? '零' : '') + ZH_DIGITS[rest];
  return out;
}

const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_PARTS: Record<number, string> = {
  3: 'third',
  4: 'quarter',
  5: 'fifth',
  6: 'sixth',
  7: 'seventh',
  8: 'eighth',
  9: 'ninth',
  10: 'tenth',
};

function englishFraction(num: number, den: number): string {
  const part = EN_PARTS[den];
  if (part === undefined || num >= den) return `${num}/${den}`;
  return `${EN_NUMBERS[num]} ${part}${num > 1 ? 's' : ''}`;
}

/**
 * The threshold in words, Chinese as the statutes say it and English: in Chinese law "以上" includes
 * the number itself, so non-strict 2/3 is 三分之二以上 and strict 1/2 is 过半数.
 * The fraction is reduced first (2/4 reads as a half). Examples:
 * 1/2 strict → 过半数 / more than half; 1/2 → 半数以上 / at least half; 2/3 → 三分之二以上 / at least
 * two thirds; 2/3 strict → 超过三分之二 / more than two thirds; 1/1 → 全数 / all.
 */
export function describeFraction(f: Fraction): { zh: string; en: string } {
  assertFraction(f);
  const g = gcd(f.num, f.den) || 1;
  const num = f.num / g;
  const den = f.den / g;
  if (num === den) return f.strict ? { zh: '超过全数', en: 'more than all' } : { zh: '全数', en: 'all' };
  if (num === 1 && den === 2) {
    return f.strict ? { zh: '过半数', en: 'more than half' } : { zh: '半数以上', en: 'at least half' };
  }
  const zhDen = den === 100 ? '百' : den === 1000 ? '千' : chineseNumeral(den);
  const zhFraction = `${zhDen}分之${chineseNumeral(num)}`;
  const en = englishFraction(num, den);
  return f.strict ? { zh: `超过${zhFraction}`, en: `more than ${en}` } : { zh: `${zhFraction}以上`, en: `at least ${en}` };
}
