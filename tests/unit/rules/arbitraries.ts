// fast-check arbitraries for vote specs, headcounts and ballots. Counts are kept small so that
// ties, boundary cases and empty bases come up often.
import fc from 'fast-check';
import type { BallotContent, Fraction, Headcount, Mark, PassRule, RatingMark, RatingVerdictRule, VoteSpec } from '../../../shared/types';
import { options } from './helpers';

export const fractionArb: fc.Arbitrary<Fraction> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ num: fc.integer({ min: 1, max: 10 }), den: fc.integer({ min: 1, max: 10 }), strict: fc.boolean() }) },
  { weight: 4, arbitrary: fc.constantFrom<Fraction>(
    { num: 1, den: 2, strict: true },
    { num: 1, den: 2, strict: false },
    { num: 2, den: 3, strict: false },
    { num: 1, den: 3, strict: false },
    { num: 1, den: 5, strict: false },
    { num: 1, den: 4, strict: false },
    { num: 1, den: 10, strict: true },
    { num: 1, den: 10, strict: false },
  ) },
);

export const passRuleArb: fc.Arbitrary<PassRule> = fc.record({
  base: fc.constantFrom<PassRule['base']>('all', 'present', 'cast'),
  fraction: fractionArb,
});

export const verdictArb: fc.Arbitrary<RatingVerdictRule> = fc.record({
  base: fc.constantFrom<PassRule['base']>('all', 'present', 'cast'),
  satisfied: fractionArb,
  basicallySatisfied: fractionArb,
});

/** A headcount with present ≤ inOffice, and ballot counts drawn separately (≤ inOffice or not). */
export const headArb: fc.Arbitrary<Headcount> = fc
  .tuple(fc.nat(40), fc.nat(40))
  .map(([a, b]) => ({ inOffice: Math.max(a, b), present: Math.min(a, b) }));

/** A mark on an option: mostly valid, yes-heavy (for ties), sometimes missing or wrong. */
const markArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<Mark>('yes', 'yes', 'no', 'abstain') },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, 'satisfied', 'maybe') },
);

function marksArb(ids: number[], mark: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, never>> {
  return fc.tuple(...ids.map(() => mark)).map((ms) => {
    const out: Record<string, unknown> = {};
    ids.forEach((id, i) => {
      if (ms[i] !== undefined) out[String(id)] = ms[i];
    });
    return out as Record<string, never>;
  });
}

export interface Case {
  spec: VoteSpec;
  ballots: BallotContent[];
  head: Headcount;
}

/** Option ids that are not simply 1..m, to catch index/id mix-ups. */
const idsFor = (m: number) => Array.from({ length: m }, (_, i) => 100 - 7 * i);

/** A well-formed ballot with at most `limit` yes marks (the other options no or abstain). */
function withinLimitArb(ids: number[], limit: number): fc.Arbitrary<Record<string, never>> {
  return fc
    .tuple(fc.subarray(ids, { maxLength: Math.min(ids.length, Math.max(0, limit)) }), fc.tuple(...ids.map(() => fc.constantFrom<Mark>('no', 'abstain'))))
    .map(([yes, rest]) => Object.fromEntries(ids.map((id, i) => [String(id), yes.includes(id) ? 'yes' : rest[i]])) as Record<string, never>);
}

/** Mostly ballots within the limit, some with random (often invalid) marks. */
function rankedMarksArb(ids: number[], limit: number): fc.Arbitrary<Record<string, never>> {
  return fc.oneof({ weight: 6, arbitrary: withinLimitArb(ids, limit) }, { weight: 1, arbitrary: marksArb(ids, markArb) });
}

/** Headcounts near the number of ballots (so thresholds are in reach), sometimes unrelated. */
function headFor(ballots: number): fc.Arbitrary<Headcount> {
  const near = fc.tuple(fc.nat(4), fc.nat(4)).map(([extra, away]) => ({ inOffice: ballots + extra, present: Math.max(0, ballots + extra - away) }));
  return fc.oneof({ weight: 4, arbitrary: near }, { weight: 1, arbitrary: headArb });
}

/** Independent ballots, or a few ballot patterns each cast several times (which makes ties common). */
function ballotsArb(ballot: fc.Arbitrary<BallotContent>): fc.Arbitrary<BallotContent[]> {
  const repeated = fc
    .array(fc.tuple(ballot, fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 4 })
    .map((patterns) => patterns.flatMap(([b, times]) => Array.from({ length: times }, () => structuredClone(b))));
  return fc.oneof(fc.array(ballot, { maxLength: 30 }), repeated);
}

function withBallotsAndHead(spec: VoteSpec, ballot: fc.Arbitrary<BallotContent>): fc.Arbitrary<Case> {
  return ballotsArb(ballot)
    .chain((ballots) => headFor(ballots.length).map((head) => ({ spec, ballots, head })));
}

export const projectCaseArb: fc.Arbitrary<Case> = fc
  .record({ m: fc.integer({ min: 1, max: 7 }), n: fc.integer({ min: 1, max: 8 }), passRule: passRuleArb })
  .chain(({ m, n, passRule }) => {
    const ids = idsFor(m);
    const spec: VoteSpec = { kind: 'project', options: options(m, ids), maxYes: n, passRule };
    return withBallotsAndHead(spec, rankedMarksArb(ids, n).map((marks) => ({ marks })));
  });

const NAMES = ['赵六', '钱七', '孙八', ' 赵六', '赵\u3000六', '候选100', ''];

export const electionCaseArb: fc.Arbitrary<Case> = fc
  .record({ m: fc.integer({ min: 1, max: 5 }), seats: fc.integer({ min: 1, max: 4 }), allowWriteIn: fc.boolean(), passRule: passRuleArb })
  .chain(({ m, seats, allowWriteIn, passRule }) => {
    const ids = idsFor(m);
    const spec: VoteSpec = { kind: 'election', options: options(m, ids), maxYes: seats, allowWriteIn, passRule };
    const writeInsArb = fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.array(fc.constantFrom(...NAMES), { maxLength: 2 }) },
    );
    const ballotArb = writeInsArb.chain((writeIns) =>
      rankedMarksArb(ids, seats - (writeIns?.length ?? 0)).map((marks) => (writeIns === undefined ? { marks } : { marks, writeIns })),
    );
    return withBallotsAndHead(spec, ballotArb);
  });

const ratingMarkArb = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom<RatingMark>('satisfied', 'basic', 'unsatisfied') },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, 'yes') },
);

export const ratingCaseArb: fc.Arbitrary<Case> = fc
  .record({ m: fc.integer({ min: 1, max: 4 }), verdict: verdictArb, passRule: passRuleArb })
  .chain(({ m, verdict, passRule }) => {
    const ids = idsFor(m);
    const spec: VoteSpec = { kind: 'rating', options: options(m, ids), passRule, ratingVerdict: verdict };
    return withBallotsAndHead(spec, marksArb(ids, ratingMarkArb).map((marks) => ({ marks })));
  });

export const resolutionCaseArb: fc.Arbitrary<Case> = passRuleArb.chain((passRule) => {
  const spec: VoteSpec = { kind: 'resolution', options: options(1, [42]), passRule };
  return withBallotsAndHead(spec, marksArb([42], markArb).map((marks) => ({ marks })));
});

/** A case together with its ballots in another order. */
export function withShuffle(arb: fc.Arbitrary<Case>): fc.Arbitrary<[Case, BallotContent[]]> {
  return arb.chain((c) =>
    fc.tuple(fc.constant(c), fc.shuffledSubarray(c.ballots, { minLength: c.ballots.length, maxLength: c.ballots.length })),
  );
}
