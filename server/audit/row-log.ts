// Writing the covered tables' changes into the hash chain (see covered.ts).
//   startRowLog: at start, before the app serves, makes the capture (TEMP table and triggers) on the writer
//   connection — the only connection whose changes are logged — logs a baseline of every covered row once (a
//   database from before this log existed), and hooks logRowChanges before each commit.
//   logRowChanges: before each commit, the rows the triggers copied become one 'audit.rows' entry of hashes.
// Nothing is logged for changes made by other connections: verification finds them as rows the log never had.
// (Files from before migration 0007 may hold 'audit.outside' entries, logged at start for changes a stored trigger
// had caught; verification still reports those.)
import { createHash } from 'node:crypto';
import type { Database, Tx } from '../db/database';
import { appendAudit } from '../repositories/audit-repository';
import * as rows from '../repositories/audit-rows-repository';
import { captureSql, COVERED } from './covered';
import { canonical } from './problem';

export const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
export const voterHash = (record: unknown): string => sha(canonical(record));

/** [table, hash before or null, hash after or null]; for 'vote_voters': [table, null, "<voteId>:<hash>"]. */
export type LoggedChange = [string, string | null, string | null];

async function hashed(tx: Tx, changes: rows.RowChange[]): Promise<LoggedChange[]> {
  const out: LoggedChange[] = [];
  for (const c of changes) {
    if (c.tbl === 'vote_voters') {
      out.push([c.tbl, null, `${c.after}:${voterHash(await rows.voterRecord(tx, Number(c.after)))}`]);
    } else if (c.before !== c.after) {
      out.push([c.tbl, c.before === null ? null : sha(c.before), c.after === null ? null : sha(c.after)]);
    }
  }
  return out;
}

/** Runs in the writer before each COMMIT (Database.beforeCommit). */
export async function logRowChanges(tx: Tx): Promise<void> {
  const changes = await rows.pendingChanges(tx);
  if (changes.length === 0) return;
  const logged = await hashed(tx, changes);
  if (logged.length > 0) await appendAudit(tx, { actor: 'system', action: 'audit.rows', detail: { changes: logged } });
  await rows.clearChanges(tx);
}

async function logBaseline(tx: Tx): Promise<void> {
  if (await rows.hasEntry(tx, 'audit.baseline')) return;
  const tables: Record<string, string[]> = {};
  for (const table of Object.keys(COVERED)) tables[table] = (await rows.rowsOf(tx, table)).map(sha);
  const voters: Record<string, string> = {};
  for (const id of await rows.closedVoteIds(tx)) voters[id] = voterHash(await rows.voterRecord(tx, id));
  await appendAudit(tx, { actor: 'system', action: 'audit.baseline', detail: { tables, voters } });
}

/** Once at start, after the migrations, before the app serves a write (see the file comment). */
export async function startRowLog(db: Database): Promise<void> {
  await db.betweenBatches((ops) => ops.exec(captureSql()));
  await db.write(logBaseline);
  db.beforeCommit = logRowChanges;
}
