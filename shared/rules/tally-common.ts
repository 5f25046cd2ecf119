// Pieces every tally shares: the headcount checks, the base of a pass rule, the common fields.
import type { BallotContent, Headcount, Mark, PassBase, PassRule, VoteSpec } from '../types';
import type { InvalidReasons, ResultCommon, Threshold } from './result-types';
import { checkBallot, type BallotCheck } from './ballot';
import { requiredCount } from './fraction';
import { turnoutOf } from './turnout';

/** The size of a base: 'all' → inOffice, 'present' → present, 'cast' → the count the kind uses. */
export function baseSize(base: PassBase, head: Headcount, cast: number): number {
  if (base === 'all') return head.inOffice;
  if (base === 'present') return head.present;
  return cast;
}

/** The threshold fields of a result for this rule, with `cast` as the kind's 'cast' base. */
export function thresholdOf(passRule: PassRule, head: Headcount, cast: number): Threshold {
  const base = baseSize(passRule.base, head, cast);
  return { passRule, base, required: requiredCount(base, passRule.fraction) };
}

/** kind-independent fields: cast, 未按, 请假, 缺席 and the headcounts (turnoutOf). */
export function commonOf(head: Headcount, cast: number): Omit<ResultCommon, 'kind'> {
  return turnoutOf(head, cast);
}

/** Adds one failed check to the reasons tally. */
export function countReason(reasons: InvalidReasons, check: BallotCheck): void {
  if (!check.ok) reasons[check.code] = (reasons[check.code] ?? 0) + 1;
}

/**
 * For list votes (project, election): each option's 赞成/反对/弃权 over the ballots valid as a whole; an invalid
 * ballot counts on no option and adds its reason.
 */
export function countListBallots(
  spec: VoteSpec,
  ballots: readonly BallotContent[],
): { counts: Array<Record<Mark, number>>; valid: BallotContent[]; invalidReasons: InvalidReasons } {
  const counts = spec.options.map(() => ({ yes: 0, no: 0, abstain: 0 }));
  const valid: BallotContent[] = [];
  const invalidReasons: InvalidReasons = {};
  for (const b of ballots) {
    const check = checkBallot(spec, b);
    if (!check.ok) {
      countReason(invalidReasons, check);
      continue;
    }
    valid.push(b);
    spec.options.forEach((o, i) => {
      counts[i][b.marks[String(o.id)] as Mark] += 1;
    });
  }
  return { counts, valid, invalidReasons };
}
