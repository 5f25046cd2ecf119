import { describe, expect, it } from 'vitest';
import type { BallotContent, PassRule, VoteSpec } from '../../../shared/types';
import { computeResult } from '../../../shared/rules/tally';
import type { ElectionResult } from '../../../shared/rules/result-types';
import { ballot, ballotsWithYes, many, options, spec } from './helpers';

const CANDIDATES = options(['张三', '李四', '王五']);
const LOW: PassRule = { base: 'all', fraction: { num: 1, den: 5, strict: false } };

function election(ballots: BallotContent[], inOffice = 20, extra: Partial<VoteSpec> = {}): ElectionResult {
  const s = spec('election', { options: CANDIDATES, maxYes: 2, allowWriteIn: true, ...extra });
  const r = computeResult(s, ballots, { inOffice, present: inOffice });
  if (r.kind !== 'election') throw new Error('wrong kind');
  return r;
}

const conserved = (r: ElectionResult) => {
  for (const c of r.candidates.filter((x) => !x.writeIn)) expect(c.yes + c.no + c.abstain + r.invalidBallots).toBe(r.cast);
  expect(r.electedIds.length + r.electedWriteIns.length + (r.runOff?.places ?? 0) + r.unfilledSeats).toBe(r.seats);
};

describe('election tally (选举): listed candidates, 2 seats, 20 deputies (11 赞成 needed)', () => {
  it.each<[string, number[], number[], { optionIds: number[]; places: number; votes: number } | null, number]>([
    ['two clear winners', [15, 12, 5], [1, 2], null, 0],
    ['one passes: a seat stays unfilled', [15, 8, 5], [1], null, 1],
    ['exactly half is not enough', [10, 10, 10], [], null, 2],
    ['nobody marked yes', [0, 0, 0], [], null, 2],
    ['tie for the last seat', [15, 12, 12], [1], { optionIds: [2, 3], places: 1, votes: 12 }, 0],
    ['three-way tie for both seats', [12, 12, 12], [], { optionIds: [1, 2, 3], places: 2, votes: 12 }, 0],
    ['tie at the top within the seats', [14, 14, 11], [1, 2], null, 0],
    ['tie among those who fail', [15, 6, 6], [1], null, 1],
  ])('%s', (_name, yes, elected, runOff, unfilled) => {
    const r = election(ballotsWithYes(yes, 20, 'no', 2));
    expect(r.candidates.map((c) => c.yes)).toEqual(yes);
    expect(r.electedIds).toEqual(elected);
    expect(r.electedWriteIns).toEqual([]);
    if (runOff === null) expect(r.runOff).toBeNull();
    else expect(r.runOff).toMatchObject({ ...runOff, writeIns: [] });
    expect(r.unfilledSeats).toBe(unfilled);
    conserved(r);
  });

  it('reports the whole result', () => {
    const r = election(ballotsWithYes([15, 12, 12], 20, 'abstain', 2));
    expect(r).toMatchObject({
      kind: 'election',
      seats: 2,
      cast: 20,
      notVoted: 0,
      validBallots: 20,
      invalidBallots: 0,
      invalidReasons: {},
      base: 20,
      required: 11,
      electedIds: [1],
      unfilledSeats: 0,
    });
    expect(r.candidates[1]).toEqual({ optionId: 2, writeIn: false, label: '李四', yes: 12, no: 0, abstain: 8, rank: 2, passes: true, elected: false });
    expect(r.runOff?.reason).toMatch(/再次投票.*re-vote/u);
  });

  it('treats a ballot with more 赞成 than seats as invalid as a whole', () => {
    const r = election([...many(12, 'yyn'), ...many(3, 'yyy'), ballot('yyn', ['赵六']), ballot('nnn', ['赵六', '钱七', '孙八'])]);
    expect(r).toMatchObject({ cast: 17, validBallots: 12, invalidBallots: 5, invalidReasons: { too_many_yes: 5 }, notVoted: 3 });
    expect(r.candidates.map((c) => [c.label, c.yes, c.no])).toEqual([
      ['张三', 12, 0],
      ['李四', 12, 0],
      ['王五', 0, 12],
    ]);
    expect(r.electedIds).toEqual([1, 2]);
    conserved(r);
  });

  it('counts other bad ballots as invalid too, by reason', () => {
    const r = election([...many(12, 'ynn'), ballot('y-n'), ballot('ynn', ['张三']), ballot('ynn', ['', '赵六']), { marks: [] } as never]);
    expect(r.invalidReasons).toEqual({ missing_mark: 1, bad_write_in: 2, bad_content: 1 });
    expect(r.candidates).toHaveLength(3);
  });

  it('refuses write-ins when the election does not allow them', () => {
    const r = election([...many(12, 'ynn'), ...many(3, 'nnn', ['赵六'])], 20, { allowWriteIn: false });
    expect(r.invalidReasons).toEqual({ write_in_not_allowed: 3 });
    expect(r.candidates.some((c) => c.writeIn)).toBe(false);
  });

  it('takes a cast base from valid ballots only', () => {
    const rule: PassRule = { base: 'cast', fraction: { num: 1, den: 2, strict: true } };
    const r = election([...many(6, 'ynn'), ...many(4, 'nyn'), ...many(10, 'yyy')], 100, { passRule: rule });
    expect(r).toMatchObject({ base: 10, required: 6, electedIds: [1], unfilledSeats: 1 });
  });

  it('elects nobody with nobody in office', () => {
    expect(election([], 0)).toMatchObject({ base: 0, required: 1, electedIds: [], unfilledSeats: 2, runOff: null });
  });

  it('elects every candidate of an 等额 election who passes', () => {
    const s = spec('election', { options: options(['甲', '乙']), maxYes: 2 });
    const r = computeResult(s, [...many(11, 'yy'), ...many(9, 'yn')], { inOffice: 20, present: 20 }) as ElectionResult;
    expect(r.electedIds).toEqual([1, 2]);
    expect(r.candidates.map((c) => c.rank)).toEqual([1, 2]);
  });
});

