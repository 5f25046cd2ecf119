// Quorum and the attendance line the presidium reads out: 应到 / 实到 / 请假 / 缺席.
import type { Fraction, Headcount } from '../types';
import { assertCount, meetsFraction, requiredCount } from './fraction';

/** Whether a sitting has its quorum, and by how many deputies it falls short. */
export interface QuorumStatus {
  /** present reaches the quorum fraction of the deputies in office. */
  met: boolean;
  /** The least number present that makes the quorum (see requiredCount; may exceed inOffice). */
  required: number;
  present: number;
  inOffice: number;
  /** required − present when not met, else 0. */
  shortBy: number;
  /** Whether the quorum can be met at all with the deputies in office (false when inOffice is 0). */
  reachable: boolean;
}

/** Throws a RangeError unless both headcounts are non-negative integers. */
export function assertHeadcount(head: Headcount): void {
  assertCount(head.inOffice, 'inOffice');
  assertCount(head.present, 'present');
}

/**
 * The quorum of a sitting: `quorum` is a fraction of the deputies in office (default ≥ 2/3,
 * 地方组织法 Art. 14). `head.present` counts deputies in office who checked in; observers, staff,
 * and suspended or terminated deputies must not be counted by the caller.
 * With no deputies in office the quorum is never met (required is 1, unreachable).
 */
export function quorumStatus(quorum: Fraction, head: Headcount): QuorumStatus {
  assertHeadcount(head);
  const required = requiredCount(head.inOffice, quorum);
  const met = meetsFraction(head.present, head.inOffice, quorum);
  return {
    met,
    required,
    present: head.present,
    inOffice: head.inOffice,
    shortBy: met ? 0 : Math.max(0, required - head.present),
    reachable: required <= head.inOffice,
  };
}

/** Raw counts for the attendance line of one sitting. */
export interface AttendanceCounts extends Headcount {
  /** Deputies in office excused from this sitting (请假) who have not checked in. */
  onLeave: number;
}

/** 应到 / 实到 / 请假 / 缺席 for one sitting. */
export interface AttendanceSummary {
  /** 应到: deputies in office. */
  expected: number;
  /** 实到: deputies in office checked in. */
  present: number;
  /** 请假: excused, not checked in. */
  onLeave: number;
  /** 缺席: expected − present − onLeave, never negative. */
  absent: number;
}

/**
 * The attendance line. A deputy on leave who checks in anyway is present, not on leave: pass only
 * those on leave who have not checked in. Inconsistent counts (present + onLeave > expected) are
 * shown as given, with absent clamped to 0 rather than negative.
 */
export function attendanceSummary(counts: AttendanceCounts): AttendanceSummary {
  assertHeadcount(counts);
  assertCount(counts.onLeave, 'onLeave');
  return {
    expected: counts.inOffice,
    present: counts.present,
    onLeave: counts.onLeave,
    absent: Math.max(0, counts.inOffice - counts.present - counts.onLeave),
  };
}
