// A stored vote's rules as the shared rule functions take them (shared/rules): what opening, casting, closing and
// audit:verify all read from the same record.
import type { VoteSpec } from '../../shared/types';
import type { VoteRecord } from '../repositories/votes-repository';

export function specOf(v: VoteRecord): VoteSpec {
  return {
    kind: v.kind,
    options: v.options,
    maxYes: v.maxYes ?? undefined,
    allowWriteIn: v.allowWriteIn,
    passRule: v.passRule,
    ratingVerdict: v.ratingVerdict ?? undefined,
  };
}
