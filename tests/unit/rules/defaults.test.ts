import { describe, expect, it } from 'vitest';
import type { PassRule } from '../../../shared/types';
import { DEFAULT_BODY_RULES } from '../../../shared/rules/defaults';
import { PASS_BASE_LABELS, describePassRule } from '../../../shared/rules/describe';
import { countInOffice, isInOffice } from '../../../shared/rules/electorate';
import { meetsFraction } from '../../../shared/rules/fraction';

describe('DEFAULT_BODY_RULES', () => {
  it('has the statutory defaults', () => {
    expect(DEFAULT_BODY_RULES).toEqual({
      quorum: { num: 2, den: 3, strict: false },
      resolutionPass: { base: 'all', fraction: { num: 1, den: 2, strict: true } },
      electionPass: { base: 'all', fraction: { num: 1, den: 2, strict: true } },
      projectPass: { base: 'all', fraction: { num: 1, den: 2, strict: true } },
      ratingVerdict: {
        base: 'all',
        satisfied: { num: 1, den: 2, strict: false },
        basicallySatisfied: { num: 1, den: 2, strict: false },
      },
      showNotVoted: true,
      // NPC practice: a resolution's result is on the big screen at close, an election's once announced (issue 23).
      screenResultAt: { resolution: 'close', project: 'close', election: 'announce', rating: 'announce' },
    });
  });

  it('means 全体代表的过半数: 50 of 100 fails, 51 passes', () => {
    const f = DEFAULT_BODY_RULES.resolutionPass.fraction;
    expect(meetsFraction(50, 100, f)).toBe(false);
    expect(meetsFraction(51, 100, f)).toBe(true);
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_BODY_RULES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_BODY_RULES.quorum)).toBe(true);
    expect(Object.isFrozen(DEFAULT_BODY_RULES.ratingVerdict)).toBe(true);
    expect(() => {
      (DEFAULT_BODY_RULES.quorum as { num: number }).num = 1;
    }).toThrow(TypeError);
  });

  it('can be copied and overridden per body', () => {
    const rules = { ...structuredClone(DEFAULT_BODY_RULES), showNotVoted: false };
    rules.quorum.num = 1;
    expect(rules.quorum.num).toBe(1);
    expect(DEFAULT_BODY_RULES.quorum.num).toBe(2);
  });
});

describe('describePassRule', () => {
  it.each<[PassRule, string, string]>([
    [DEFAULT_BODY_RULES.resolutionPass, '全体代表的过半数', 'more than half of all deputies'],
    [{ base: 'present', fraction: { num: 2, den: 3, strict: false } }, '出席代表的三分之二以上', 'at least two thirds of deputies present'],
    [{ base: 'cast', fraction: { num: 1, den: 2, strict: false } }, '所投票数的半数以上', 'at least half of ballots cast'],
  ])('%o → %s', (rule, zh, en) => {
    expect(describePassRule(rule)).toEqual({ zh, en });
  });

  it('labels every base', () => {
    expect(Object.keys(PASS_BASE_LABELS).sort()).toEqual(['all', 'cast', 'present']);
  });
});

describe('electorate', () => {
  it.each([
    ['active', true],
    ['suspended', false],
    ['terminated', false],
  ] as const)('%s in office → %s', (status, expected) => {
    expect(isInOffice(status)).toBe(expected);
  });

  it('counts only active deputies', () => {
    expect(countInOffice([])).toBe(0);
    expect(
      countInOffice([{ status: 'active' }, { status: 'suspended' }, { status: 'active' }, { status: 'terminated' }, { status: 'active' }]),
    ).toBe(3);
    expect(countInOffice([{ status: 'suspended' }, { status: 'terminated' }])).toBe(0);
  });
});