describe('election tally: write-ins (另选他人)', () => {
  it('elects a write-in who passes the threshold', () => {
    const r = election([...many(12, 'nnn', ['赵六']), ...many(8, 'ynn')]);
    expect(r.electedIds).toEqual([]);
    expect(r.electedWriteIns).toEqual(['赵六']);
    expect(r.unfilledSeats).toBe(1);
    expect(r.candidates[3]).toEqual({ optionId: null, writeIn: true, label: '赵六', yes: 12, no: 0, abstain: 0, rank: 1, passes: true, elected: true });
    conserved(r);
  });

  it('elects a listed candidate and a write-in together', () => {
    const r = election([...many(12, 'ynn', ['赵六']), ...many(8, 'nyn')]);
    expect(r.electedIds).toEqual([1]);
    expect(r.electedWriteIns).toEqual(['赵六']);
    expect(r.candidates.map((c) => c.rank)).toEqual([1, 3, 4, 1]);
  });

  it('adds up one name written in different ways', () => {
    const r = election([...many(6, 'nnn', ['赵六']), ...many(4, 'nnn', [' 赵\u3000六']), ...many(2, 'nnn', ['赵六 '])]);
    const w = r.candidates.filter((c) => c.writeIn);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ label: '赵六', yes: 12, elected: true });
  });

  it('labels a write-in by its most frequent spelling, then code-unit order', () => {
    const r = election([...many(2, 'nnn', ['赵六']), ...many(2, 'nnn', ['赵 六'])]);
    expect(r.candidates[3].label).toBe('赵 六');
    const r2 = election([...many(3, 'nnn', ['赵六']), ...many(2, 'nnn', ['赵 六'])]);
    expect(r2.candidates[3].label).toBe('赵六');
  });

  it('lists write-ins after the listed candidates, by 赞成 then label', () => {
    const r = election([...many(2, 'nnn', ['孙八']), ...many(3, 'nnn', ['钱七']), ...many(2, 'nnn', ['赵六'])]);
    expect(r.candidates.map((c) => c.label)).toEqual(['张三', '李四', '王五', '钱七', '孙八', '赵六']);
  });

  it('sends tied write-ins to a run-off', () => {
    const ballots = [...many(6, 'ynn', ['赵六']), ...many(6, 'ynn', ['钱七']), ...many(3, 'ynn'), ...many(5, 'nyn')];
    const r = election(ballots, 20, { passRule: LOW });
    expect(r.electedIds).toEqual([1]);
    expect(r.runOff).toMatchObject({ optionIds: [], writeIns: ['赵六', '钱七'], votes: 6, places: 1 });
    expect(r.unfilledSeats).toBe(0);
    conserved(r);
  });

  it('sends a tie between listed candidates and write-ins to one run-off', () => {
    const ballots = [...many(6, 'ynn', ['赵六']), ...many(6, 'ynn', ['钱七']), ...many(2, 'ynn'), ...many(6, 'nyn')];
    const r = election(ballots, 20, { passRule: LOW });
    expect(r.runOff).toMatchObject({ optionIds: [2], writeIns: ['赵六', '钱七'], votes: 6, places: 1 });
    expect(r.candidates.filter((c) => c.elected).map((c) => c.label)).toEqual(['张三']);
  });
});
