// 议案表决: 赞成 / 反对 / 弃权 / 未按 on one motion.
import type { BallotContent, Headcount, Mark, VoteSpec } from '../types';
import type { ResolutionResult } from './result-types';
import { checkBallot } from './ballot';
import { meetsFraction } from './fraction';
import { commonOf, thresholdOf } from './tally-common';

/**
 * Tallies a resolution. The 'cast' base is every ballot cast, valid or not (a deputy who pressed
 * took part; the server refuses invalid resolution ballots anyway, so `invalid` is normally 0).
 * Expects a valid spec and headcount (computeResult checks them).
 */
export function tallyResolution(spec: VoteSpec, ballots: readonly BallotContent[], head: Headcount): ResolutionResult {
  const key = String(spec.options[0].id);
  const counts = { yes: 0, no: 0, abstain: 0, invalid: 0 };
  for (const b of ballots) {
    if (checkBallot(spec, b).ok) counts[b.marks[key] as Mark] += 1;
    else counts.invalid += 1;
  }
  const threshold = thresholdOf(spec.passRule, head, ballots.length);
  return {
    kind: 'resolution',
    ...commonOf(head, ballots.length),
    ...threshold,
    ...counts,
    passed: meetsFraction(counts.yes, threshold.base, spec.passRule.fraction),
  };
}
