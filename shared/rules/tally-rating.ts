// 满意度测评: 满意 / 基本满意 / 不满意 per subject, a satisfaction rate and a verdict.
import type { BallotContent, Headcount, RatingMark, RatingVerdictRule, VoteSpec } from '../types';
import type { RatingResult, RatingSubjectResult } from './result-types';
import { DEFAULT_BODY_RULES } from './defaults';
import { meetsFraction, requiredCount } from './fraction';
import { baseSize, commonOf } from './tally-common';

const RATING_MARKS: readonly unknown[] = ['satisfied', 'basic', 'unsatisfied'];

function subjectResult(
  option: VoteSpec['options'][number],
  counts: Record<RatingMark, number>,
  cast: number,
  rule: RatingVerdictRule,
  head: Headcount,
): RatingSubjectResult {
  const valid = counts.satisfied + counts.basic + counts.unsatisfied;
  const base = baseSize(rule.base, head, valid);
  const approving = counts.satisfied + counts.basic;
  const verdict: RatingMark = meetsFraction(counts.satisfied, base, rule.satisfied)
    ? 'satisfied'
    : meetsFraction(approving, base, rule.basicallySatisfied)
      ? 'basic'
      : 'unsatisfied';
  return {
    optionId: option.id,
    label: option.label,
    ...counts,
    invalid: cast - valid,
    valid,
    satisfactionRate: valid === 0 ? null : approving / valid,
    base,
    required: { satisfied: requiredCount(base, rule.satisfied), basic: requiredCount(base, rule.basicallySatisfied) },
    verdict,
  };
}

/**
 * Tallies a rating, subject by subject: a ballot with no mark, or a mark that is not a rating mark,
 * is invalid for that subject only (other subjects on it still count). The 'cast' base of the verdict
 * is the subject's valid count. Without a verdict rule on the vote, DEFAULT_BODY_RULES.ratingVerdict
 * applies (and is reported in the result). Expects a valid spec and headcount.
 */
export function tallyRating(spec: VoteSpec, ballots: readonly BallotContent[], head: Headcount): RatingResult {
  const rule = spec.ratingVerdict ?? DEFAULT_BODY_RULES.ratingVerdict;
  const counts = spec.options.map(() => ({ satisfied: 0, basic: 0, unsatisfied: 0 }));
  for (const b of ballots) {
    const marks: unknown = typeof b === 'object' && b !== null ? b.marks : undefined;
    if (typeof marks !== 'object' || marks === null || Array.isArray(marks)) continue;
    spec.options.forEach((o, i) => {
      const key = String(o.id);
      const mark: unknown = Object.hasOwn(marks, key) ? (marks as Record<string, unknown>)[key] : undefined;
      if (RATING_MARKS.includes(mark)) counts[i][mark as RatingMark] += 1;
    });
  }
  return {
    kind: 'rating',
    ...commonOf(head, ballots.length),
    verdictRule: rule,
    subjects: spec.options.map((o, i) => subjectResult(o, counts[i], ballots.length, rule, head)),
  };
}
