// Append-only audit log. Each entry's hash covers its content and the previous entry's hash, so editing or
// deleting any row breaks every hash after it. Runs inside the write job that makes the change it records.
import { createHash } from 'node:crypto';
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  subject?: string;
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export function hashEntry(r: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([r.id, r.at, r.actor, r.action, r.subject, r.detail, r.prev_hash]))
    .digest('hex');
}

export async function appendAudit(tx: Tx, e: AuditEntry): Promise<void> {
  await appendAuditMany(tx, [e]);
}

/** The chain's last entry, remembered by the writer between jobs (a read less per ballot batch). */
const HEAD_MEMO = 'audit.head';

/** The head the writer's memo holds after a batch that appended, or null. */
export const memoHead = (memo: ReadonlyMap<string, unknown>): { id: number; hash: string } | null =>
  (memo.get(HEAD_MEMO) as { id: number; hash: string } | undefined) ?? null;

/** Appends entries in order, chaining each to the one before; one INSERT, the rows as one JSON array. */
export async function appendAuditMany(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  let head = tx.memo.get(HEAD_MEMO) as { id: number; hash: string } | undefined;
  if (!head) {
    const last = await tx.get<{ id: number; hash: string }>('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1');
    head = { id: last?.id ?? 0, hash: last?.hash ?? GENESIS_HASH };
  }
  let id = head.id;
  let prev = head.hash;
  const at = now();
  const values: unknown[][] = entries.map((e) => {
    const row = { id: ++id, at, actor: e.actor, action: e.action, subject: e.subject ?? null, detail: JSON.stringify(e.detail ?? {}), prev_hash: prev };
    prev = hashEntry(row);
    return [row.id, row.at, row.actor, row.action, row.subject, row.detail, row.prev_hash, prev];
  });
  await tx.run(
    `INSERT INTO audit_events (id, at, actor, action, subject, detail, prev_hash, hash)
     SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7 FROM json_each(?) ORDER BY key`,
    [JSON.stringify(values)],
  );
  tx.memo.set(HEAD_MEMO, { id, hash: prev });
}

export async function auditHead(db: Reader): Promise<string> {
  return (await db.get<{ hash: string }>('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1'))?.hash ?? GENESIS_HASH;
}
