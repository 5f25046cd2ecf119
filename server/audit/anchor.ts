// The chain's head kept outside the database: after each commit that appended to the log, the server writes the
// last entry's id and hash, with a MAC under a key derived from its secret file (data-secret.ts), to
// `quorum.db-anchor` (0600). Someone who cuts the log's tail in the file while the server is stopped — the last
// 'ballot.tracker' reports, a check-in's entries — leaves a chain that holds on its own but no longer reaches the
// anchored entry: the server finds it at start (and logs an 'audit.anchor' problem entry that verification
// reports from then on), audit:verify finds it any time. Forging the anchor needs the secret file too.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Database } from '../db/database';
import { FILE_MODE } from '../data-dir';
import { dataSecret, deriveKey, existingSecret } from '../data-secret';
import { appendAudit, memoHead } from '../repositories/audit-repository';
import type { Reader } from '../repositories/rows';
import type { AuditProblem } from './problem';

export const anchorPathOf = (dbPath: string): string => `${dbPath}-anchor`;
/** The entry that says the log is anchored from here on: without the anchor file after it, the file was removed. */
export const ANCHORED = 'audit.anchored';
/** Logged at start when the anchor does not hold: verification reports every such entry. */
export const ANCHOR_PROBLEM = 'audit.anchor';

interface Anchor {
  id: number;
  hash: string;
  mac: string;
}
type Head = { id: number; hash: string };

const macOf = (key: Buffer, head: Head) => createHmac('sha256', key).update(`${head.id}:${head.hash}`).digest('hex');

/** The anchor file's content as read now, or null if there is none (read it BEFORE a snapshot of the file). */
export function readAnchor(dbPath: string): Anchor | null {
  const path = anchorPathOf(dbPath);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Anchor;
  } catch {
    return { id: -1, hash: '', mac: '' };
  }
}

/** What is wrong between the anchor (read earlier) and the log as `db` sees it, or null. */
export async function anchorProblem(db: Reader, dbPath: string, anchor: Anchor | null): Promise<AuditProblem | null> {
  const at = { entryId: null, action: null };
  const anchored = await db.get<{ id: number }>('SELECT id FROM audit_events WHERE action = ? LIMIT 1', [ANCHORED]);
  if (!anchor) return anchored ? { entryId: anchored.id, action: ANCHORED, message: `the anchor file ${anchorPathOf(dbPath)} is missing: a cut of the log's tail cannot be ruled out` } : null;
  const secret = existingSecret(dbPath);
  if (!secret) return { ...at, message: 'the secret file beside the database is missing: the anchor cannot be checked' };
  const given = Buffer.from(String(anchor.mac));
  const expected = Buffer.from(macOf(deriveKey(secret, 'audit-anchor'), anchor));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ...at, message: 'the anchor file was not written by this server (its MAC does not hold)' };
  const row = await db.get<{ hash: string }>('SELECT hash FROM audit_events WHERE id = ?', [anchor.id]);
  const last = (await db.get<{ id: number }>('SELECT MAX(id) AS id FROM audit_events'))?.id ?? 0;
  if (!row) return { ...at, message: `the log ends at #${last}, but the server had written up to #${anchor.id}: its tail was cut` };
  if (row.hash !== anchor.hash) return { entryId: anchor.id, action: null, message: `entry #${anchor.id} is not the one the server wrote: the log was rewritten from there` };
  return null;
}

/**
 * At start, after the row log's baseline: checks the anchor (a problem is logged, so it stays visible), marks the
 * log anchored, then writes the anchor after every commit that moved the head.
 */
export async function startAnchor(db: Database, dbPath: string): Promise<AuditProblem | null> {
  if (dbPath === ':memory:') return null;
  const key = deriveKey(dataSecret(dbPath), 'audit-anchor');
  const problem = await anchorProblem(db, dbPath, readAnchor(dbPath));
  await db.write(async (tx) => {
    if (problem) await appendAudit(tx, { actor: 'system', action: ANCHOR_PROBLEM, detail: { ...problem } });
    if (!(await tx.get('SELECT 1 AS x FROM audit_events WHERE action = ? LIMIT 1', [ANCHORED]))) {
      await appendAudit(tx, { actor: 'system', action: ANCHORED, detail: {} });
    }
  });
  let written = -1;
  const write = (head: Head | null) => {
    if (!head || head.id === written) return;
    const path = anchorPathOf(dbPath);
    writeFileSync(`${path}.tmp`, JSON.stringify({ ...head, mac: macOf(key, head) }), { mode: FILE_MODE });
    renameSync(`${path}.tmp`, path); // whole or not at all
    written = head.id;
  };
  write((await db.get<Head>('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1')) ?? null);
  db.afterCommit = (memo) => write(memoHead(memo));
  return problem;
}
