// Ballot contents, participation and cast request ids: three tables that a secret vote keeps unlinked.
import type { BallotContent } from '../../shared/types';
import { together, type Tx } from '../db/database';
import { now, type Reader } from './rows';

export async function findCastRequest(
  db: Reader,
  voteId: number,
  clientId: string,
): Promise<{ deputyId: number; outcome: 'recorded' | 'changed' } | undefined> {
  const row = await db.get<{ deputy_id: number; outcome: 'recorded' | 'changed' }>(
    'SELECT deputy_id, outcome FROM cast_requests WHERE vote_id = ? AND client_id = ?',
    [voteId, clientId],
  );
  return row && { deputyId: row.deputy_id, outcome: row.outcome };
}

export async function insertCastRequest(
  tx: Tx,
  voteId: number,
  clientId: string,
  deputyId: number,
  outcome: 'recorded' | 'changed',
): Promise<void> {
  await tx.run('INSERT INTO cast_requests (vote_id, client_id, deputy_id, outcome) VALUES (?, ?, ?, ?)', [
    voteId,
    clientId,
    deputyId,
    outcome,
  ]);
}

export async function hasParticipated(db: Reader, voteId: number, deputyId: number): Promise<boolean> {
  return !!(await db.get('SELECT 1 AS x FROM participation WHERE vote_id = ? AND deputy_id = ?', [voteId, deputyId]));
}

export async function recordParticipation(tx: Tx, voteId: number, deputyId: number, deviceId: number | null): Promise<void> {
  const at = now();
  await tx.run(
    `INSERT INTO participation (vote_id, deputy_id, device_id, first_cast_at, last_cast_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (vote_id, deputy_id) DO UPDATE SET last_cast_at = excluded.last_cast_at, changes = changes + 1,
       device_id = excluded.device_id`,
    [voteId, deputyId, deviceId, at, at],
  );
}

export async function ballotExists(db: Reader, voteId: number, ballotKey: string): Promise<boolean> {
  return !!(await db.get('SELECT 1 AS x FROM ballots WHERE vote_id = ? AND ballot_key = ?', [voteId, ballotKey]));
}

/** deputyId is null for secret votes: the row then holds only the vote, a random key and the content. */
export async function upsertBallot(
  tx: Tx,
  voteId: number,
  ballotKey: string,
  deputyId: number | null,
  content: BallotContent,
): Promise<void> {
  await tx.run(
    `INSERT INTO ballots (vote_id, ballot_key, deputy_id, content) VALUES (?, ?, ?, ?)
     ON CONFLICT (vote_id, ballot_key) DO UPDATE SET content = excluded.content`,
    [voteId, ballotKey, deputyId, JSON.stringify(content)],
  );
}

export async function ballotContents(db: Reader, voteId: number): Promise<BallotContent[]> {
  const rows = await db.all<{ content: string }>('SELECT content FROM ballots WHERE vote_id = ?', [voteId]);
  return rows.map((r) => JSON.parse(r.content) as BallotContent);
}

export async function participationCount(db: Reader, voteId: number): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM participation WHERE vote_id = ?', [voteId]))?.n ?? 0;
}

/** Open (记名) votes only: who chose what, for the record. */
export async function openBallotsByDeputy(
  db: Reader,
  voteId: number,
): Promise<Array<{ deputyId: number; content: BallotContent }>> {
  const rows = await db.all<{ deputy_id: number; content: string }>(
    'SELECT deputy_id, content FROM ballots WHERE vote_id = ? AND deputy_id IS NOT NULL',
    [voteId],
  );
  return rows.map((r) => ({ deputyId: r.deputy_id, content: JSON.parse(r.content) as BallotContent }));
}

/** One accepted cast, as the batch writer stores it. */
export interface CastRow {
  voteId: number;
  ballotKey: string;
  /** null for secret votes. */
  ballotDeputyId: number | null;
  deputyId: number;
  deviceId: number | null;
  clientId: string;
  content: BallotContent;
  outcome: 'recorded' | 'changed';
}

/**
 * Stores a batch of casts with three statements run together, the rows passed as ONE JSON array that SQLite unpacks
 * (json_each) on its own thread: binding thousands of separate parameters cost the event loop more than the
 * SQL did. Rows keep their order, so a cast and a later change of the same deputy in one batch leave the change.
 * The three tables stay unlinked for secret votes: the ballot rows carry no deputy, device or time, and their
 * physical order is their random key's.
 */
