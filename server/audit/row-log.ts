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
import { captureSql, COVERED, coverageSignature, type Coverage } from './covered';
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

/** The coverage of the tables whose line changed since the first baseline (which recorded no signature). */
const BEFORE_SIGNATURES: Record<string, Coverage> = {
  deputies: { columns: ['id', 'body_id', 'name', 'card_no', 'status'] },
  sittings: { columns: ['id', 'meeting_id', 'name'] },
};

/** Whether a baseline's record of a table (its signature; null: a first baseline, which recorded none) is this build's. */
export function baselinedAsNow(table: string, logged: string | null | undefined): boolean {
  if (logged === undefined) return false;
  return (logged ?? coverageSignature(BEFORE_SIGNATURES[table] ?? COVERED[table]!)) === coverageSignature(COVERED[table]!);
}

/** Tables whose rows the log has never recorded under their coverage of this build. */
async function unbaselined(tx: Tx): Promise<string[]> {
  const logged = await rows.baselinedSignatures(tx);
  return Object.keys(COVERED).filter((table) => !baselinedAsNow(table, logged.get(table)));
}

/**
 * A baseline of every covered row, once per table and coverage: the first start, or a start of a build that covers
 * a new table or column. (Rows changed in the file before such a start are taken as they stand: verify the file with
 * the build that wrote it before upgrading.) Who voted in each closed vote, with the first baseline only.
 */
async function logBaseline(tx: Tx): Promise<void> {
  const first = !(await rows.hasEntry(tx, 'audit.baseline'));
  const due = await unbaselined(tx);
  if (due.length === 0) return;
  const tables: Record<string, string[]> = {};
  const columns: Record<string, string> = {};
  for (const table of due) {
    tables[table] = (await rows.rowsOf(tx, table)).map(sha);
    columns[table] = coverageSignature(COVERED[table]!);
  }
  const voters: Record<string, string> = {};
  if (first) for (const id of await rows.closedVoteIds(tx)) voters[id] = voterHash(await rows.voterRecord(tx, id));
  await appendAudit(tx, { actor: 'system', action: 'audit.baseline', detail: { tables, columns, voters } });
}

/** Once at start, after the migrations, before the app serves a write (see the file comment). */
export async function startRowLog(db: Database): Promise<void> {
  await db.betweenBatches((ops) => ops.exec(captureSql()));
  await db.write(logBaseline);
  db.beforeCommit = logRowChanges;
}
