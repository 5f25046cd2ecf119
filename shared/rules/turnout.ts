// Who took part in a vote, as the NPC announces it: 出席 N — 赞成, 反对, 弃权 and 未按 (present, did not press) add
// up to 出席; 请假 and 缺席 are the deputies in office who were not there, shown apart. The pass rule's base is
// not changed by any of this (全体代表 stays inOffice).
import type { Headcount } from '../types';

export interface Turnout {
  /** Deputies in office when the vote opened (the 'all' base). */
  inOffice: number;
  /** Deputies of the electorate checked in to the sitting (出席). */
  present: number;
  /** Ballots received, valid or not. */
  cast: number;
  /** 未按: present but cast no ballot, present − cast, never negative. */
  notVoted: number;
  /** 请假: on leave for the sitting and not checked in. */
  onLeave: number;
  /** 缺席: in office, neither present nor on leave. */
  absent: number;
}

export function turnoutOf(head: Headcount, cast: number): Turnout {
  const onLeave = Math.min(head.onLeave ?? 0, Math.max(0, head.inOffice - head.present));
  return {
    inOffice: head.inOffice,
    present: head.present,
    cast,
    notVoted: Math.max(0, head.present - cast),
    onLeave,
    absent: Math.max(0, head.inOffice - head.present - onLeave),
  };
}
