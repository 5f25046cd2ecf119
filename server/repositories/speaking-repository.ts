// Speaking (发言): requests to speak and the time per speech. The queue's order is `arrival`, a ticket the server
// takes when a request comes in (services/speaking-arrival.ts): the server's arrival order, whatever a tablet claims.
import type { FloorEntry, SpeechEntry, SpeechLimits, SpeechState, SpeechTurn, SpokenTurn } from '../../shared/speaking';
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

interface EntryRow {
  id: number;
  turn: SpeechTurn;
  deputy_id: number | null;
  name: string;
  delegation: string | null;
  seat: string | null;
  agenda_item_id: number | null;
  answers_id: number | null;
  requested_at: string;
  state: SpeechState;
  started_at: string | null;
  limit_seconds: number | null;
  device_id: number | null;
}

const ENTRY_SELECT = `SELECT r.id, r.turn, r.deputy_id, COALESCE(d.name, r.official) AS name, d.delegation, r.seat,
    r.agenda_item_id, r.answers_id, r.requested_at, r.state, r.started_at, r.limit_seconds, r.device_id
  FROM speech_requests r
  LEFT JOIN deputies d ON d.id = r.deputy_id
  LEFT JOIN speech_requests q ON q.id = r.answers_id`;

/** Queue order: each turn by arrival, an answer right after the question it answers (then by its own arrival). */
const QUEUE_ORDER = 'COALESCE(q.arrival, r.arrival), r.answers_id IS NOT NULL, r.arrival';

const toEntry = (r: EntryRow): SpeechEntry => ({
  id: r.id,
  turn: r.turn,
  deputyId: r.deputy_id,
  name: r.name,
  delegation: r.delegation,
  seat: r.seat,
  agendaItemId: r.agenda_item_id,
  answersId: r.answers_id,
  requestedAt: r.requested_at,
});

function toFloor(r: EntryRow): FloorEntry {
  const limitSeconds = r.limit_seconds ?? 0;
  const startedAt = r.started_at ?? r.requested_at;
  return { ...toEntry(r), startedAt, limitSeconds, endsAt: new Date(Date.parse(startedAt) + limitSeconds * 1000).toISOString() };
}

export interface StoredRequest {
  id: number;
  sittingId: number;
  deputyId: number | null;
  deviceId: number | null;
  turn: SpeechTurn;
  state: SpeechState;
  agendaItemId: number | null;
}

const STORED = `SELECT id, sitting_id AS sittingId, deputy_id AS deputyId, device_id AS deviceId, turn, state, agenda_item_id AS agendaItemId FROM speech_requests`;

export const findRequest = (db: Reader, id: number): Promise<StoredRequest | undefined> => db.get<StoredRequest>(`${STORED} WHERE id = ?`, [id]);

export const findByClientId = (db: Reader, deviceId: number, clientId: string): Promise<StoredRequest | undefined> =>
  db.get<StoredRequest>(`${STORED} WHERE device_id = ? AND client_id = ?`, [deviceId, clientId]);

/** The deputy's request still queued or speaking in this sitting, if any (at most one: speech_requests_open). */
export const openRequestOf = (db: Reader, sittingId: number, deputyId: number): Promise<StoredRequest | undefined> =>
  db.get<StoredRequest>(`${STORED} WHERE sitting_id = ? AND deputy_id = ? AND state IN ('queued', 'speaking')`, [sittingId, deputyId]);

export async function queueOf(db: Reader, sittingId: number): Promise<SpeechEntry[]> {
  const rows = await db.all<EntryRow>(`${ENTRY_SELECT} WHERE r.sitting_id = ? AND r.state = 'queued' ORDER BY ${QUEUE_ORDER}`, [sittingId]);
  return rows.map(toEntry);
}

export async function floorOf(db: Reader, sittingId: number): Promise<FloorEntry | null> {
  const row = await db.get<EntryRow>(`${ENTRY_SELECT} WHERE r.sitting_id = ? AND r.state = 'speaking'`, [sittingId]);
  return row ? toFloor(row) : null;
}

