// Leave (请假) and check-ins (报到) per sitting, and the counts attendance is made of.
import type { AttendanceEntry, CheckinView } from '../../shared/views';
import type { Tx } from '../db/database';
import { PARTICIPANT_SELECT, toParticipant } from './meetings-repository';
import { BODY_ORDER, now, type Reader } from './rows';

/**
 * A check-in counts (present, may vote) unless held on 人脸校对 (存疑): checkin_reviews. A refused one (驳回) is no
 * longer in checkins (voided_checkins).
 * One home for the condition; `c` is the alias of the checkins row it is joined as.
 */
export const counts = (c: string): string =>
  `NOT EXISTS (SELECT 1 FROM checkin_reviews cr WHERE cr.sitting_id = ${c}.sitting_id AND cr.participant_id = ${c}.participant_id AND cr.state <> 'confirmed')`;

export interface AttendanceCounts {
  expected: number;
  present: number;
  onLeave: number;
  othersPresent: number;
}

/** Counts over deputies in office (status active); 列席 and staff are counted apart. */
export async function attendanceCounts(db: Reader, sittingId: number): Promise<AttendanceCounts> {
  const row = await db.get<{ expected: number; present: number; on_leave: number; others: number }>(
    `SELECT
       COALESCE(SUM(p.role = 'deputy' AND d.status = 'active'), 0) AS expected,
       COALESCE(SUM(p.role = 'deputy' AND d.status = 'active' AND c.id IS NOT NULL), 0) AS present,
       COALESCE(SUM(p.role = 'deputy' AND d.status = 'active' AND c.id IS NULL AND l.id IS NOT NULL), 0) AS on_leave,
       COALESCE(SUM(p.role <> 'deputy' AND c.id IS NOT NULL), 0) AS others
     FROM sittings s
     JOIN participants p ON p.meeting_id = s.meeting_id
     LEFT JOIN deputies d ON d.id = p.deputy_id
     LEFT JOIN checkins c ON c.sitting_id = s.id AND c.participant_id = p.id AND ${counts('c')}
     LEFT JOIN leaves l ON l.sitting_id = s.id AND l.participant_id = p.id
     WHERE s.id = ?`,
    [sittingId],
  );
  return {
    expected: row?.expected ?? 0,
    present: row?.present ?? 0,
    onLeave: row?.on_leave ?? 0,
    othersPresent: row?.others ?? 0,
  };
}

interface CheckinRow {
  participant_id: number;
  method: 'face' | 'manual';
  created_at: string;
  device_id: number | null;
  distance: number | null;
  margin: number | null;
  reason: string | null;
  has_evidence: number;
  frames: number;
  antispoof: number | null;
}

const CHECKIN_COLUMNS = `c.participant_id, c.method, c.created_at, c.device_id, c.distance, c.margin, c.reason,
  c.evidence IS NOT NULL AS has_evidence, (SELECT COUNT(*) FROM checkin_frames f WHERE f.checkin_id = c.id) AS frames, c.antispoof`;

const toCheckin = (r: CheckinRow): CheckinView => ({
  participantId: r.participant_id,
  method: r.method,
  at: r.created_at,
  deviceId: r.device_id,
  distance: r.distance,
  margin: r.margin,
  reason: r.reason,
  hasEvidence: r.has_evidence === 1,
  frames: r.frames,
  antispoof: r.antispoof,
});

export async function findCheckin(db: Reader, sittingId: number, participantId: number): Promise<CheckinView | undefined> {
  const row = await db.get<CheckinRow>(
    `SELECT ${CHECKIN_COLUMNS} FROM checkins c WHERE c.sitting_id = ? AND c.participant_id = ?`,
    [sittingId, participantId],
  );
  return row && toCheckin(row);
}

export interface NewCheckin {
  sittingId: number;
  participantId: number;
  method: 'face' | 'manual';
  deviceId?: number | null;
  staffId?: number | null;
  reason?: string | null;
  distance?: number | null;
  margin?: number | null;
  liveness?: unknown;
  evidence?: Buffer | null;
  clientId?: string | null;
  antispoof?: number | null;
}

/** Inserts the check-in unless one exists; returns whether this call created it. */
export async function insertCheckin(tx: Tx, c: NewCheckin): Promise<boolean> {
  const { changes } = await tx.run(
    `INSERT INTO checkins (sitting_id, participant_id, method, device_id, staff_id, reason, distance, margin, liveness,
       evidence, client_id, antispoof, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sitting_id, participant_id) DO NOTHING`,
    [
      c.sittingId,
      c.participantId,
      c.method,
      c.deviceId ?? null,
      c.staffId ?? null,
      c.reason ?? null,
      c.distance ?? null,
      c.margin ?? null,
      c.liveness === undefined ? null : JSON.stringify(c.liveness),
      c.evidence ?? null,
      c.clientId ?? null,
      c.antispoof ?? null,
      now(),
    ],
  );
  return changes === 1;
}

