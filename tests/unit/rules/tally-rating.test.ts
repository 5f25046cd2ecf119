import { describe, expect, it } from 'vitest';
import type { BallotContent, RatingVerdictRule } from '../../../shared/types';
import { computeResult } from '../../../shared/rules/tally';
import type { RatingResult } from '../../../shared/rules/result-types';
import { DEFAULT_VERDICT, ballot, many, spec } from './helpers';

function rate(ballots: BallotContent[], inOffice = 10, verdict: RatingVerdictRule | undefined = DEFAULT_VERDICT, n = 1, present = inOffice): RatingResult {
  const r = computeResult(spec('rating', { n, ratingVerdict: verdict }), ballots, { inOffice, present });
  if (r.kind !== 'rating') throw new Error('wrong kind');
  return r;
}

/** One subject: s 满意, b 基本满意, u 不满意, x with no mark. */
const one = (s: number, b: number, u: number, x = 0) => [...many(s, 's'), ...many(b, 'b'), ...many(u, 'u'), ...many(x, '-')];

describe('rating tally (满意度测评), default verdict over 10 deputies', () => {
  it.each([
    // 满意, 基本满意, 不满意, no mark → verdict, rate
    [5, 0, 0, 0, 'satisfied', 1],
    [5, 5, 0, 0, 'satisfied', 1],
    [4, 1, 5, 0, 'basic', 0.5],
    [4, 0, 6, 0, 'unsatisfied', 0.4],
    [0, 5, 5, 0, 'basic', 0.5],
    [0, 4, 6, 0, 'unsatisfied', 0.4],
    [3, 1, 0, 6, 'unsatisfied', 1], // every valid ballot approves, but 4 is below half of all 10
    [10, 0, 0, 0, 'satisfied', 1],
    [0, 0, 10, 0, 'unsatisfied', 0],
    [2, 3, 1, 4, 'basic', 5 / 6],
  ] as const)('%i/%i/%i with %i unmarked → %s', (s, b, u, x, verdict, rateValue) => {
    const r = rate(one(s, b, u, x));
    const subject = r.subjects[0];
    expect(subject).toMatchObject({ satisfied: s, basic: b, unsatisfied: u, invalid: x, valid: s + b + u, verdict, base: 10 });
    expect(subject.satisfactionRate).toBeCloseTo(rateValue, 12);
    expect(subject.required).toEqual({ satisfied: 5, basic: 5 });
  });

  it('has no satisfaction rate without valid ballots', () => {
    const r = rate(one(0, 0, 0, 3));
    expect(r.subjects[0]).toMatchObject({ valid: 0, invalid: 3, satisfactionRate: null, verdict: 'unsatisfied' });
    expect(rate([]).subjects[0]).toMatchObject({ valid: 0, invalid: 0, satisfactionRate: null });
  });

  it('makes a ballot invalid for one subject only', () => {
    const ballots = [ballot('s-b'), ballot('syu'), { marks: { 1: 'satisfied', 2: 'basic', 3: 'nope' } } as never, ballot('sbu')];
    const r = rate(ballots, 10, DEFAULT_VERDICT, 3);
    expect(r.subjects.map((x) => [x.satisfied, x.basic, x.unsatisfied, x.invalid, x.valid])).toEqual([
      [4, 0, 0, 0, 4],
      [0, 2, 0, 2, 2],
      [0, 1, 2, 1, 3],
    ]);
    expect(r.cast).toBe(4);
    expect(r.notVoted).toBe(6);
  });

  it('counts unreadable ballots as invalid on every subject', () => {
    const r = rate([null as never, { marks: [] } as never, { marks: 'x' } as never, {} as never, ballot('ss')], 5, DEFAULT_VERDICT, 2);
    expect(r.subjects.map((x) => [x.invalid, x.satisfied])).toEqual([
      [4, 1],
      [4, 1],
    ]);
  });

  it('ignores marks for subjects that are not on the vote', () => {
    const r = rate([{ marks: { 1: 'satisfied', 9: 'unsatisfied' } }], 1);
    expect(r.subjects).toHaveLength(1);
    expect(r.subjects[0]).toMatchObject({ satisfied: 1, invalid: 0, verdict: 'satisfied' });
  });

  it('does not read marks from the prototype chain', () => {
    const s = spec('rating', { options: [{ id: 1, label: '甲' }] });
    const marks = Object.create({ 1: 'satisfied' }) as Record<string, never>;
    const r = computeResult(s, [{ marks }], { inOffice: 1, present: 1 }) as RatingResult;
    expect(r.subjects[0]).toMatchObject({ satisfied: 0, invalid: 1 });
  });

  it('takes a cast base from the subject’s valid ballots', () => {
    const rule: RatingVerdictRule = { ...DEFAULT_VERDICT, base: 'cast' };
    expect(rate(one(3, 1, 0, 6), 10, rule).subjects[0]).toMatchObject({ base: 4, verdict: 'satisfied', required: { satisfied: 2, basic: 2 } });
    expect(rate(one(1, 2, 1), 10, rule).subjects[0]).toMatchObject({ base: 4, verdict: 'basic' });
    expect(rate(one(0, 0, 0, 3), 10, rule).subjects[0]).toMatchObject({ base: 0, verdict: 'unsatisfied', required: { satisfied: 1, basic: 1 } });
  });

  it('takes a present base from head.present', () => {
    const rule: RatingVerdictRule = { ...DEFAULT_VERDICT, base: 'present' };
    expect(rate(one(4, 0, 4), 10, rule, 1, 8).subjects[0]).toMatchObject({ base: 8, verdict: 'satisfied' });
  });

  it('applies stricter configured thresholds', () => {
    const rule: RatingVerdictRule = { base: 'all', satisfied: { num: 2, den: 3, strict: false }, basicallySatisfied: { num: 1, den: 2, strict: true } };
    expect(rate(one(6, 4, 0), 10, rule).subjects[0].verdict).toBe('basic');
    expect(rate(one(7, 0, 3), 10, rule).subjects[0].verdict).toBe('satisfied');
    expect(rate(one(3, 2, 5), 10, rule).subjects[0].verdict).toBe('unsatisfied');
    expect(rate(one(3, 3, 4), 10, rule).subjects[0].verdict).toBe('basic');
  });

  it('falls back to the default verdict rule and says so', () => {
    const r = rate(one(5, 0, 0), 10, undefined);
    expect(r.verdictRule).toEqual(DEFAULT_VERDICT);
    expect(r.subjects[0].verdict).toBe('satisfied');
  });

  it('reports subjects in option order with their labels', () => {
    const r = rate([ballot('sbu')], 1, DEFAULT_VERDICT, 3);
    expect(r.subjects.map((x) => [x.optionId, x.label, x.verdict])).toEqual([
      [1, '候选1', 'satisfied'],
      [2, '候选2', 'basic'],
      [3, '候选3', 'unsatisfied'],
    ]);
  });
});
