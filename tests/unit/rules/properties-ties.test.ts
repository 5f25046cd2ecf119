// Boundary ties built on purpose: random ties across the last place, and random ties that are not.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PassRule, VoteKind } from '../../../shared/types';
import { computeResult } from '../../../shared/rules/tally';
import type { ElectionResult, ProjectResult } from '../../../shared/rules/result-types';
import { ballotsWithYes, options } from './helpers';

/** Everything with at least one 赞成 passes, so only the ranking decides. */
const ANY_YES: PassRule = { base: 'all', fraction: { num: 1, den: 1000, strict: false } };

interface Layout {
  limit: number;
  /** 赞成 per option, in option order. */
  yes: number[];
  /** Option positions (0-based) expected to be chosen outright, and to go to a run-off. */
  above: number[];
  tied: number[];
}

/** a < limit entries strictly above v, k entries at v with a + k > limit, and some entries below v. */
const tieLayoutArb: fc.Arbitrary<Layout> = fc
  .record({
    limit: fc.integer({ min: 1, max: 4 }),
    v: fc.integer({ min: 1, max: 6 }),
    extraTied: fc.integer({ min: 1, max: 3 }),
    below: fc.array(fc.nat(5), { maxLength: 3 }),
    aboveGaps: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
  })
  .chain(({ limit, v, extraTied, below, aboveGaps }) => {
    const above = aboveGaps.slice(0, limit - 1).map((g) => v + g);
    const k = limit - above.length + extraTied;
    const values = [...above.map((y) => ({ y, role: 'above' })), ...Array.from({ length: k }, () => ({ y: v, role: 'tied' })), ...below.map((b) => ({ y: b % v, role: 'below' }))];
    return fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length }).map((order) => ({
      limit,
      yes: order.map((e) => e.y),
      above: order.flatMap((e, i) => (e.role === 'above' ? [i] : [])),
      tied: order.flatMap((e, i) => (e.role === 'tied' ? [i] : [])),
    }));
  });

/** Distinct values: never a tie anywhere, so never a run-off. */
const noTieLayoutArb: fc.Arbitrary<Layout> = fc
  .record({ limit: fc.integer({ min: 1, max: 4 }), values: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 7 }) })
  .map(({ limit, values }) => {
    const ranked = [...values].sort((a, b) => b - a);
    return { limit, yes: values, above: values.flatMap((y, i) => (ranked.indexOf(y) < limit ? [i] : [])), tied: [] };
  });

function tally(kind: VoteKind, layout: Layout): ProjectResult | ElectionResult {
  const ids = layout.yes.map((_, i) => 10 * (i + 1));
  const voters = Math.max(...layout.yes, Math.ceil(layout.yes.reduce((a, b) => a + b, 0) / layout.limit), 1);
  const ballots = ballotsWithYes(layout.yes, voters, 'abstain', layout.limit).map((b) => ({
    marks: Object.fromEntries(Object.entries(b.marks).map(([k, m]) => [String(ids[Number(k) - 1]), m])),
  }));
  const spec = { kind, options: options(layout.yes.length, ids), maxYes: layout.limit, passRule: ANY_YES };
  const r = computeResult(spec, ballots, { inOffice: voters, present: voters });
  if (r.kind !== 'project' && r.kind !== 'election') throw new Error('wrong kind');
  expect(r.invalidBallots).toBe(0);
  return r;
}

const chosenIds = (r: ProjectResult | ElectionResult) => (r.kind === 'project' ? r.adoptedIds : r.electedIds);
const idsAt = (positions: number[]) => positions.map((i) => 10 * (i + 1));

describe.each<VoteKind>(['project', 'election'])('%s: ties built on purpose', (kind) => {
  it('sends exactly the tied entries to a run-off and chooses exactly those above them', () => {
    fc.assert(
      fc.property(tieLayoutArb, (layout) => {
        const r = tally(kind, layout);
        expect([...chosenIds(r)].sort((a, b) => a - b)).toEqual(idsAt(layout.above));
        expect(r.runOff).not.toBeNull();
        expect(r.runOff?.optionIds).toEqual(idsAt(layout.tied));
        expect(r.runOff?.places).toBe(layout.limit - layout.above.length);
        expect(r.runOff?.votes).toBe(layout.yes[layout.tied[0]]);
        if (r.kind === 'election') expect(r.unfilledSeats).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('has no run-off when no two entries tie, and chooses the top of the ranking', () => {
    fc.assert(
      fc.property(noTieLayoutArb, (layout) => {
        const r = tally(kind, layout);
        expect(r.runOff).toBeNull();
        expect([...chosenIds(r)].sort((a, b) => a - b)).toEqual(idsAt(layout.above));
        if (r.kind === 'election') expect(r.unfilledSeats).toBe(Math.max(0, layout.limit - layout.yes.length));
      }),
      { numRuns: 200 },
    );
  });
});
