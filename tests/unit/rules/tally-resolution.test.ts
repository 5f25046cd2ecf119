import { describe, expect, it } from 'vitest';
import type { Fraction, PassRule } from '../../../shared/types';
import { computeResult } from '../../../shared/rules/tally';
import type { ResolutionResult } from '../../../shared/rules/result-types';
import { ballot, many, spec } from './helpers';

function resolve(yes: number, no: number, abstain: number, inOffice: number, passRule?: PassRule, present = inOffice, extra = 0) {
  const ballots = [...many(yes, 'y'), ...many(no, 'n'), ...many(abstain, 'a'), ...many(extra, '-')];
  const r = computeResult(spec('resolution', passRule ? { passRule } : {}), ballots, { inOffice, present });
  if (r.kind !== 'resolution') throw new Error('wrong kind');
  return r;
}

const fr = (num: number, den: number, strict: boolean): Fraction => ({ num, den, strict });
const ALL_2_3: PassRule = { base: 'all', fraction: fr(2, 3, false) };

describe('resolution tally', () => {
  it('counts 赞成 / 反对 / 弃权 / 未按 and passes with more than half of all deputies', () => {
    expect(resolve(51, 30, 10, 100)).toEqual<ResolutionResult>({
      kind: 'resolution',
      cast: 91,
      notVoted: 9,
      onLeave: 0,
      absent: 0,
      inOffice: 100,
      present: 100,
      passRule: { base: 'all', fraction: fr(1, 2, true) },
      base: 100,
      required: 51,
      yes: 51,
      no: 30,
      abstain: 10,
      invalid: 0,
      passed: true,
    });
  });

  it.each([
    // yes, no, abstain, inOffice, passed
    [50, 50, 0, 100, false], // exactly half is not 过半数
    [50, 0, 0, 100, false],
    [51, 0, 0, 100, true],
    [51, 49, 0, 100, true],
    [1, 0, 0, 1, true],
    [1, 1, 0, 2, false],
    [2, 0, 0, 3, true],
    [1500, 1000, 499, 2999, true], // 1500 > 1499.5
    [1500, 1500, 0, 3000, false],
    [1501, 0, 0, 3000, true],
    [0, 0, 100, 100, false], // all abstain
    [0, 100, 0, 100, false],
    [0, 0, 0, 0, false], // nobody in office, nobody voted
    [0, 0, 0, 50, false], // nobody voted
  ])('%i yes, %i no, %i abstain of %i in office → passed %s', (y, n, a, inOffice, passed) => {
    const r = resolve(y, n, a, inOffice);
    expect(r.passed).toBe(passed);
    expect(r.yes + r.no + r.abstain + r.invalid).toBe(r.cast);
  });

  it('passes exactly half when the body says 半数以上 (non-strict)', () => {
    const rule: PassRule = { base: 'all', fraction: fr(1, 2, false) };
    expect(resolve(50, 50, 0, 100, rule).passed).toBe(true);
    expect(resolve(49, 51, 0, 100, rule).passed).toBe(false);
    expect(resolve(50, 50, 0, 100, rule).required).toBe(50);
  });

  it.each([
    [3, 2, true],
    [3, 1, false],
    [30, 20, true],
    [30, 19, false],
    [2999, 2000, true],
    [2999, 1999, false],
    [3000, 2000, true],
    [3000, 1999, false],
  ])('at least 2/3 of %i: %i yes → %s', (inOffice, yes, passed) => {
    const r = resolve(yes, inOffice - yes, 0, inOffice, ALL_2_3);
    expect(r.passed).toBe(passed);
    expect(r.required).toBe(Math.ceil((2 * inOffice) / 3));
  });

  it('takes a present base from head.present', () => {
    const rule: PassRule = { base: 'present', fraction: fr(1, 2, true) };
    expect(resolve(31, 29, 0, 100, rule, 60)).toMatchObject({ base: 60, required: 31, passed: true });
    expect(resolve(30, 30, 0, 100, rule, 60)).toMatchObject({ base: 60, required: 31, passed: false });
  });

  it('takes a cast base from every ballot cast, invalid ones included', () => {
    const rule: PassRule = { base: 'cast', fraction: fr(1, 2, true) };
    expect(resolve(6, 4, 0, 100, rule)).toMatchObject({ base: 10, required: 6, passed: true, notVoted: 90 });
    expect(resolve(5, 5, 0, 100, rule)).toMatchObject({ base: 10, passed: false });
    expect(resolve(5, 4, 0, 100, rule, 100, 1)).toMatchObject({ base: 10, invalid: 1, passed: false });
    expect(resolve(0, 0, 0, 100, rule)).toMatchObject({ base: 0, required: 1, passed: false, notVoted: 100 });
  });

  it('counts ballots it cannot read as invalid, never as a mark', () => {
    const ballots = [ballot('y'), ballot('s'), { marks: {} }, null as never, ballot('yy'), ballot('n')];
    const r = computeResult(spec('resolution'), ballots, { inOffice: 10, present: 8 });
    expect(r).toMatchObject({ yes: 1, no: 1, abstain: 0, invalid: 4, cast: 6, notVoted: 2, absent: 2 });
  });

  it('never reports a negative 未按', () => {
    expect(resolve(5, 0, 0, 3).notVoted).toBe(0);
  });

  it('throws on an invalid spec or headcount', () => {
    expect(() => computeResult(spec('resolution', { n: 2 }), [], { inOffice: 1, present: 1 })).toThrow(RangeError);
    expect(() => computeResult(spec('resolution'), [], { inOffice: -1, present: 0 })).toThrow(RangeError);
  });
});
