// Properties of the resolution and rating tallies.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BallotContent, RatingMark } from '../../../shared/types';
import { computeResult } from '../../../shared/rules/tally';
import { validateBallot } from '../../../shared/rules/ballot';
import { meetsFraction, requiredCount } from '../../../shared/rules/fraction';
import type { RatingResult, ResolutionResult } from '../../../shared/rules/result-types';
import { ratingCaseArb, resolutionCaseArb, withShuffle, type Case } from './arbitraries';

const RUNS = { numRuns: 300 };

const resolution = (c: Case) => computeResult(c.spec, c.ballots, c.head) as ResolutionResult;
const rating = (c: Case) => computeResult(c.spec, c.ballots, c.head) as RatingResult;

describe('resolution tally properties', () => {
  it('conserves ballots and counts 未按', () => {
    fc.assert(
      fc.property(resolutionCaseArb, (c) => {
        const r = resolution(c);
        expect(r.yes + r.no + r.abstain + r.invalid).toBe(c.ballots.length);
        expect(r.invalid).toBe(c.ballots.filter((b) => !validateBallot(c.spec, b).ok).length);
        expect(r.notVoted).toBe(Math.max(0, c.head.present - c.ballots.length));
        expect(r.notVoted >= 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('passes ⇔ 赞成 meets the rule over its base ⇔ 赞成 ≥ required', () => {
    fc.assert(
      fc.property(resolutionCaseArb, (c) => {
        const r = resolution(c);
        const base = { all: c.head.inOffice, present: c.head.present, cast: c.ballots.length }[c.spec.passRule.base];
        expect(r.base).toBe(base);
        expect(r.required).toBe(requiredCount(base, c.spec.passRule.fraction));
        expect(r.passed).toBe(meetsFraction(r.yes, base, c.spec.passRule.fraction));
        expect(r.passed).toBe(r.yes >= r.required);
      }),
      RUNS,
    );
  });

  it('never fails because one more deputy turned 反对 or 弃权 into 赞成 (base all or present)', () => {
    fc.assert(
      fc.property(resolutionCaseArb, fc.nat(), (c, pick) => {
        if (c.spec.passRule.base === 'cast') return;
        const idx = c.ballots.findIndex((b, i) => i >= pick % Math.max(1, c.ballots.length) && (b.marks['42'] === 'no' || b.marks['42'] === 'abstain'));
        if (idx < 0) return;
        const before = resolution(c);
        const ballots: BallotContent[] = c.ballots.map((b, i) => (i === idx ? { marks: { 42: 'yes' } } : b));
        const after = resolution({ ...c, ballots });
        expect(after.yes).toBe(before.yes + 1);
        if (before.passed) expect(after.passed).toBe(true);
      }),
      RUNS,
    );
  });

  it('never changes when the ballots come in another order', () => {
    fc.assert(
      fc.property(withShuffle(resolutionCaseArb), ([c, shuffled]) => {
        expect(computeResult(c.spec, shuffled, c.head)).toEqual(resolution(c));
      }),
      RUNS,
    );
  });
});

const ORDER: Record<RatingMark, number> = { unsatisfied: 0, basic: 1, satisfied: 2 };

describe('rating tally properties', () => {
  it('conserves ballots per subject and computes the rate from valid ballots', () => {
    fc.assert(
      fc.property(ratingCaseArb, (c) => {
        const r = rating(c);
        expect(r.subjects.map((s) => s.optionId)).toEqual(c.spec.options.map((o) => o.id));
        for (const s of r.subjects) {
          expect(s.satisfied + s.basic + s.unsatisfied + s.invalid).toBe(c.ballots.length);
          expect(s.valid).toBe(s.satisfied + s.basic + s.unsatisfied);
          if (s.valid === 0) expect(s.satisfactionRate).toBeNull();
          else expect(s.satisfactionRate).toBe((s.satisfied + s.basic) / s.valid);
        }
      }),
      RUNS,
    );
  });

  it('gives the verdict its rule says, over the right base', () => {
    fc.assert(
      fc.property(ratingCaseArb, (c) => {
        const rule = c.spec.ratingVerdict;
        if (!rule) throw new Error('arbitrary always sets a verdict rule');
        for (const s of rating(c).subjects) {
          const base = { all: c.head.inOffice, present: c.head.present, cast: s.valid }[rule.base];
          expect(s.base).toBe(base);
          const expected = meetsFraction(s.satisfied, base, rule.satisfied)
            ? 'satisfied'
            : meetsFraction(s.satisfied + s.basic, base, rule.basicallySatisfied)
              ? 'basic'
              : 'unsatisfied';
          expect(s.verdict).toBe(expected);
          expect(s.required).toEqual({ satisfied: requiredCount(base, rule.satisfied), basic: requiredCount(base, rule.basicallySatisfied) });
        }
      }),
      RUNS,
    );
  });

  it('never gives a worse verdict when one mark on a subject gets better', () => {
    fc.assert(
      fc.property(ratingCaseArb, fc.nat(), fc.nat(), (c, pickBallot, pickSubject) => {
        if (c.ballots.length === 0) return;
        const bi = pickBallot % c.ballots.length;
        const key = String(c.spec.options[pickSubject % c.spec.options.length].id);
        const mark = c.ballots[bi].marks[key] as RatingMark | undefined;
        if (mark !== 'unsatisfied' && mark !== 'basic') return;
        const better: RatingMark = mark === 'unsatisfied' ? 'basic' : 'satisfied';
        const ballots = c.ballots.map((b, i) => (i === bi ? { marks: { ...b.marks, [key]: better } } : b));
        const before = rating(c).subjects;
        const after = rating({ ...c, ballots }).subjects;
        before.forEach((s, i) => expect(ORDER[after[i].verdict] >= ORDER[s.verdict]).toBe(true));
      }),
      RUNS,
    );
  });

  it('never changes when the ballots come in another order', () => {
    fc.assert(
      fc.property(withShuffle(ratingCaseArb), ([c, shuffled]) => {
        expect(computeResult(c.spec, shuffled, c.head)).toEqual(rating(c));
      }),
      RUNS,
    );
  });
});
