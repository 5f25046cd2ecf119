// 选举 (usually 差额, with 另选他人): candidates ranked by 赞成, elected when they pass the threshold
// and rank within the seats; a tie across the last seat goes to a re-vote among the tied only.
import type { BallotContent, Headcount, VoteSpec } from '../types';
import type { CandidateResult, ElectionResult, ElectionRunOff } from './result-types';
import { writeInsOf } from './ballot';
import { meetsFraction } from './fraction';
import { displayName, nameKey } from './names';
import { selectWithinLimit } from './rank';
import { maxYesOf } from './spec';
import { commonOf, countListBallots, thresholdOf } from './tally-common';

interface WriteInTally {
  yes: number;
  /** How often each display spelling was written, to pick a label independent of ballot order. */
  spellings: Map<string, number>;
}

function labelOf(t: WriteInTally): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of t.spellings) {
    if (count > bestCount || (count === bestCount && spelling < best)) [best, bestCount] = [spelling, count];
  }
  return best;
}

function writeInCandidates(writeIns: Map<string, WriteInTally>): CandidateResult[] {
  const out = [...writeIns.values()].map((t) => ({
    optionId: null,
    writeIn: true,
    label: labelOf(t),
    yes: t.yes,
    no: 0,
    abstain: 0,
    rank: 0,
    passes: false,
    elected: false,
  }));
  return out.sort((a, b) => b.yes - a.yes || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/**
 * Tallies an election. A ballot failing validateBallot — above all one with more 赞成 (write-ins
 * included) than seats — is invalid as a whole. Each distinct write-in name (by nameKey) is a
 * candidate with 赞成 only. The 'cast' base is the number of valid ballots.
 * Expects a valid spec and headcount (computeResult checks them).
 */
export function tallyElection(spec: VoteSpec, ballots: readonly BallotContent[], head: Headcount): ElectionResult {
  const seats = maxYesOf(spec);
  const { counts: listed, valid: validBallots, invalidReasons } = countListBallots(spec, ballots);
  const valid = validBallots.length;
  const writeIns = new Map<string, WriteInTally>();
  for (const b of validBallots) {
    for (const name of writeInsOf(b) ?? []) {
      const key = nameKey(name);
      const t = writeIns.get(key) ?? { yes: 0, spellings: new Map<string, number>() };
      t.yes += 1;
      const shown = displayName(name);
      t.spellings.set(shown, (t.spellings.get(shown) ?? 0) + 1);
      writeIns.set(key, t);
    }
  }
  const threshold = thresholdOf(spec.passRule, head, valid);
  const candidates: CandidateResult[] = [
    ...spec.options.map((o, i) => ({ optionId: o.id, writeIn: false, label: o.label, ...listed[i], rank: 0, passes: false, elected: false })),
    ...writeInCandidates(writeIns),
  ];
  const yes = candidates.map((c) => c.yes);
  const passes = yes.map((y) => meetsFraction(y, threshold.base, spec.passRule.fraction));
  const sel = selectWithinLimit(yes, passes, seats);
  candidates.forEach((c, i) => {
    c.rank = sel.ranks[i];
    c.passes = passes[i];
    c.elected = sel.selected[i];
  });
  const byRank = candidates.map((c, i) => ({ c, i })).sort((a, b) => a.c.rank - b.c.rank || a.i - b.i);
  const elected = byRank.filter(({ c }) => c.elected).map(({ c }) => c);
  let runOff: ElectionRunOff | null = null;
  if (sel.tied.length > 0) {
    const tied = sel.tied.map((i) => candidates[i]);
    runOff = {
      optionIds: tied.filter((c) => c.optionId !== null).map((c) => c.optionId as number),
      writeIns: tied.filter((c) => c.writeIn).map((c) => c.label),
      votes: sel.tiedVotes,
      places: sel.places,
      reason: `${tied.length} 名候选人均获 ${sel.tiedVotes} 票赞成，并列争取最后 ${sel.places} 个名额，须就票数相等的候选人再次投票 / ${tied.length} candidates tie at ${sel.tiedVotes} yes for the last ${sel.places} seat(s): a re-vote among the tied candidates is needed`,
    };
  }
  return {
    kind: 'election',
    ...commonOf(head, ballots.length),
    ...threshold,
    seats,
    validBallots: valid,
    invalidBallots: ballots.length - valid,
    invalidReasons,
    candidates,
    electedIds: elected.filter((c) => c.optionId !== null).map((c) => c.optionId as number),
    electedWriteIns: elected.filter((c) => c.writeIn).map((c) => c.label),
    runOff,
    unfilledSeats: seats - elected.length - sel.places,
  };
}
