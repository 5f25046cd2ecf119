// What ending a secret (无记名) vote does beyond fixing its result, so that nothing in the file orders its ballots by
// casting time or ties one to a deputy or a tablet (README "Secret ballots"): its rows are written again in key order
// (ballots-repository rewriteSecretVote), the audit log gets one summary (counts and the ballot box's digest) instead
// of an entry per ballot, and the WAL, which holds every batch in commit order, is truncated. Until it has been,
// the vote's result cannot be announced.
import { createHash } from 'node:crypto';
import type { Tx } from '../db/database';
import { truncateWal } from '../db/truncate-wal';
import { rewriteSecretVote } from '../repositories/ballots-repository';
import type { ServiceContext } from './context';

/** The audit summary of a sealed secret vote. */
export interface Seal {
  ballots: number;
  /** Cast requests stored (first ballots and changes); their ids are deleted with the seal. */
  requests: number;
  /** SHA-256 of the closed ballot box (key → content, in key order): a ballot edited afterwards shows. */
  box: string;
}

export function boxDigest(box: ReadonlyArray<{ key: string; content: string }>): string {
  return createHash('sha256').update(JSON.stringify(box.map((b) => [b.key, b.content]))).digest('hex');
}

/** Inside the close or cancel job, while the vote is still 'open'. */
export async function sealSecretVote(tx: Tx, voteId: number): Promise<Seal> {
  const { box, requests } = await rewriteSecretVote(tx, voteId);
  return { ballots: box.length, requests, box: boxDigest(box) };
}

const pending = new WeakMap<ServiceContext, Set<number>>();

function pendingOf(ctx: ServiceContext): Set<number> {
  let p = pending.get(ctx);
  if (!p) pending.set(ctx, (p = new Set()));
  return p;
}

/** A background try while a vote is pending: every second, holding the writer at most this long for readers. */
const RETRY_EVERY_MS = 1000;
const RETRY_WAIT_MS = 20;
const retrying = new WeakSet<ServiceContext>();

/** Votes whose WAL a background try cleared: the console's view of them changes (walPending). */
export type WalCleared = (voteIds: number[]) => void;

/**
 * Tries again in the background until the WAL is truncated: a cancelled vote is never announced, and a closed one
 * may not be for a long time, so nothing else would. Stops when the database closes (a restart checkpoints the WAL
 * when the database opens).
 */
function retryInBackground(ctx: ServiceContext, cleared: WalCleared): void {
  if (retrying.has(ctx)) return;
  retrying.add(ctx);
  const tick = async () => {
    const ok = await truncateWal(ctx.db, 0, RETRY_WAIT_MS).catch(() => false);
    if (!ok && !ctx.db.isClosed && pendingOf(ctx).size > 0) return void setTimeout(() => void tick(), RETRY_EVERY_MS).unref();
    retrying.delete(ctx);
    if (!ok) return;
    const done = [...pendingOf(ctx)];
    pendingOf(ctx).clear();
    cleared(done);
  };
  setTimeout(() => void tick(), RETRY_EVERY_MS).unref();
}

/**
 * Truncates the WAL after a secret vote ended; answers whether it could. A vote whose WAL could not be truncated
 * stays pending (the console says so, announcing is refused) until a later try succeeds: announcing tries, and so
 * does a background retry every second (a cancel or a close with a reader held is cleared once the reader leaves).
 */
export async function clearWal(ctx: ServiceContext, voteId: number, cleared: WalCleared): Promise<boolean> {
  const ok = await truncateWal(ctx.db);
  // One truncation clears what every ended secret vote left in the WAL.
  if (ok) pendingOf(ctx).clear();
  else {
    pendingOf(ctx).add(voteId);
    retryInBackground(ctx, cleared);
  }
  return ok;
}

export const walPending = (ctx: ServiceContext, voteId: number): boolean => pendingOf(ctx).has(voteId);
