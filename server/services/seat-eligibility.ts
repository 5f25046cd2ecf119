// Whom a face may be answered for: checked in at the door, or handed a voter token at a seat. One home for the rule,
// used by the face check-in service and by the tests that issue voter tokens without camera frames
// (tests/helpers/voting.ts), so the two cannot drift.
import type { Reader } from '../repositories/rows';
import { findDeputyParticipant } from '../repositories/meetings-repository';
import { checkinCounts } from '../repositories/attendance-repository';

export type SeatStanding = { ok: true; participantId: number } | { ok: false; reason: 'not_on_roster' | 'not_checked_in' };

/**
 * The deputy's participant id when they may check in at this meeting: in office (active, not suspended or
 * terminated: shared/DESIGN.md) and on the meeting's roster; null otherwise (not_on_roster).
 */
export async function rosterParticipant(db: Reader, meetingId: number, deputy: { id: number; status: string }): Promise<number | null> {
  const participant = await findDeputyParticipant(db, meetingId, deputy.id);
  return participant && deputy.status === 'active' ? participant.id : null;
}

/** A deputy may vote at a seat when on the roster (above) and checked in to the sitting (GB 50799 §12.2.9). */
export async function seatStanding(db: Reader, sitting: { id: number; meetingId: number }, deputy: { id: number; status: string }): Promise<SeatStanding> {
  const participantId = await rosterParticipant(db, sitting.meetingId, deputy);
  if (participantId === null) return { ok: false, reason: 'not_on_roster' };
  if (!(await checkinCounts(db, sitting.id, participantId))) return { ok: false, reason: 'not_checked_in' };
  return { ok: true, participantId };
}
