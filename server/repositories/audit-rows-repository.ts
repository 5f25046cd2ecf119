// SQL for the covered-table part of the audit (server/audit/covered.ts): pending row changes (the writer's TEMP
// audit_changes), current rows, a closed vote's voter record, and the triggers and migrations a file holds.
import type { Tx } from '../db/database';
import { COVERED, rowFilter, rowJson } from '../audit/covered';
import type { Reader } from './rows';

export interface RowChange {
  tbl: string;
  before: string | null;
  after: string | null;
}

export const pendingChanges = (db: Reader): Promise<RowChange[]> => db.all<RowChange>('SELECT tbl, before, after FROM audit_changes ORDER BY seq');

export async function clearChanges(tx: Tx): Promise<void> {
  await tx.run('DELETE FROM audit_changes');
}

/** Every row of a covered table as the triggers write it. */
export async function rowsOf(db: Reader, table: string): Promise<string[]> {
  if (!COVERED[table]) throw new Error(`not a covered table: ${table}`);
  const where = rowFilter(table);
  return (await db.all<{ j: string }>(`SELECT ${rowJson(table)} AS j FROM ${table}${where ? ` WHERE ${where}` : ''}`)).map((r) => r.j);
}

/**
 * Who has voted in a vote, and each deputy's cast requests by outcome: nothing about what they chose. For a secret
 * vote it is taken after the seal deleted its cast requests (secret-seal.ts), so it says only who has voted; a
 * request row found there later is reported by the vote checks (checkSealed) and changes this record too.
 */
export async function voterRecord(db: Reader, voteId: number): Promise<unknown> {
  const voters = await db.all<{ deputy_id: number }>('SELECT deputy_id FROM participation WHERE vote_id = ? ORDER BY deputy_id', [voteId]);
  const requests = await db.all<{ deputy_id: number; outcome: string; n: number }>(
    'SELECT deputy_id, outcome, COUNT(*) AS n FROM cast_requests WHERE vote_id = ? GROUP BY deputy_id, outcome ORDER BY deputy_id, outcome',
    [voteId],
  );
  return { voters: voters.map((v) => v.deputy_id), requests: requests.map((r) => [r.deputy_id, r.outcome, r.n]) };
}

export const closedVoteIds = async (db: Reader): Promise<number[]> =>
  (await db.all<{ id: number }>("SELECT id FROM votes WHERE state NOT IN ('draft', 'open') AND opened_at IS NOT NULL ORDER BY id")).map((r) => r.id);

/** The triggers stored in the file (a connection's TEMP triggers are in sqlite_temp_master, not here). */
export const triggersInFile = (db: Reader): Promise<Array<{ name: string; sql: string }>> =>
  db.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");

export const migrationNames = async (db: Reader): Promise<string[]> =>
  (await db.all<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version')).map((r) => r.name);

/** Each table's coverage signature as the baselines recorded it, the latest winning; a baseline from before they
 * recorded one (no `columns`) answers null for its tables. */
export async function baselinedSignatures(db: Reader): Promise<Map<string, string | null>> {
  const rowsOf = await db.all<{ tbl: string; sig: string | null }>(
    `SELECT t.key AS tbl, detail->'columns'->>t.key AS sig FROM audit_events, json_each(detail, '$.tables') AS t
     WHERE action = 'audit.baseline' ORDER BY audit_events.id`,
  );
  return new Map(rowsOf.map((r) => [r.tbl, r.sig]));
}

export const hasEntry = async (db: Reader, action: string): Promise<boolean> =>
  !!(await db.get('SELECT 1 AS x FROM audit_events WHERE action = ? LIMIT 1', [action]));
