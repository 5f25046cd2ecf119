// 人脸校对 and the door's alarms: held check-ins (checkin_reviews) and 可疑报到 (door_alarms), migration door_watch.
import type { CheckinReviewView, DoorAlarmView, DoorCheckinView, ReviewState } from '../../shared/door-watch';
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

/** The times of a door tablet's face check-ins in a sitting since `sinceIso` (what the door's pace is judged on). */
export async function faceCheckinTimes(db: Reader, deviceId: number, sittingId: number, sinceIso: string): Promise<number[]> {
  const rows = await db.all<{ at: string }>(
    `SELECT created_at AS at FROM checkins WHERE device_id = ? AND sitting_id = ? AND method = 'face' AND created_at > ?`,
    [deviceId, sittingId, sinceIso],
  );
  return rows.map((r) => Date.parse(r.at));
}

interface AlarmRow {
  id: number;
  sitting_id: number;
  device_id: number;
  device_name: string;
  kind: 'floor' | 'ceiling';
  detail: string;
  raised_at: string;
}

const toAlarm = (r: AlarmRow): DoorAlarmView => {
  const d = JSON.parse(r.detail) as { gapMs?: number; count?: number };
  return { id: r.id, sittingId: r.sitting_id, deviceId: r.device_id, deviceName: r.device_name, kind: r.kind, gapMs: d.gapMs ?? null, count: d.count ?? null, raisedAt: r.raised_at };
};

const ALARM_SELECT = `SELECT a.id, a.sitting_id, a.device_id, dv.name AS device_name, a.kind, a.detail, a.raised_at
  FROM door_alarms a JOIN devices dv ON dv.id = a.device_id`;

/** The tablet's alarm not yet cleared: while there is one, the tablet is paused. */
export async function openAlarmOf(db: Reader, deviceId: number): Promise<DoorAlarmView | undefined> {
  const row = await db.get<AlarmRow>(`${ALARM_SELECT} WHERE a.device_id = ? AND a.cleared_at IS NULL ORDER BY a.id LIMIT 1`, [deviceId]);
  return row && toAlarm(row);
}

export async function openAlarmsOfSitting(db: Reader, sittingId: number): Promise<DoorAlarmView[]> {
  const rows = await db.all<AlarmRow>(`${ALARM_SELECT} WHERE a.sitting_id = ? AND a.cleared_at IS NULL ORDER BY a.id`, [sittingId]);
  return rows.map(toAlarm);
}

export async function findAlarm(db: Reader, id: number): Promise<(DoorAlarmView & { cleared: boolean }) | undefined> {
  const row = await db.get<AlarmRow & { cleared_at: string | null }>(`${ALARM_SELECT.replace('a.raised_at', 'a.raised_at, a.cleared_at')} WHERE a.id = ?`, [id]);
  return row && { ...toAlarm(row), cleared: row.cleared_at !== null };
}

/** When the tablet's last alarm was cleared: acceptances before it were judged already. */
export async function lastClearedAt(db: Reader, deviceId: number): Promise<string | null> {
  const row = await db.get<{ at: string | null }>('SELECT MAX(cleared_at) AS at FROM door_alarms WHERE device_id = ?', [deviceId]);
  return row?.at ?? null;
}

export async function insertAlarm(tx: Tx, a: { deviceId: number; sittingId: number; kind: 'floor' | 'ceiling'; detail: object }): Promise<number> {
  const { lastID } = await tx.run('INSERT INTO door_alarms (device_id, sitting_id, kind, detail, raised_at) VALUES (?, ?, ?, ?, ?)', [
    a.deviceId,
    a.sittingId,
    a.kind,
    JSON.stringify(a.detail),
    now(),
  ]);
  return lastID;
}

export async function clearAlarm(tx: Tx, id: number, staffId: number, reason: string): Promise<boolean> {
  const { changes } = await tx.run('UPDATE door_alarms SET cleared_at = ?, cleared_by = ?, clear_reason = ? WHERE id = ? AND cleared_at IS NULL', [
    now(),
    staffId,
    reason,
    id,
  ]);
  return changes === 1;
}

