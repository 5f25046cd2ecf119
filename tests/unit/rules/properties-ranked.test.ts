// Properties of the ranked tallies: project votes (N) and elections (seats).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BallotContent } from '../../../shared/types';
import { computeResult } from '../../../shared/rules/tally';
import { validateBallot } from '../../../shared/rules/ballot';
import { meetsFraction, requiredCount } from '../../../shared/rules/fraction';
import type { ElectionResult, ProjectResult } from '../../../shared/rules/result-types';
import { electionCaseArb, projectCaseArb, withShuffle, type Case } from './arbitraries';

const RUNS = { numRuns: 300 };

interface Entry {
  yes: number;
  rank: number;
  passes: boolean;
  chosen: boolean;
}

function entriesOf(r: ProjectResult | ElectionResult): Entry[] {
  return r.kind === 'project'
    ? r.options.map((o) => ({ yes: o.yes, rank: o.rank, passes: o.passes, chosen: o.adopted }))
    : r.candidates.map((c) => ({ yes: c.yes, rank: c.rank, passes: c.passes, chosen: c.elected }));
}

function run(c: Case): ProjectResult | ElectionResult {
  const r = computeResult(c.spec, c.ballots, c.head);
  if (r.kind !== 'project' && r.kind !== 'election') throw new Error('wrong kind');
  return r;
}

/** Independent oracle: do passing entries tie across the limit-th place? */
function boundaryTie(entries: Entry[], limit: number): boolean {
  const passing = entries.filter((e) => e.passes).map((e) => e.yes).sort((a, b) => b - a);
  return passing.length > limit && passing[limit - 1] === passing[limit];
}

describe.each([
  ['project', projectCaseArb],
  ['election', electionCaseArb],
])('%s tally properties', (_kind, arb) => {
  it('counts as invalid exactly the ballots validateBallot refuses', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const r = run(c);
        const invalid = c.ballots.filter((b) => !validateBallot(c.spec, b).ok).length;
        expect(r.invalidBallots).toBe(invalid);
        expect(r.validBallots + r.invalidBallots).toBe(c.ballots.length);
        expect(Object.values(r.invalidReasons).reduce((a, b) => a + (b ?? 0), 0)).toBe(invalid);
        expect(r.cast).toBe(c.ballots.length);
        expect(r.notVoted).toBe(Math.max(0, c.head.present - c.ballots.length));
      }),
      RUNS,
    );
  });

  it('conserves ballots on every listed option: yes + no + abstain + invalid = cast', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const r = run(c);
        const listed = r.kind === 'project' ? r.options : r.candidates.filter((x) => !x.writeIn);
        expect(listed.map((o) => o.optionId)).toEqual(c.spec.options.map((o) => o.id));
        for (const o of listed) expect(o.yes + o.no + o.abstain + r.invalidBallots).toBe(r.cast);
      }),
      RUNS,
    );
  });

  it('applies the pass rule with the right base: passes ⇔ yes meets the fraction ⇔ yes ≥ required', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const r = run(c);
        const base = { all: c.head.inOffice, present: c.head.present, cast: r.validBallots }[c.spec.passRule.base];
        expect(r.base).toBe(base);
        expect(r.required).toBe(requiredCount(base, c.spec.passRule.fraction));
        for (const e of entriesOf(r)) {
          expect(e.passes).toBe(meetsFraction(e.yes, base, c.spec.passRule.fraction));
          expect(e.passes).toBe(e.yes >= r.required);
        }
      }),
      RUNS,
    );
  });

  it('ranks by 赞成 with shared ranks', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const es = entriesOf(run(c));
        for (const e of es) expect(e.rank).toBe(1 + es.filter((x) => x.yes > e.yes).length);
      }),
      RUNS,
    );
  });

  it('chooses at most the limit, only passing entries, and never one below a passing entry left out', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const r = run(c);
        const limit = c.spec.maxYes ?? 0;
        const es = entriesOf(r);
        const chosen = es.filter((e) => e.chosen);
        expect(chosen.length <= limit).toBe(true);
        for (const a of chosen) {
          expect(a.passes).toBe(true);
          for (const p of es.filter((e) => e.passes && !e.chosen)) expect(a.yes > p.yes).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('has a run-off exactly when passing entries tie across the last place, and then fills around it', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const r = run(c);
        const limit = c.spec.maxYes ?? 0;
        const es = entriesOf(r);
        const chosen = es.filter((e) => e.chosen).length;
        expect(r.runOff !== null).toBe(boundaryTie(es, limit));
        if (r.runOff === null) {
          expect(chosen).toBe(Math.min(limit, es.filter((e) => e.passes).length));
          return;
        }
        const tied = es.filter((e) => e.passes && e.yes === r.runOff?.votes);
        const tiedCount = r.runOff.optionIds.length + (r.kind === 'election' ? (r.runOff as ElectionResult['runOff'] & object).writeIns.length : 0);
        expect(tiedCount).toBe(tied.length);
        expect(tied.every((e) => !e.chosen)).toBe(true);
        expect(r.runOff.places).toBe(limit - chosen);
        expect(r.runOff.places >= 1 && r.runOff.places < tied.length).toBe(true);
      }),
      RUNS,
    );
  });

  it('never changes when the ballots come in another order', () => {
    fc.assert(
      fc.property(withShuffle(arb), ([c, shuffled]) => {
        expect(computeResult(c.spec, shuffled, c.head)).toEqual(computeResult(c.spec, c.ballots, c.head));
      }),
      RUNS,
    );
  });

  it('ignores invalid ballots apart from counting them', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const junk: BallotContent[] = [{ marks: {} }, { marks: { 999: 'yes' } }, null as never];
        const a = run(c);
        const b = run({ ...c, ballots: [...c.ballots, ...junk] });
        expect(b.invalidBallots).toBe(a.invalidBallots + junk.length);
        expect(entriesOf(b).map((e) => e.yes)).toEqual(entriesOf(a).map((e) => e.yes));
        if (c.spec.passRule.base !== 'cast') expect(entriesOf(b)).toEqual(entriesOf(a));
      }),
      RUNS,
    );
  });
});

describe('election-only properties', () => {
  it('fills every seat exactly once: elected + run-off places + unfilled = seats', () => {
    fc.assert(
      fc.property(electionCaseArb, (c) => {
        const r = run(c) as ElectionResult;
        expect(r.electedIds.length + r.electedWriteIns.length + (r.runOff?.places ?? 0) + r.unfilledSeats).toBe(r.seats);
        expect(r.unfilledSeats).toBe(r.runOff ? 0 : Math.max(0, r.seats - r.candidates.filter((x) => x.passes).length));
      }),
      RUNS,
    );
  });

  it('gives write-ins only 赞成, from valid ballots, one candidate per distinct name', () => {
    fc.assert(
      fc.property(electionCaseArb, (c) => {
        const r = run(c) as ElectionResult;
        const valid = c.ballots.filter((b) => validateBallot(c.spec, b).ok);
        const written = valid.flatMap((b) => b.writeIns ?? []);
        const w = r.candidates.filter((x) => x.writeIn);
        expect(w.reduce((s, x) => s + x.yes, 0)).toBe(written.length);
        expect(w.every((x) => x.no === 0 && x.abstain === 0 && x.optionId === null && x.yes > 0)).toBe(true);
        expect(new Set(w.map((x) => x.label)).size).toBe(w.length);
        expect(w.length).toBe(new Set(written.map((n) => n.replace(/\s/gu, ''))).size);
      }),
      RUNS,
    );
  });
});
