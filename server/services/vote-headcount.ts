// The headcount a vote's tally is taken over: of the deputies who may vote in it, those checked in to the
// sitting (出席, the 'present' base and the 未按 count) and those on leave (shown apart from 缺席).
import type { Headcount } from '../../shared/types';
import type { Reader } from '../repositories/rows';
import { checkedInDeputyIds, onLeaveDeputyIds } from '../repositories/attendance-repository';

export async function headcountOf(db: Reader, sittingId: number, eligible: readonly number[], inOffice: number): Promise<Required<Headcount>> {
  const present = new Set(await checkedInDeputyIds(db, sittingId));
  const onLeave = new Set(await onLeaveDeputyIds(db, sittingId));
  return {
    inOffice,
    present: eligible.filter((id) => present.has(id)).length,
    onLeave: eligible.filter((id) => onLeave.has(id) && !present.has(id)).length,
  };
}
