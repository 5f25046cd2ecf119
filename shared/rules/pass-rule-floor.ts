// Whether a vote's own pass rule is allowed: never easier to pass than the body's rule for that kind of vote.
// The body's rules start at the law (全体代表的过半数, shared/DESIGN.md); only an admin may change them, so a
// chair cannot pass a resolution with "1/1000 of ballots cast" unless an admin widened the body's rules first.
import type { Fraction, PassBase, PassRule } from '../types';
import { assertFraction } from './fraction';

/** Bases by size: deputies in office ≥ deputies present ≥ ballots cast, whatever happens in a sitting. */
const BASE_SIZE: Readonly<Record<PassBase, number>> = Object.freeze({ all: 2, present: 1, cast: 0 });

/** Whether `a` asks at least as much as `b`: a larger share, or the same share and strict where `b` is strict. */
export function fractionAtLeast(a: Fraction, b: Fraction): boolean {
  assertFraction(a);
  assertFraction(b);
  const left = BigInt(a.num) * BigInt(b.den);
  const right = BigInt(b.num) * BigInt(a.den);
  if (left !== right) return left > right;
  return a.strict || !b.strict;
}

/**
 * Whether `rule` is at least as hard to pass as `floor` in every sitting: its base is no smaller and its share
 * no lower. A rule on a smaller base is refused even with a larger share (2/3 of those present can be 4/9 of
 * all deputies, below 过半数 of all), so the check never depends on who turns up.
 */
export function passRuleAllowed(rule: PassRule, floor: PassRule): boolean {
  return BASE_SIZE[rule.base] >= BASE_SIZE[floor.base] && fractionAtLeast(rule.fraction, floor.fraction);
}
