// 民生实事项目票决: rank projects by 赞成; adopt those that pass and rank within N; ties across
// the N-th place go to a run-off.
import type { BallotContent, Headcount, VoteSpec } from '../types';
import type { ProjectResult, RunOff } from './result-types';
import { meetsFraction } from './fraction';
import { selectWithinLimit } from './rank';
import { commonOf, countListBallots, thresholdOf } from './tally-common';
import { maxYesOf } from './spec';

/**
 * Tallies a project vote. Ballots failing validateBallot (e.g. more than N 赞成) are invalid and
 * count on no project. The 'cast' base is the number of valid ballots.
 * Expects a valid spec and headcount (computeResult checks them).
 */
export function tallyProject(spec: VoteSpec, ballots: readonly BallotContent[], head: Headcount): ProjectResult {
  const n = maxYesOf(spec);
  const { counts, invalidReasons, ...list } = countListBallots(spec, ballots);
  const valid = list.valid.length;
  const threshold = thresholdOf(spec.passRule, head, valid);
  const yes = counts.map((c) => c.yes);
  const passes = yes.map((y) => meetsFraction(y, threshold.base, spec.passRule.fraction));
  const sel = selectWithinLimit(yes, passes, n);
  const options = spec.options.map((o, i) => ({
    optionId: o.id,
    label: o.label,
    ...counts[i],
    rank: sel.ranks[i],
    passes: passes[i],
    adopted: sel.selected[i],
  }));
  const adoptedIds = options
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.adopted)
    .sort((a, b) => a.o.rank - b.o.rank || a.i - b.i)
    .map(({ o }) => o.optionId);
  let runOff: RunOff | null = null;
  if (sel.tied.length > 0) {
    runOff = {
      optionIds: sel.tied.map((i) => spec.options[i].id),
      votes: sel.tiedVotes,
      places: sel.places,
      reason: `${sel.tied.length} 个项目均获 ${sel.tiedVotes} 票赞成，并列争取最后 ${sel.places} 个名额，须再次票决 / ${sel.tied.length} projects tie at ${sel.tiedVotes} yes for the last ${sel.places} place(s): a run-off is needed`,
    };
  }
  return {
    kind: 'project',
    ...commonOf(head, ballots.length),
    ...threshold,
    maxYes: n,
    validBallots: valid,
    invalidBallots: ballots.length - valid,
    invalidReasons,
    options,
    adoptedIds,
    runOff,
  };
}
