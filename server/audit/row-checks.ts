// Verification of the covered tables (covered.ts): the log's 'audit.baseline' and 'audit.rows' entries are
// replayed into the rows each table should hold (as hashes); the file's tables must hold exactly those — the
// same count and the same contents. That is what catches an edit made by any connection but the server's writer
// (the only one that captures changes: covered.ts), whether the server was running or not. Reported too: a logged
// change that starts from a row the log never had (the server changed a row someone had edited), an
// 'audit.outside' entry (files from before migration 0007), a closed vote's voter record that differs, and a
// trigger in the file that the migrations do not make (it would run on the writer and be logged as the server's).
import { triggersFrom } from '../db/migrate';
import * as rows from '../repositories/audit-rows-repository';
import type { AuditRow } from '../repositories/audit-repository';
import type { Reader } from '../repositories/rows';
import { ANCHOR_PROBLEM } from './anchor';
import { COVERED } from './covered';
import type { AuditProblem } from './problem';
import { baselinedAsNow, sha, voterHash, type LoggedChange } from './row-log';

/** What the log says the covered tables hold. */
export class RowTrail {
  /** table → row hash → how many rows have it */
  readonly tables = new Map<string, Map<string, number>>();
  /** vote id → voter record hash and where it was logged */
  readonly voters = new Map<number, { hash: string; entryId: number }>();
  baselineAt: number | null = null;
  /** table → the coverage signature its latest baseline recorded (null: a first baseline, which recorded none) */
  readonly signatures = new Map<string, string | null>();
  lastEntry: number | null = null;

  private bag(table: string): Map<string, number> {
    let b = this.tables.get(table);
    if (!b) this.tables.set(table, (b = new Map()));
    return b;
  }

  /** Takes one audit entry; answers a problem when the entry cannot follow what came before. */
  collect(row: AuditRow, detail: Record<string, unknown>): AuditProblem | null {
    const at = { entryId: row.id, action: row.action };
    if (row.action === 'audit.outside') return { ...at, message: 'rows of covered tables were changed outside the server (found at start)' };
    if (row.action === ANCHOR_PROBLEM) return { ...at, message: `at start the server found: ${String(detail.message)}` };
    if (row.action === 'audit.baseline') {
      this.baselineAt = row.id;
      for (const [table, hashes] of Object.entries((detail.tables ?? {}) as Record<string, string[]>)) {
        this.tables.delete(table); // a later baseline (the table's coverage changed) starts the table over
        this.signatures.set(table, ((detail.columns ?? {}) as Record<string, string>)[table] ?? null);
        for (const h of hashes) this.bag(table).set(h, (this.bag(table).get(h) ?? 0) + 1);
      }
      for (const [id, hash] of Object.entries((detail.voters ?? {}) as Record<string, string>)) this.voters.set(Number(id), { hash, entryId: row.id });
      return null;
    }
    if (row.action !== 'audit.rows') return null;
    this.lastEntry = row.id;
    for (const [table, before, after] of (detail.changes ?? []) as LoggedChange[]) {
      if (table === 'vote_voters') {
        const [id, hash] = String(after).split(':');
        this.voters.set(Number(id), { hash: hash!, entryId: row.id });
        continue;
      }
      const bag = this.bag(table);
      if (before !== null) {
        const n = bag.get(before) ?? 0;
        if (n === 0) return { ...at, message: `a ${table} row changed here was not what the log last recorded: it was edited outside the server before` };
        if (n === 1) bag.delete(before);
        else bag.set(before, n - 1);
      }
      if (after !== null) bag.set(after, (bag.get(after) ?? 0) + 1);
    }
    return null;
  }
}

/** A row for the message, without a password hash, cut to a readable length. */
function excerpt(json: string): string {
  const shown = json.replace(/"password_hash":"[^"]*"/, '"password_hash":"…"');
  return shown.length > 160 ? `${shown.slice(0, 160)}…` : shown;
}

async function checkTable(db: Reader, trail: RowTrail, table: string): Promise<AuditProblem | null> {
  if (!baselinedAsNow(table, trail.signatures.get(table))) {
    return { entryId: null, action: null, message: `the log has no baseline of ${table} as this build covers it: start the server of this build once (it logs one), or verify with the build that wrote the file` };
  }
  const expected = new Map(trail.tables.get(table) ?? []);
  const actual = await rows.rowsOf(db, table);
  const at = { entryId: trail.lastEntry ?? trail.baselineAt, action: trail.lastEntry ? 'audit.rows' : 'audit.baseline' };
  const logged = [...expected.values()].reduce((a, b) => a + b, 0);
  const unknown: string[] = [];
  for (const json of actual) {
    const h = sha(json);
    const n = expected.get(h) ?? 0;
    if (n === 0) unknown.push(json);
    else if (n === 1) expected.delete(h);
    else expected.set(h, n - 1);
  }
  if (actual.length !== logged) return { ...at, message: `${table} holds ${actual.length} rows, the log says ${logged}` };
  if (unknown.length > 0) return { ...at, message: `${table} row ${excerpt(unknown[0]!)} is not what the log recorded: edited outside the server` };
  return null;
}

/** The file's triggers must be exactly those its migrations make (migrate.ts triggersFrom says why). */
async function checkTriggers(db: Reader): Promise<AuditProblem | null> {
  const at = { entryId: null, action: null };
  const expected = await triggersFrom(await rows.migrationNames(db));
  if (!expected) return { ...at, message: 'the file records migrations this build does not have: its triggers cannot be checked' };
  for (const { name, sql } of await rows.triggersInFile(db)) {
    if (expected.get(name) !== sql) {
      return { ...at, message: `trigger ${name} is not as the migrations make it: it runs on the server's own connection too, and could change covered rows that the server then logs as its own` };
    }
    expected.delete(name);
  }
  const [missing] = expected.keys();
  return missing === undefined ? null : { ...at, message: `trigger ${missing}, made by the migrations, is missing` };
}

/** The covered-table checks, after the chain itself and the vote checks held. */
export async function checkCoveredTables(db: Reader, trail: RowTrail): Promise<AuditProblem | null> {
  if (trail.baselineAt === null) return { entryId: null, action: null, message: 'the log has no audit.baseline entry: the covered tables were never recorded' };
  const triggers = await checkTriggers(db);
  if (triggers) return triggers;
  for (const table of Object.keys(COVERED)) {
    const problem = await checkTable(db, trail, table);
    if (problem) return problem;
  }
  for (const id of await rows.closedVoteIds(db)) {
    const logged = trail.voters.get(id);
    const now = voterHash(await rows.voterRecord(db, id));
    if (!logged) return { entryId: null, action: null, voteId: id, message: 'the vote is closed but the log has no record of who voted in it' };
    if (logged.hash !== now) return { entryId: logged.entryId, action: 'audit.rows', voteId: id, message: 'who voted (participation, cast requests) differs from what the log recorded at close' };
  }
  return null;
}
