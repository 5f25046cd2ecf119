import { describe, expect, it } from 'vitest';
import type { BallotContent, PassRule } from '../../../shared/types';
import { computeResult } from '../../../shared/rules/tally';
import type { ProjectResult } from '../../../shared/rules/result-types';
import { ballot, ballotsWithYes, many, spec } from './helpers';

/** A project vote over options 1..yes.length with N = maxYes, where option i receives yes[i] 赞成. */
function project(yes: number[], maxYes: number, voters: number, inOffice = voters, passRule?: PassRule, extra: BallotContent[] = []): ProjectResult {
  const s = spec('project', { n: yes.length, maxYes, ...(passRule ? { passRule } : {}) });
  const r = computeResult(s, [...ballotsWithYes(yes, voters, 'no', maxYes), ...extra], { inOffice, present: inOffice });
  if (r.kind !== 'project') throw new Error('wrong kind');
  return r;
}

const LOW: PassRule = { base: 'all', fraction: { num: 1, den: 5, strict: false } };

type RunOffShape = { optionIds: number[]; votes: number; places: number } | null;

function checkCase(r: ProjectResult, yes: number[], adopted: number[], runOff: RunOffShape): void {
  expect(r.options.map((o) => o.yes)).toEqual(yes);
  expect(r.invalidBallots).toBe(0);
  expect(r.adoptedIds).toEqual(adopted);
  if (runOff === null) expect(r.runOff).toBeNull();
  else expect(r.runOff).toMatchObject(runOff);
  expect(r.options.filter((o) => o.adopted).length).toBe(adopted.length);
}

