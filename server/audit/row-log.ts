// Writing the covered tables' changes into the hash chain (see covered.ts).
//   logRowChanges: before each commit, the rows the triggers copied become one 'audit.rows' entry of hashes.
//   startRowLog: at start, a baseline of every covered row once (a database from before this log existed), and
//   any change left in audit_changes — made by something other than this server — logged as 'audit.outside',
//   which verification always reports.
import { createHash } from 'node:crypto';
import type { Tx } from '../db/database';
import { appendAudit } from '../repositories/audit-repository';
import * as rows from '../repositories/audit-rows-repository';
import { COVERED } from './covered';
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

/** Once at start, before the app serves (see the file comment). */
export async function startRowLog(tx: Tx): Promise<void> {
  const outside = await rows.pendingChanges(tx);
  if (outside.length > 0) {
    await appendAudit(tx, { actor: 'system', action: 'audit.outside', detail: { changes: await hashed(tx, outside) } });
    await rows.clearChanges(tx);
  }
  if (await rows.hasEntry(tx, 'audit.baseline')) return;
  const tables: Record<string, string[]> = {};
  for (const table of Object.keys(COVERED)) tables[table] = (await rows.rowsOf(tx, table)).map(sha);
  const voters: Record<string, string> = {};
  for (const id of await rows.closedVoteIds(tx)) voters[id] = voterHash(await rows.voterRecord(tx, id));
  await appendAudit(tx, { actor: 'system', action: 'audit.baseline', detail: { tables, voters } });
}
