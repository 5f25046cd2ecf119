// Walks the audit log in id order and checks the hash chain: each entry's hash recomputed from its content,
// each prev_hash equal to the hash before it (GENESIS_HASH for the first), ids without gaps. On the way it
// gathers what the vote checks compare against: the vote.open / vote.close entries and the ballot records.
import { GENESIS_HASH, hashEntry, type AuditRow } from '../repositories/audit-repository';
import type { Reader } from '../repositories/rows';
import type { AuditProblem } from './problem';
import { RowTrail } from './row-checks';

const PAGE = 5000;

/** What the log says about one vote. */
export interface VoteTrail {
  open?: { entryId: number; inOffice: unknown };
  close?: { entryId: number; result: unknown };
  /** Secret votes: the summary their close or cancel entry holds in place of an entry per ballot (secret-seal.ts). */
  sealed?: { entryId: number; action: string; ballots: unknown; requests: unknown; box: unknown };
  /** 'ballot.record' entries: one per recorded or changed ballot (never per duplicate). */
  ballotRecords: number;
  lastBallotEntry?: number;
  /** Open (记名) votes only: the last content the log recorded for each deputy, and where. */
  lastContent: Map<number, { entryId: number; content: unknown }>;
}

export interface ChainWalk {
  entries: number;
  head: string;
  /** Whether an entry with this hash was seen (for --expect-head). */
  seen(hash: string): boolean;
  trails: Map<number, VoteTrail>;
  /** What the log says the covered tables hold (row-checks.ts). */
  rows: RowTrail;
  problem: AuditProblem | null;
}

const VOTE_SUBJECT = /^vote:(\d+)$/;

function trailOf(trails: Map<number, VoteTrail>, voteId: number): VoteTrail {
  let t = trails.get(voteId);
  if (!t) {
    t = { ballotRecords: 0, lastContent: new Map() };
    trails.set(voteId, t);
  }
  return t;
}

function collect(trails: Map<number, VoteTrail>, row: AuditRow, detail: Record<string, unknown>): void {
  const m = row.subject ? VOTE_SUBJECT.exec(row.subject) : null;
  if (!m) return;
  const t = trailOf(trails, Number(m[1]));
  if (row.action === 'vote.open') t.open = { entryId: row.id, inOffice: detail.inOffice };
  else if (row.action === 'vote.close') t.close = { entryId: row.id, result: detail.result };
  else if (row.action === 'ballot.record') {
    t.ballotRecords += 1;
    t.lastBallotEntry = row.id;
    if (typeof detail.deputyId === 'number') t.lastContent.set(detail.deputyId, { entryId: row.id, content: detail.content });
  }
  if ((row.action === 'vote.close' || row.action === 'vote.cancel') && detail.sealed && typeof detail.sealed === 'object') {
    t.sealed = { entryId: row.id, action: row.action, ...(detail.sealed as { ballots: unknown; requests: unknown; box: unknown }) };
  }
}

function linkProblem(row: AuditRow, lastId: number, prev: string): string | null {
  if (row.id !== lastId + 1) {
    return lastId === 0
      ? `the log starts at #${row.id}, not #1: the entries before it were removed`
      : `the chain jumps from #${lastId} to #${row.id}: ${row.id - lastId - 1} entr${row.id - lastId - 1 === 1 ? 'y was' : 'ies were'} removed`;
  }
  if (row.prev_hash !== prev) {
    return lastId === 0
      ? 'prev_hash is not the genesis hash: the log does not start here'
      : `prev_hash does not match the hash of entry #${lastId}: #${lastId} was rewritten or an entry between them removed or inserted`;
  }
  if (hashEntry(row) !== row.hash) return 'its content does not match its hash: the entry was edited after it was written';
  return null;
}

export async function walkChain(db: Reader): Promise<ChainWalk> {
  const trails = new Map<number, VoteTrail>();
  const rowTrail = new RowTrail();
  const hashes = new Set<string>();
  let prev = GENESIS_HASH;
  let lastId = 0;
  let entries = 0;
  const done = (problem: AuditProblem | null): ChainWalk => ({ entries, head: prev, seen: (h) => hashes.has(h), trails, rows: rowTrail, problem });
  for (;;) {
    const rows = await db.all<AuditRow>(
      'SELECT id, at, actor, action, subject, detail, prev_hash, hash FROM audit_events WHERE id > ? ORDER BY id LIMIT ?',
      [lastId, PAGE],
    );
    for (const row of rows) {
      const bad = linkProblem(row, lastId, prev);
      if (bad) return done({ entryId: row.id, action: row.action, message: bad });
      let detail: unknown;
      try {
        detail = JSON.parse(row.detail);
      } catch {
        return done({ entryId: row.id, action: row.action, message: 'its detail is not JSON' });
      }
      collect(trails, row, (detail ?? {}) as Record<string, unknown>);
      const rowProblem = rowTrail.collect(row, (detail ?? {}) as Record<string, unknown>);
      if (rowProblem) return done(rowProblem);
      hashes.add(row.hash);
      prev = row.hash;
      lastId = row.id;
      entries += 1;
    }
    if (rows.length < PAGE) return done(null);
  }
}