export async function insertCasts(tx: Tx, casts: readonly CastRow[]): Promise<void> {
  const at = now();
  // Secret votes keep out of the file what the ballot path does not need: no tablet and no time on participation.
  const rows = JSON.stringify(
    casts.map((c) => {
      const secret = c.ballotDeputyId === null;
      return [c.voteId, c.ballotKey, c.ballotDeputyId, JSON.stringify(c.content), c.deputyId, secret ? null : c.deviceId, c.clientId, c.outcome, secret ? '' : at, secret ? c.deviceId : null];
    }),
  );
  // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT's join (SQLite's UPSERT notes).
  const each = 'FROM json_each(?1) WHERE true ORDER BY key';
  await together([
    tx.run(
      `INSERT INTO ballots (vote_id, ballot_key, deputy_id, content) SELECT value->>0, value->>1, value->>2, value->>3 ${each}
       ON CONFLICT (vote_id, ballot_key) DO UPDATE SET content = excluded.content`,
      [rows],
    ),
    tx.run(
      `INSERT INTO participation (vote_id, deputy_id, device_id, first_cast_at, last_cast_at)
       SELECT value->>0, value->>4, value->>5, value->>8, value->>8 ${each}
       ON CONFLICT (vote_id, deputy_id) DO UPDATE SET last_cast_at = excluded.last_cast_at, changes = changes + 1,
         device_id = excluded.device_id`,
      [rows],
    ),
    tx.run(`INSERT INTO cast_requests (vote_id, client_id, deputy_id, outcome) SELECT value->>0, value->>6, value->>4, value->>7 ${each}`, [rows]),
    // A secret vote's tablets that cast, as a set keyed by device (tracker-service: only they report); no deputy.
    tx.run(`INSERT OR IGNORE INTO vote_tablets (vote_id, device_id) SELECT value->>0, value->>9 FROM json_each(?1) WHERE value->>9 IS NOT NULL`, [rows]),
  ]);
}

/** A secret vote's ballots in key order, contents as stored (the closed ballot box). */
export async function ballotBox(db: Reader, voteId: number): Promise<Array<{ key: string; content: string }>> {
  return db.all('SELECT ballot_key AS key, content FROM ballots WHERE vote_id = ? ORDER BY ballot_key', [voteId]);
}

/**
 * When a secret vote ends (closed or cancelled, while its state is still 'open' for the ballots trigger): its ballots
 * and participation are deleted and written again, ballots in key order (a hash) and participation in deputy order,
 * so no cell's place in a page keeps the order they were cast in; its cast request ids (casting is over) are
 * deleted. With secure_delete the old cells and freed pages are zeroed. Answers the box and the request count.
 */
export async function rewriteSecretVote(tx: Tx, voteId: number): Promise<{ box: Array<{ key: string; content: string }>; requests: number }> {
  const box = await ballotBox(tx, voteId);
  const voters = await tx.all<{ deputy_id: number; changes: number }>(
    'SELECT deputy_id, changes FROM participation WHERE vote_id = ? ORDER BY deputy_id',
    [voteId],
  );
  const requests = (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM cast_requests WHERE vote_id = ?', [voteId]))?.n ?? 0;
  // The tablets that cast, written again in device order like the ballots: no trace of the order they first cast in.
  const tablets = await tx.all<{ device_id: number }>('SELECT device_id FROM vote_tablets WHERE vote_id = ? ORDER BY device_id', [voteId]);
  await tx.run('DELETE FROM vote_tablets WHERE vote_id = ?', [voteId]);
  await tx.run('INSERT INTO vote_tablets (vote_id, device_id) SELECT ?1, value FROM json_each(?2) ORDER BY key', [voteId, JSON.stringify(tablets.map((t) => t.device_id))]);
  await tx.run('DELETE FROM ballots WHERE vote_id = ?', [voteId]);
  await tx.run('DELETE FROM participation WHERE vote_id = ?', [voteId]);
  await tx.run('DELETE FROM cast_requests WHERE vote_id = ?', [voteId]);
  await tx.run(
    'INSERT INTO ballots (vote_id, ballot_key, deputy_id, content) SELECT ?1, value->>0, NULL, value->>1 FROM json_each(?2) ORDER BY key',
    [voteId, JSON.stringify(box.map((b) => [b.key, b.content]))],
  );
  await tx.run(
    `INSERT INTO participation (vote_id, deputy_id, device_id, first_cast_at, last_cast_at, changes)
     SELECT ?1, value->>0, NULL, '', '', value->>1 FROM json_each(?2) ORDER BY key`,
    [voteId, JSON.stringify(voters.map((v) => [v.deputy_id, v.changes]))],
  );
  return { box, requests };
}