interface ReviewRow {
  state: ReviewState;
  doubted_by: number | null;
  doubt_reason: string | null;
  decided_by: number | null;
  decide_reason: string | null;
}

const toReview = (r: ReviewRow): CheckinReviewView => ({
  state: r.state,
  doubtedBy: r.doubted_by,
  doubtReason: r.doubt_reason,
  decidedBy: r.decided_by,
  decideReason: r.decide_reason,
});

/** Holds a check-in (存疑); a confirmed one may be held again (a refused one is void: voided-checkins). Returns whether it held. */
export async function holdCheckin(tx: Tx, h: { sittingId: number; participantId: number; staffId: number | null; reason: string | null }): Promise<boolean> {
  const { changes } = await tx.run(
    `INSERT INTO checkin_reviews (sitting_id, participant_id, state, doubted_by, doubt_reason, created_at) VALUES (?, ?, 'doubted', ?, ?, ?)
     ON CONFLICT (sitting_id, participant_id) DO UPDATE SET state = 'doubted', doubted_by = excluded.doubted_by,
       doubt_reason = excluded.doubt_reason, decided_by = NULL, decide_reason = NULL, decided_at = NULL
     WHERE checkin_reviews.state = 'confirmed'`,
    [h.sittingId, h.participantId, h.staffId, h.reason, now()],
  );
  return changes === 1;
}

/** Decides a held check-in; returns whether one was held. */
export async function decideCheckin(tx: Tx, d: { sittingId: number; participantId: number; state: 'confirmed'; staffId: number; reason: string }): Promise<boolean> {
  const { changes } = await tx.run(
    `UPDATE checkin_reviews SET state = ?, decided_by = ?, decide_reason = ?, decided_at = ?
     WHERE sitting_id = ? AND participant_id = ? AND state = 'doubted'`,
    [d.state, d.staffId, d.reason, now(), d.sittingId, d.participantId],
  );
  return changes === 1;
}

/** The sitting's latest check-ins, newest first, and every held one however old (it waits for a clerk). */
export async function watchedCheckins(db: Reader, sittingId: number, latest = 12): Promise<DoorCheckinView[]> {
  const rows = await db.all<ReviewRow & { participant_id: number; deputy_id: number | null; name: string; delegation: string | null; method: 'face' | 'manual'; at: string; device_id: number | null; device_name: string | null; has_evidence: number; reviewed: number }>(
    `SELECT c.participant_id, p.deputy_id, p.name, d.delegation, c.method, c.created_at AS at, c.device_id, dv.name AS device_name,
       c.evidence IS NOT NULL AS has_evidence, r.id IS NOT NULL AS reviewed, r.state, r.doubted_by, r.doubt_reason, r.decided_by, r.decide_reason
     FROM checkins c JOIN participants p ON p.id = c.participant_id
     LEFT JOIN deputies d ON d.id = p.deputy_id
     LEFT JOIN devices dv ON dv.id = c.device_id
     LEFT JOIN checkin_reviews r ON r.sitting_id = c.sitting_id AND r.participant_id = c.participant_id
     WHERE c.sitting_id = ? AND (r.state = 'doubted' OR c.id IN (SELECT id FROM checkins WHERE sitting_id = ? ORDER BY created_at DESC, id DESC LIMIT ?))
     ORDER BY c.created_at DESC, c.id DESC`,
    [sittingId, sittingId, latest],
  );
  return rows.map((r) => ({
    participantId: r.participant_id,
    deputyId: r.deputy_id,
    name: r.name,
    delegation: r.delegation,
    method: r.method,
    at: r.at,
    deviceId: r.device_id,
    deviceName: r.device_name,
    hasEvidence: r.has_evidence === 1,
    review: r.reviewed === 1 ? toReview(r) : null,
  }));
}
