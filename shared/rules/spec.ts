// Whether a vote's own settings make sense; checked when a vote is created and before any tally.
import type { Mark, RatingMark, VoteKind, VoteSpec } from '../types';
import { assertFraction } from './fraction';

export type SpecErrorCode = 'no_options' | 'bad_option_id' | 'duplicate_option_id' | 'resolution_options' | 'bad_max_yes' | 'bad_fraction';

/** The outcome of validateSpec: ok, or the first problem found. */
export type SpecCheck = { ok: true } | { ok: false; code: SpecErrorCode; message: string };

/** Marks allowed per option, per kind of vote. */
export const MARKS_BY_KIND: Readonly<Record<VoteKind, readonly (Mark | RatingMark)[]>> = Object.freeze({
  resolution: ['yes', 'no', 'abstain'],
  project: ['yes', 'no', 'abstain'],
  election: ['yes', 'no', 'abstain'],
  rating: ['satisfied', 'basic', 'unsatisfied'],
});

function fractionOk(f: VoteSpec['passRule']['fraction']): boolean {
  try {
    assertFraction(f);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a vote's settings: at least one option, unique positive integer ids, exactly one option
 * (the motion) for a resolution, `maxYes` an integer ≥ 1 for a project (N) or an election (seats),
 * integer fractions with den ≥ 1. The server runs it when a vote is created.
 */
export function validateSpec(spec: VoteSpec): SpecCheck {
  if (spec.options.length === 0) return { ok: false, code: 'no_options', message: '表决至少需要一个选项 / A vote needs at least one option' };
  const seen = new Set<number>();
  for (const o of spec.options) {
    if (!Number.isSafeInteger(o.id) || o.id < 1) {
      return { ok: false, code: 'bad_option_id', message: `选项编号无效：${String(o.id)} / Invalid option id ${String(o.id)}` };
    }
    if (seen.has(o.id)) return { ok: false, code: 'duplicate_option_id', message: `选项编号重复：${o.id} / Duplicate option id ${o.id}` };
    seen.add(o.id);
  }
  if (spec.kind === 'resolution' && spec.options.length !== 1) {
    return { ok: false, code: 'resolution_options', message: '议案表决只有一个表决事项 / A resolution has exactly one motion' };
  }
  if ((spec.kind === 'project' || spec.kind === 'election') && !(Number.isSafeInteger(spec.maxYes) && (spec.maxYes ?? 0) >= 1)) {
    return { ok: false, code: 'bad_max_yes', message: '应选数须为正整数 / maxYes must be a positive integer' };
  }
  const fractions = [spec.passRule.fraction];
  if (spec.ratingVerdict) fractions.push(spec.ratingVerdict.satisfied, spec.ratingVerdict.basicallySatisfied);
  if (!fractions.every(fractionOk)) return { ok: false, code: 'bad_fraction', message: '通过比例无效 / Invalid fraction' };
  return { ok: true };
}

/** Throws a RangeError when the spec is invalid: a bad spec is the server's bug, not the voter's. */
export function assertSpec(spec: VoteSpec): void {
  const check = validateSpec(spec);
  if (!check.ok) throw new RangeError(`invalid vote spec (${check.code}): ${check.message}`);
}

/** The seat count (election) or N (project) of a valid spec. */
export function maxYesOf(spec: VoteSpec): number {
  return spec.maxYes ?? 0;
}
