// Reads for reports: where a sitting belongs, and a deputy's attendance and votes across meetings (履职档案).
import type { BallotContent, VoteKind, VoteState } from '../../shared/types';
import type { ReportPlace } from '../../shared/reports';
import type { Reader } from './rows';
import { counts } from './attendance-repository';

export async function sittingPlace(db: Reader, sittingId: number): Promise<(ReportPlace & { bodyId: number }) | undefined> {
  const r = await db.get<{ body_id: number; body_name: string; meeting_id: number; meeting_name: string; sitting_name: string }>(
    `SELECT b.id AS body_id, b.name AS body_name, m.id AS meeting_id, m.name AS meeting_name, s.name AS sitting_name
     FROM sittings s JOIN meetings m ON m.id = s.meeting_id JOIN bodies b ON b.id = m.body_id WHERE s.id = ?`,
    [sittingId],
  );
  return (
    r && {
      bodyId: r.body_id,
      bodyName: r.body_name,
      meetingId: r.meeting_id,
      meetingName: r.meeting_name,
      sittingId,
      sittingName: r.sitting_name,
    }
  );
}

export async function agendaTitle(db: Reader, agendaItemId: number): Promise<string> {
  return (await db.get<{ title: string }>('SELECT title FROM agenda_items WHERE id = ?', [agendaItemId]))?.title ?? '';
}

export interface DeputySittingRow {
  meeting_id: number;
  meeting_name: string;
  sitting_id: number;
  sitting_name: string;
  starts_at: string | null;
  method: 'face' | 'manual' | null;
  checked_in_at: string | null;
  leave_reason: string | null;
  /** Someone has checked in to the sitting: it has been held. */
  held: number;
}

/** Every sitting of every meeting the deputy is on the list of, with their check-in or leave. */
export async function deputySittings(db: Reader, deputyId: number): Promise<DeputySittingRow[]> {
  return db.all<DeputySittingRow>(
    `SELECT m.id AS meeting_id, m.name AS meeting_name, s.id AS sitting_id, s.name AS sitting_name, s.starts_at,
       c.method, c.created_at AS checked_in_at, l.reason AS leave_reason,
       EXISTS (SELECT 1 FROM checkins h WHERE h.sitting_id = s.id) AS held
     FROM participants p
     JOIN meetings m ON m.id = p.meeting_id
     JOIN sittings s ON s.meeting_id = m.id
     LEFT JOIN checkins c ON c.sitting_id = s.id AND c.participant_id = p.id AND ${counts('c')}
     LEFT JOIN leaves l ON l.sitting_id = s.id AND l.participant_id = p.id
     WHERE p.deputy_id = ? ORDER BY m.id, s.id`,
    [deputyId],
  );
}

export interface DeputyVoteRow {
  vote_id: number;
  meeting_name: string;
  sitting_name: string;
  title: string;
  kind: VoteKind;
  secrecy: 'open' | 'secret';
  state: VoteState;
  participated: number;
}

/** Votes whose electorate (fixed at open) included the deputy, and whether the deputy took part. */
export async function deputyVotes(db: Reader, deputyId: number): Promise<DeputyVoteRow[]> {
  return db.all<DeputyVoteRow>(
    `SELECT v.id AS vote_id, m.name AS meeting_name, s.name AS sitting_name, v.title, v.kind, v.secrecy, v.state,
       EXISTS (SELECT 1 FROM participation pa WHERE pa.vote_id = v.id AND pa.deputy_id = e.deputy_id) AS participated
     FROM vote_electorate e
     JOIN votes v ON v.id = e.vote_id
     JOIN sittings s ON s.id = v.sitting_id
     JOIN meetings m ON m.id = s.meeting_id
     WHERE e.deputy_id = ? ORDER BY v.id`,
    [deputyId],
  );
}

/**
 * The deputy's ballots in 记名 votes only. The secrecy condition is in the query itself, so a secret vote's
 * content can never reach a deputy record (and secret ballot rows hold no deputy anyway).
 */
export async function openBallotsOf(db: Reader, deputyId: number): Promise<Map<number, BallotContent>> {
  const rows = await db.all<{ vote_id: number; content: string }>(
    `SELECT b.vote_id, b.content FROM ballots b JOIN votes v ON v.id = b.vote_id
     WHERE v.secrecy = 'open' AND b.deputy_id = ?`,
    [deputyId],
  );
  return new Map(rows.map((r) => [r.vote_id, JSON.parse(r.content) as BallotContent]));
}

export async function optionLabels(db: Reader, voteIds: number[]): Promise<Map<number, string>> {
  if (voteIds.length === 0) return new Map();
  const rows = await db.all<{ id: number; label: string }>(
    `SELECT id, label FROM options WHERE vote_id IN (${voteIds.map(() => '?').join(', ')})`,
    voteIds,
  );
  return new Map(rows.map((r) => [r.id, r.label]));
}
