// 记名表决明细: what a 记名 (open) vote is for — each deputy's choice, and who did not press (未按), was on leave
// (请假) or absent (缺席), grouped by delegation. Both the printed sheet and the .xlsx lay it out from here.
import type { Mark, RatingMark } from './types';
import type { Bilingual } from './labels';

export type RollStatus = 'voted' | 'not_voted' | 'leave' | 'absent';

export interface RollCallEntry {
  deputyId: number;
  name: string;
  delegation: string | null;
  cardNo: string;
  status: RollStatus;
  /** One mark per option, in the vote's option order; null unless status is 'voted'. */
  marks: Array<Mark | RatingMark | null> | null;
  writeIns: string[];
}

export const ROLL_STATUS_LABELS: Readonly<Record<Exclude<RollStatus, 'voted'>, Bilingual>> = {
  not_voted: { zh: '未按', en: 'Did not vote' },
  leave: { zh: '请假', en: 'On leave' },
  absent: { zh: '缺席', en: 'Absent' },
};

/** The status a deputy of the electorate had when the vote closed: voted, present without pressing, on leave, absent. */
export function rollStatus(voted: boolean, present: boolean, onLeave: boolean): RollStatus {
  if (voted) return 'voted';
  if (present) return 'not_voted';
  return onLeave ? 'leave' : 'absent';
}

export const NO_DELEGATION: Bilingual = { zh: '未分代表团', en: 'No delegation' };

/** Entries grouped by delegation, in the order they come (the body's, from the server), no delegation last. */
export function groupByDelegation(entries: readonly RollCallEntry[]): Array<{ delegation: string | null; entries: RollCallEntry[] }> {
  const groups = new Map<string | null, RollCallEntry[]>();
  for (const e of entries) {
    const key = e.delegation?.trim() || null;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => Number(a === null) - Number(b === null))
    .map(([delegation, list]) => ({ delegation, entries: list }));
}