describe('project vote tally (民生实事项目票决)', () => {
  // 20 deputies, more than half of all → 11 赞成 needed.
  it.each<[string, number[], number, number[], RunOffShape]>([
    ['clear top N (a fourth passes but ranks below N)', [18, 16, 14, 12, 0], 3, [1, 2, 3], null],
    ['fewer pass than N', [18, 12, 10, 10, 0], 3, [1, 2], null],
    ['none pass', [10, 10, 10, 10, 10], 3, [], null],
    ['tie at the boundary', [18, 16, 13, 13, 0], 3, [1, 2], { optionIds: [3, 4], votes: 13, places: 1 }],
    ['tie at the boundary among failing ones', [18, 16, 10, 10, 0], 3, [1, 2], null],
    ['exactly half fails (过半数)', [10, 10, 0, 0, 0], 3, [], null],
  ])('majority of all: %s', (_name, yes, n, adopted, runOff) => {
    checkCase(project(yes, n, 20), yes, adopted, runOff);
  });

  // 20 deputies, at least 1/5 of all → 4 赞成 needed: room for many passing projects.
  it.each<[string, number[], number, number[], RunOffShape]>([
    ['three-way tie for the last place', [10, 6, 6, 6, 0], 2, [1], { optionIds: [2, 3, 4], votes: 6, places: 1 }],
    ['three-way tie for the last two places', [10, 6, 6, 6, 0], 3, [1], { optionIds: [2, 3, 4], votes: 6, places: 2 }],
    ['everybody tied', [6, 6, 6, 6, 6], 2, [], { optionIds: [1, 2, 3, 4, 5], votes: 6, places: 2 }],
    ['tie below the boundary: both adopted', [9, 9, 7, 3, 2], 3, [1, 2, 3], null],
    ['tie filling exactly N', [8, 7, 7, 0, 0], 3, [1, 2, 3], null],
    ['tie among failing ones', [10, 8, 6, 3, 3], 3, [1, 2, 3], null],
    ['tie across the boundary among failing ones', [10, 8, 3, 3, 0], 3, [1, 2], null],
    ['tie out of order in the option list', [7, 2, 9, 7, 8], 3, [3, 5], { optionIds: [1, 4], votes: 7, places: 1 }],
    ['tie just above a clear N-th place', [9, 9, 5, 4, 0], 3, [1, 2, 3], null],
    ['tie at the first place with N = 1', [7, 7, 5, 0, 0], 1, [], { optionIds: [1, 2], votes: 7, places: 1 }],
    ['tie at the threshold exactly', [10, 4, 4, 3, 0], 2, [1], { optionIds: [2, 3], votes: 4, places: 1 }],
  ])('at least 1/5 of all: %s', (_name, yes, n, adopted, runOff) => {
    checkCase(project(yes, n, 20, 20, LOW), yes, adopted, runOff);
  });

  it('shares ranks between ties (1, 1, 3 …)', () => {
    const r = project([9, 9, 7, 3, 3, 1], 3, 20, 20, LOW);
    expect(r.options.map((o) => o.rank)).toEqual([1, 1, 3, 4, 4, 6]);
    expect(r.options.map((o) => o.passes)).toEqual([true, true, true, false, false, false]);
  });

  it('reports every field of a run-off result', () => {
    const r = project([18, 16, 13, 13, 0], 3, 20);
    expect(r).toMatchObject({
      kind: 'project',
      maxYes: 3,
      cast: 20,
      validBallots: 20,
      invalidBallots: 0,
      invalidReasons: {},
      notVoted: 0,
      base: 20,
      required: 11,
    });
    expect(r.options[2]).toEqual({ optionId: 3, label: '候选3', yes: 13, no: 7, abstain: 0, rank: 3, passes: true, adopted: false });
    expect(r.runOff?.reason).toMatch(/须再次票决.*run-off/u);
  });

  it('adopts everything that passes when N is at least the number of projects', () => {
    const r = project([6, 6, 6], 3, 10);
    expect(r.adoptedIds).toEqual([1, 2, 3]);
    expect(r.runOff).toBeNull();
  });

  it('orders adoptedIds by rank, then option order', () => {
    expect(project([6, 9, 7, 9, 0], 4, 10).adoptedIds).toEqual([2, 4, 3, 1]);
  });

  it('counts ballots with too many 赞成 as invalid, on no project', () => {
    const extra = [ballot('yyyyn'), ballot('yyyyy'), ballot('yy-nn'), ballot('nnnnn', ['新项目'])];
    const r = project([9, 8, 7, 6, 0], 3, 10, 20, undefined, extra);
    expect(r.options.map((o) => o.yes)).toEqual([9, 8, 7, 6, 0]);
    expect(r).toMatchObject({ cast: 14, validBallots: 10, invalidBallots: 4, notVoted: 6 });
    expect(r.invalidReasons).toEqual({ too_many_yes: 2, missing_mark: 1, write_in_not_allowed: 1 });
    // base 'all' = 20 → 11 needed: nothing passes
    expect(r.adoptedIds).toEqual([]);
  });

  it('takes a cast base from valid ballots only', () => {
    const rule: PassRule = { base: 'cast', fraction: { num: 1, den: 2, strict: true } };
    const extra = many(5, 'yyyyy');
    const r = project([6, 5, 4], 3, 10, 100, rule, extra);
    expect(r).toMatchObject({ base: 10, required: 6, validBallots: 10, invalidBallots: 5 });
    expect(r.adoptedIds).toEqual([1]);
  });

  it('counts all-abstain ballots and adopts nothing', () => {
    const s = spec('project', { n: 4, maxYes: 2 });
    const r = computeResult(s, many(7, 'aaaa'), { inOffice: 7, present: 7 }) as ProjectResult;
    expect(r.options.every((o) => o.abstain === 7 && o.yes === 0 && o.rank === 1 && !o.passes)).toBe(true);
    expect(r.adoptedIds).toEqual([]);
    expect(r.runOff).toBeNull();
  });

  it('passes nothing with nobody in office', () => {
    const r = computeResult(spec('project'), [], { inOffice: 0, present: 0 }) as ProjectResult;
    expect(r).toMatchObject({ base: 0, required: 1, adoptedIds: [], runOff: null, cast: 0, notVoted: 0 });
  });

  it('uses the option ids of the vote, whatever they are', () => {
    const s = spec('project', { options: [{ id: 40, label: 'A' }, { id: 7, label: 'B' }], maxYes: 1 });
    const ballots: BallotContent[] = Array.from({ length: 3 }, () => ({ marks: { 40: 'yes', 7: 'no' } }));
    const r = computeResult(s, ballots, { inOffice: 5, present: 5 }) as ProjectResult;
    expect(r.adoptedIds).toEqual([40]);
    expect(r.options.map((o) => [o.optionId, o.yes, o.no])).toEqual([
      [40, 3, 0],
      [7, 0, 3],
    ]);
  });
});