export async function upsertLeave(tx: Tx, sittingId: number, participantId: number, reason: string): Promise<void> {
  await tx.run(
    `INSERT INTO leaves (sitting_id, participant_id, reason, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (sitting_id, participant_id) DO UPDATE SET reason = excluded.reason`,
    [sittingId, participantId, reason, now()],
  );
}

export async function deleteLeave(tx: Tx, sittingId: number, participantId: number): Promise<boolean> {
  const { changes } = await tx.run('DELETE FROM leaves WHERE sitting_id = ? AND participant_id = ?', [
    sittingId,
    participantId,
  ]);
  return changes === 1;
}

/** Every participant of the sitting's meeting with their check-in or leave. */
export async function attendanceEntries(db: Reader, sittingId: number): Promise<AttendanceEntry[]> {
  const rows = await db.all<Record<string, unknown>>(
    `${PARTICIPANT_SELECT.replace('FROM participants p', `, d.status AS deputy_status, l.reason AS leave_reason,
       c.participant_id AS c_pid, ${CHECKIN_COLUMNS} FROM participants p`)}
     JOIN sittings s ON s.meeting_id = p.meeting_id
     LEFT JOIN checkins c ON c.sitting_id = s.id AND c.participant_id = p.id AND ${counts('c')}
     LEFT JOIN leaves l ON l.sitting_id = s.id AND l.participant_id = p.id
     WHERE s.id = ? ORDER BY p.role, ${BODY_ORDER}, p.id`,
    [sittingId],
  );
  return rows.map((r) => {
    const checkin = r.c_pid == null ? null : toCheckin(r as unknown as CheckinRow);
    const leaveReason = (r.leave_reason as string | null) ?? null;
    return {
      participant: toParticipant(r as never),
      status: checkin ? 'present' : leaveReason ? 'leave' : 'absent',
      checkin,
      leaveReason,
      inOffice: r.role !== 'deputy' || r.deputy_status === 'active',
    };
  });
}

/** Deputy ids checked in to a sitting (for the ballot eligibility check and 应投). */
export async function checkedInDeputyIds(db: Reader, sittingId: number): Promise<number[]> {
  const rows = await db.all<{ deputy_id: number }>(
    `SELECT p.deputy_id FROM checkins c JOIN participants p ON p.id = c.participant_id
     WHERE c.sitting_id = ? AND p.deputy_id IS NOT NULL AND ${counts('c')}`,
    [sittingId],
  );
  return rows.map((r) => r.deputy_id);
}

/** Whether the participant's check-in to the sitting counts (exists and is not held or refused). */
export async function checkinCounts(db: Reader, sittingId: number, participantId: number): Promise<boolean> {
  const row = await db.get<{ x: number }>(`SELECT 1 AS x FROM checkins c WHERE c.sitting_id = ? AND c.participant_id = ? AND ${counts('c')}`, [sittingId, participantId]);
  return row !== undefined;
}

/** Deputies on leave for the sitting who have not checked in (a deputy on leave who comes after all is present). */
export async function onLeaveDeputyIds(db: Reader, sittingId: number): Promise<number[]> {
  const rows = await db.all<{ deputy_id: number }>(
    `SELECT p.deputy_id FROM leaves l JOIN participants p ON p.id = l.participant_id
     LEFT JOIN checkins c ON c.sitting_id = l.sitting_id AND c.participant_id = l.participant_id AND ${counts('c')}
     WHERE l.sitting_id = ? AND p.deputy_id IS NOT NULL AND c.id IS NULL`,
    [sittingId],
  );
  return rows.map((r) => r.deputy_id);
}

/** Whether the sitting has begun: its start time has passed or a vote in it has opened (until then, 未报到 not 缺席). */
export async function sittingStarted(db: Reader, sittingId: number, now: string): Promise<boolean> {
  const row = await db.get<{ started: number }>(
    `SELECT (s.starts_at IS NOT NULL AND s.starts_at <= ?) OR EXISTS (SELECT 1 FROM votes v WHERE v.sitting_id = s.id AND v.opened_at IS NOT NULL) AS started
     FROM sittings s WHERE s.id = ?`,
    [now, sittingId],
  );
  return row?.started === 1;
}
