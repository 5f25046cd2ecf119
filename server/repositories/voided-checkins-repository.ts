// 驳回 makes a check-in void: it moves from checkins (one row per person and sitting) to voided_checkins whole, with
// its frames and its review, so it counts nowhere and the real deputy can still check in (migration door_watch).
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

/** Moves the held check-in to voided_checkins with who refused it and why; returns whether one was held. */
export async function voidHeldCheckin(tx: Tx, v: { sittingId: number; participantId: number; staffId: number; reason: string }): Promise<boolean> {
  const held = await tx.get<{ id: number; doubted_by: number | null; doubt_reason: string | null }>(
    `SELECT c.id, r.doubted_by, r.doubt_reason FROM checkins c JOIN checkin_reviews r ON r.sitting_id = c.sitting_id AND r.participant_id = c.participant_id
     WHERE c.sitting_id = ? AND c.participant_id = ? AND r.state = 'doubted'`,
    [v.sittingId, v.participantId],
  );
  if (!held) return false;
  const { lastID } = await tx.run(
    `INSERT INTO voided_checkins (checkin_id, sitting_id, participant_id, method, device_id, staff_id, reason, distance, margin, liveness,
       evidence, antispoof, checked_in_at, doubted_by, doubt_reason, refused_by, refuse_reason, refused_at)
     SELECT id, sitting_id, participant_id, method, device_id, staff_id, reason, distance, margin, liveness,
       evidence, antispoof, created_at, ?, ?, ?, ?, ? FROM checkins WHERE id = ?`,
    [held.doubted_by, held.doubt_reason, v.staffId, v.reason, now(), held.id],
  );
  await tx.run('INSERT INTO voided_checkin_frames (voided_id, position, label, jpeg) SELECT ?, position, label, jpeg FROM checkin_frames WHERE checkin_id = ?', [lastID, held.id]);
  await tx.run('DELETE FROM checkin_frames WHERE checkin_id = ?', [held.id]);
  await tx.run('DELETE FROM checkin_reviews WHERE sitting_id = ? AND participant_id = ?', [v.sittingId, v.participantId]);
  await tx.run('DELETE FROM checkins WHERE id = ?', [held.id]);
  return true;
}

export interface VoidedCheckin {
  checkinId: number;
  method: 'face' | 'manual';
  deviceId: number | null;
  checkedInAt: string;
  hasEvidence: boolean;
  frames: number;
  refusedBy: number;
  refuseReason: string;
  refusedAt: string;
}

/** The participant's void check-ins in a sitting, oldest first (a record: they count nowhere). */
export async function voidedCheckinsOf(db: Reader, sittingId: number, participantId: number): Promise<VoidedCheckin[]> {
  const rows = await db.all<{ checkin_id: number; method: 'face' | 'manual'; device_id: number | null; checked_in_at: string; has_evidence: number; frames: number; refused_by: number; refuse_reason: string; refused_at: string }>(
    `SELECT v.checkin_id, v.method, v.device_id, v.checked_in_at, v.evidence IS NOT NULL AS has_evidence,
       (SELECT COUNT(*) FROM voided_checkin_frames f WHERE f.voided_id = v.id) AS frames, v.refused_by, v.refuse_reason, v.refused_at
     FROM voided_checkins v WHERE v.sitting_id = ? AND v.participant_id = ? ORDER BY v.id`,
    [sittingId, participantId],
  );
  return rows.map((r) => ({
    checkinId: r.checkin_id,
    method: r.method,
    deviceId: r.device_id,
    checkedInAt: r.checked_in_at,
    hasEvidence: r.has_evidence === 1,
    frames: r.frames,
    refusedBy: r.refused_by,
    refuseReason: r.refuse_reason,
    refusedAt: r.refused_at,
  }));
}

/** Erasure of one deputy's biometric data reaches their void check-ins too; the records stay. */
export async function eraseVoidedEvidenceOfDeputy(tx: Tx, deputyId: number): Promise<void> {
  const of = 'SELECT v.id FROM voided_checkins v JOIN participants p ON p.id = v.participant_id WHERE p.deputy_id = ?';
  await tx.run(`DELETE FROM voided_checkin_frames WHERE voided_id IN (${of})`, [deputyId]);
  await tx.run(`UPDATE voided_checkins SET evidence = NULL WHERE id IN (${of})`, [deputyId]);
}

/** Retention: the photos of void check-ins older than the cut-off go like any check-in's. */
export async function purgeVoidedEvidenceBefore(tx: Tx, cutoffIso: string): Promise<void> {
  await tx.run('DELETE FROM voided_checkin_frames WHERE voided_id IN (SELECT id FROM voided_checkins WHERE checked_in_at < ?)', [cutoffIso]);
  await tx.run('UPDATE voided_checkins SET evidence = NULL WHERE evidence IS NOT NULL AND checked_in_at < ?', [cutoffIso]);
}
