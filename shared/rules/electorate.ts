// Who counts as 全体代表 (all deputies): only deputies in office.
import type { DeputyStatus } from '../types';

/**
 * Whether a deputy with this status is in office. Suspended (暂停执行代表职务) and terminated
 * (终止代表资格) deputies are not: they neither count in any base nor vote.
 */
export function isInOffice(status: DeputyStatus): boolean {
  return status === 'active';
}

/**
 * How many of these deputies are in office: the `inOffice` headcount a vote fixes when it opens and
 * the base of "all deputies" (全体代表) in every rule.
 */
export function countInOffice(deputies: readonly { status: DeputyStatus }[]): number {
  let n = 0;
  for (const d of deputies) if (isInOffice(d.status)) n += 1;
  return n;
}
