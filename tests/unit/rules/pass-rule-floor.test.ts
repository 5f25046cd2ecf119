// A vote's pass rule may be harder to meet than the body's rule, never easier (shared/rules/pass-rule-floor).
import { describe, expect, it } from 'vitest';
import { AT_LEAST_HALF, AT_LEAST_TWO_THIRDS, DEFAULT_BODY_RULES, MORE_THAN_HALF, fractionAtLeast, passRuleAllowed } from '../../../shared/rules';
import type { PassRule } from '../../../shared/types';

const law = DEFAULT_BODY_RULES.resolutionPass; // 全体代表的过半数
const rule = (base: PassRule['base'], num: number, den: number, strict: boolean): PassRule => ({ base, fraction: { num, den, strict } });

describe('pass rule floor', () => {
  it.each([
    ['the law itself', law, true],
    ['2/3 of all deputies', rule('all', 2, 3, false), true],
    ['all deputies, unanimous', rule('all', 1, 1, false), true],
    ['at least half of all (half passes)', rule('all', 1, 2, false), false],
    ['2/3 of those present (can be 4/9 of all)', rule('present', 2, 3, false), false],
    ['more than half of ballots cast', rule('cast', 1, 2, true), false],
    ['1/1000 of ballots cast (the review\'s attack)', rule('cast', 1, 1000, false), false],
    ['999/1000 of ballots cast', rule('cast', 999, 1000, true), false],
    ['2/4 of all, strict (same share as 1/2)', rule('all', 2, 4, true), true],
  ])('%s → allowed: %s', (_label, r, allowed) => {
    expect(passRuleAllowed(r, law)).toBe(allowed);
  });

  it('follows a floor an admin widened: anything on ballots cast at or above the new share', () => {
    const widened = rule('cast', 1, 1000, false);
    expect(passRuleAllowed(rule('cast', 1, 1000, false), widened)).toBe(true);
    expect(passRuleAllowed(rule('present', 1, 2, true), widened)).toBe(true);
    expect(passRuleAllowed(rule('cast', 1, 1001, false), widened)).toBe(false);
  });

  it('orders fractions exactly, strict above not strict at the same share', () => {
    expect(fractionAtLeast(MORE_THAN_HALF, AT_LEAST_HALF)).toBe(true);
    expect(fractionAtLeast(AT_LEAST_HALF, MORE_THAN_HALF)).toBe(false);
    expect(fractionAtLeast(AT_LEAST_TWO_THIRDS, MORE_THAN_HALF)).toBe(true);
    expect(fractionAtLeast({ num: 333, den: 1000, strict: true }, { num: 1, den: 3, strict: false })).toBe(false);
  });
});
