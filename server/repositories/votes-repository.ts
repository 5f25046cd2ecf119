// Votes, their options and electorate (the deputies in office when the vote opened).
import type { ChangePolicy, PassRule, RatingVerdictRule, Secrecy, VoteKind, VoteOption, VoteState } from '../../shared/types';
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

/** A vote as stored, before live counts are added. */
export interface VoteRecord {
  id: number;
  sittingId: number;
  agendaItemId: number;
  kind: VoteKind;
  title: string;
  secrecy: Secrecy;
  changePolicy: ChangePolicy;
  maxYes: number | null;
  allowWriteIn: boolean;
  passRule: PassRule;
  ratingVerdict: RatingVerdictRule | null;
  state: VoteState;
  inOffice: number | null;
  present: number | null;
  quorumOverride: string | null;
  result: unknown;
  openedAt: string | null;
  closedAt: string | null;
  announcedAt: string | null;
  options: VoteOption[];
}

interface VoteRow {
  id: number;
  sitting_id: number;
  agenda_item_id: number;
  kind: VoteKind;
  title: string;
  secrecy: Secrecy;
  change_policy: ChangePolicy;
  max_yes: number | null;
  allow_write_in: number;
  pass_rule: string;
  rating_verdict: string | null;
  state: VoteState;
  in_office: number | null;
  present: number | null;
  quorum_override: string | null;
  result: string | null;
  opened_at: string | null;
  closed_at: string | null;
  announced_at: string | null;
}

const toRecord = (r: VoteRow, options: VoteOption[]): VoteRecord => ({
  id: r.id,
  sittingId: r.sitting_id,
  agendaItemId: r.agenda_item_id,
  kind: r.kind,
  title: r.title,
  secrecy: r.secrecy,
  changePolicy: r.change_policy,
  maxYes: r.max_yes,
  allowWriteIn: r.allow_write_in === 1,
  passRule: JSON.parse(r.pass_rule) as PassRule,
  ratingVerdict: r.rating_verdict ? (JSON.parse(r.rating_verdict) as RatingVerdictRule) : null,
  state: r.state,
  inOffice: r.in_office,
  present: r.present,
  quorumOverride: r.quorum_override,
  result: r.result ? JSON.parse(r.result) : null,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  announcedAt: r.announced_at,
  options,
});

/** What creating a vote takes: the record's settings, and options not yet numbered. */
export type NewVote = Pick<
  VoteRecord,
  'sittingId' | 'agendaItemId' | 'kind' | 'title' | 'secrecy' | 'changePolicy' | 'maxYes' | 'allowWriteIn' | 'passRule' | 'ratingVerdict'
> & { options: Array<{ label: string; description?: string }> };

export async function insertVote(tx: Tx, v: NewVote): Promise<number> {
  const { lastID } = await tx.run(
    `INSERT INTO votes (agenda_item_id, sitting_id, kind, title, secrecy, change_policy, max_yes, allow_write_in,
       pass_rule, rating_verdict, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      v.agendaItemId,
      v.sittingId,
      v.kind,
      v.title,
      v.secrecy,
      v.changePolicy,
      v.maxYes,
      v.allowWriteIn ? 1 : 0,
      JSON.stringify(v.passRule),
      v.ratingVerdict ? JSON.stringify(v.ratingVerdict) : null,
      now(),
    ],
  );
  for (const [i, o] of v.options.entries()) {
    await tx.run('INSERT INTO options (vote_id, position, label, description) VALUES (?, ?, ?, ?)', [
      lastID,
      i + 1,
      o.label,
      o.description ?? null,
    ]);
  }
  return lastID;
}

export async function findVote(db: Reader, id: number): Promise<VoteRecord | undefined> {
  const row = await db.get<VoteRow>('SELECT * FROM votes WHERE id = ?', [id]);
  if (!row) return undefined;
  const options = await db.all<{ id: number; label: string; description: string | null }>(
    'SELECT id, label, description FROM options WHERE vote_id = ? ORDER BY position',
    [id],
  );
  return toRecord(
    row,
    options.map((o) => (o.description ? { id: o.id, label: o.label, description: o.description } : { id: o.id, label: o.label })),
  );
}

export async function voteIdsOfMeeting(db: Reader, meetingId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    'SELECT v.id FROM votes v JOIN sittings s ON s.id = v.sitting_id WHERE s.meeting_id = ? ORDER BY v.id',
    [meetingId],
  );
  return rows.map((r) => r.id);
}

export async function voteIdsOfAgendaItem(db: Reader, agendaItemId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>('SELECT id FROM votes WHERE agenda_item_id = ? ORDER BY id', [agendaItemId]);
  return rows.map((r) => r.id);
}

/** Opens the vote and fixes its electorate: the deputies in office at this moment. */
export async function markOpened(tx: Tx, voteId: number, electorate: number[], override: string | null): Promise<void> {
  await tx.run(
    "UPDATE votes SET state = 'open', in_office = ?, quorum_override = ?, opened_at = ? WHERE id = ? AND state = 'draft'",
    [electorate.length, override, now(), voteId],
  );
  // One statement for the whole electorate (3,000 at the largest congresses), the ids as one JSON array.
  await tx.run('INSERT INTO vote_electorate (vote_id, deputy_id) SELECT ?, value FROM json_each(?)', [voteId, JSON.stringify(electorate)]);
}

export async function markClosed(tx: Tx, voteId: number, present: number, result: unknown): Promise<void> {
  await tx.run("UPDATE votes SET state = 'closed', present = ?, result = ?, closed_at = ? WHERE id = ? AND state = 'open'", [
    present,
    JSON.stringify(result),
    now(),
    voteId,
  ]);
}

export async function setState(tx: Tx, voteId: number, from: VoteState[], to: VoteState): Promise<boolean> {
  const stamp = to === 'announced' ? ', announced_at = ?' : '';
  const { changes } = await tx.run(
    `UPDATE votes SET state = ?${stamp} WHERE id = ? AND state IN (${from.map(() => '?').join(', ')})`,
    to === 'announced' ? [to, now(), voteId, ...from] : [to, voteId, ...from],
  );
  return changes === 1;
}

export async function isInElectorate(db: Reader, voteId: number, deputyId: number): Promise<boolean> {
  return !!(await db.get('SELECT 1 AS x FROM vote_electorate WHERE vote_id = ? AND deputy_id = ?', [voteId, deputyId]));
}

export async function electorateIds(db: Reader, voteId: number): Promise<number[]> {
  return (await db.all<{ deputy_id: number }>('SELECT deputy_id FROM vote_electorate WHERE vote_id = ?', [voteId])).map(
    (r) => r.deputy_id,
  );
}