export async function spokenCount(db: Reader, sittingId: number): Promise<number> {
  const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM speech_requests WHERE sitting_id = ? AND state = 'done'`, [sittingId]);
  return row?.n ?? 0;
}

export interface NewRequest {
  sittingId: number;
  turn: SpeechTurn;
  agendaItemId: number | null;
  deputyId: number | null;
  official: string | null;
  answersId: number | null;
  deviceId: number | null;
  seat: string | null;
  clientId: string | null;
  arrival: number;
}

export async function insertRequest(tx: Tx, r: NewRequest): Promise<number> {
  const { lastID } = await tx.run(
    `INSERT INTO speech_requests (arrival, sitting_id, agenda_item_id, turn, deputy_id, official, answers_id, device_id, seat, client_id, state, requested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)`,
    [r.arrival, r.sittingId, r.agendaItemId, r.turn, r.deputyId, r.official, r.answersId, r.deviceId, r.seat, r.clientId, now()],
  );
  return lastID;
}

/** Moves a turn from one state to the next; answers whether it was in `from` (a repeated action changes nothing). */
export async function moveRequest(tx: Tx, id: number, from: SpeechState, to: SpeechState, limitSeconds?: number): Promise<boolean> {
  const at = now();
  const sql =
    to === 'speaking'
      ? `UPDATE speech_requests SET state = ?, started_at = ?, limit_seconds = ? WHERE id = ? AND state = ?`
      : `UPDATE speech_requests SET state = ?, ended_at = ? WHERE id = ? AND state = ?`;
  const params = to === 'speaking' ? [to, at, limitSeconds ?? null, id, from] : [to, at, id, from];
  return (await tx.run(sql, params)).changes === 1;
}

export async function limitsOf(db: Reader, sittingId: number, fallback: number): Promise<SpeechLimits> {
  const rows = await db.all<{ agenda_item_id: number; seconds: number }>(`SELECT agenda_item_id, seconds FROM speech_limits WHERE sitting_id = ?`, [sittingId]);
  const items: Record<string, number> = {};
  let sitting = fallback;
  for (const r of rows) {
    if (r.agenda_item_id === 0) sitting = r.seconds;
    else items[String(r.agenda_item_id)] = r.seconds;
  }
  return { sitting, items };
}

/** Sets (seconds) or clears (null) the limit of the sitting (item 0) or of one item. */
export async function setLimit(tx: Tx, sittingId: number, agendaItemId: number, seconds: number | null): Promise<void> {
  if (seconds === null) await tx.run(`DELETE FROM speech_limits WHERE sitting_id = ? AND agenda_item_id = ?`, [sittingId, agendaItemId]);
  else
    await tx.run(
      `INSERT INTO speech_limits (sitting_id, agenda_item_id, seconds) VALUES (?, ?, ?)
       ON CONFLICT (sitting_id, agenda_item_id) DO UPDATE SET seconds = excluded.seconds`,
      [sittingId, agendaItemId, seconds],
    );
}

/** One turn with where it was made, as the 履职档案 and the speech report (发言记录) list it. */
export type SpokenRow = SpokenTurn;

const SPOKEN = `SELECT r.id, m.name AS meetingName, s.id AS sittingId, s.name AS sittingName, a.title AS itemTitle, r.turn,
    r.deputy_id AS deputyId, COALESCE(d.name, r.official) AS name, d.delegation, r.seat, r.started_at AS startedAt,
    r.ended_at AS endedAt, r.limit_seconds AS limitSeconds
  FROM speech_requests r JOIN sittings s ON s.id = r.sitting_id JOIN meetings m ON m.id = s.meeting_id
  LEFT JOIN agenda_items a ON a.id = r.agenda_item_id LEFT JOIN deputies d ON d.id = r.deputy_id`;

/** The speeches and questions a deputy made (ended turns), oldest first. */
export const speechesOfDeputy = (db: Reader, deputyId: number): Promise<SpokenRow[]> =>
  db.all<SpokenRow>(`${SPOKEN} WHERE r.deputy_id = ? AND r.state = 'done' ORDER BY r.started_at, r.id`, [deputyId]);

/** Every turn taken at a sitting (ended or still speaking), in the order they spoke. */
export const speechesOfSitting = (db: Reader, sittingId: number): Promise<SpokenRow[]> =>
  db.all<SpokenRow>(`${SPOKEN} WHERE r.sitting_id = ? AND r.state IN ('done', 'speaking') ORDER BY r.started_at, r.id`, [sittingId]);
