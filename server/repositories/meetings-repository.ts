import type { MeetingView, ParticipantView, SittingView } from '../../shared/views';
import type { ParticipantRole } from '../../shared/types';
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

interface SittingRow {
  id: number;
  meeting_id: number;
  name: string;
  starts_at: string | null;
}

const toSitting = (r: SittingRow): SittingView => ({
  id: r.id,
  meetingId: r.meeting_id,
  name: r.name,
  startsAt: r.starts_at,
});

export async function insertMeeting(tx: Tx, bodyId: number, name: string): Promise<number> {
  const { lastID } = await tx.run('INSERT INTO meetings (body_id, name, created_at) VALUES (?, ?, ?)', [
    bodyId,
    name,
    now(),
  ]);
  return lastID;
}

export async function insertSitting(tx: Tx, meetingId: number, name: string, startsAt?: string): Promise<number> {
  const { lastID } = await tx.run('INSERT INTO sittings (meeting_id, name, starts_at, created_at) VALUES (?, ?, ?, ?)', [
    meetingId,
    name,
    startsAt ?? null,
    now(),
  ]);
  return lastID;
}

/** Makes every deputy of the body a participant of the meeting (idempotent). */
export async function addBodyDeputies(tx: Tx, meetingId: number): Promise<void> {
  await tx.run(
    `INSERT OR IGNORE INTO participants (meeting_id, role, deputy_id, name, created_at)
     SELECT m.id, 'deputy', d.id, d.name, ? FROM meetings m JOIN deputies d ON d.body_id = m.body_id WHERE m.id = ?`,
    [now(), meetingId],
  );
}

/** Adds a newly imported deputy to every meeting of its body. */
export async function addDeputyToMeetings(tx: Tx, deputyId: number): Promise<void> {
  await tx.run(
    `INSERT OR IGNORE INTO participants (meeting_id, role, deputy_id, name, created_at)
     SELECT m.id, 'deputy', d.id, d.name, ? FROM deputies d JOIN meetings m ON m.body_id = d.body_id WHERE d.id = ?`,
    [now(), deputyId],
  );
}

export async function syncParticipantName(tx: Tx, deputyId: number, name: string): Promise<void> {
  await tx.run('UPDATE participants SET name = ? WHERE deputy_id = ?', [name, deputyId]);
}

export async function insertParticipant(
  tx: Tx,
  meetingId: number,
  p: { role: Exclude<ParticipantRole, 'deputy'>; name: string; organisation?: string },
): Promise<number> {
  const { lastID } = await tx.run(
    'INSERT INTO participants (meeting_id, role, name, organisation, created_at) VALUES (?, ?, ?, ?, ?)',
    [meetingId, p.role, p.name, p.organisation ?? null, now()],
  );
  return lastID;
}

export async function findMeeting(db: Reader, id: number): Promise<MeetingView | undefined> {
  const m = await db.get<{ id: number; body_id: number; body_name: string; name: string }>(
    'SELECT m.id, m.body_id, b.name AS body_name, m.name FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = ?',
    [id],
  );
  if (!m) return undefined;
  const sittings = await db.all<SittingRow>('SELECT * FROM sittings WHERE meeting_id = ? ORDER BY id', [id]);
  return { id: m.id, bodyId: m.body_id, bodyName: m.body_name, name: m.name, sittings: sittings.map(toSitting) };
}

export async function listMeetingIds(db: Reader): Promise<number[]> {
  return (await db.all<{ id: number }>('SELECT id FROM meetings ORDER BY id DESC')).map((r) => r.id);
}

export async function findSitting(db: Reader, id: number): Promise<(SittingView & { bodyId: number }) | undefined> {
  const row = await db.get<SittingRow & { body_id: number }>(
    'SELECT s.*, m.body_id FROM sittings s JOIN meetings m ON m.id = s.meeting_id WHERE s.id = ?',
    [id],
  );
  return row && { ...toSitting(row), bodyId: row.body_id };
}

interface ParticipantRow {
  id: number;
  meeting_id: number;
  role: ParticipantRole;
  deputy_id: number | null;
  name: string;
  organisation: string | null;
  delegation: string | null;
}

export const PARTICIPANT_SELECT = `SELECT p.id, p.meeting_id, p.role, p.deputy_id, p.name, p.organisation, d.delegation
  FROM participants p LEFT JOIN deputies d ON d.id = p.deputy_id`;

export const toParticipant = (r: ParticipantRow): ParticipantView => ({
  id: r.id,
  meetingId: r.meeting_id,
  role: r.role,
  deputyId: r.deputy_id,
  name: r.name,
  organisation: r.organisation,
  delegation: r.delegation,
});

export async function listParticipants(db: Reader, meetingId: number): Promise<ParticipantView[]> {
  const rows = await db.all<ParticipantRow>(`${PARTICIPANT_SELECT} WHERE p.meeting_id = ? ORDER BY p.role, p.id`, [
    meetingId,
  ]);
  return rows.map(toParticipant);
}

export async function findParticipant(db: Reader, id: number): Promise<ParticipantView | undefined> {
  const row = await db.get<ParticipantRow>(`${PARTICIPANT_SELECT} WHERE p.id = ?`, [id]);
  return row && toParticipant(row);
}

export async function findDeputyParticipant(
  db: Reader,
  meetingId: number,
  deputyId: number,
): Promise<ParticipantView | undefined> {
  const row = await db.get<ParticipantRow>(`${PARTICIPANT_SELECT} WHERE p.meeting_id = ? AND p.deputy_id = ?`, [
    meetingId,
    deputyId,
  ]);
  return row && toParticipant(row);
}
