// Sign-in lockout per account name and client address, backing off.
//
// Why per address: a lockout per account let one address keep `admin` out for good (a wrong try every few
// minutes); here an address locks only itself out of that account. Why backing off: each lock in a row lasts
// twice the one before (up to MAX_LOCK_MS), so a guesser gets a handful of tries an hour, not a handful per
// five minutes. Why the count starts over when a lock expires: otherwise one wrong try re-locks at once.
// Unknown names are counted too, so a failure costs the same whether or not the account exists.
import type { Tx } from '../db/database';
import * as failures from '../repositories/login-failures-repository';
import type { LoginFailureRow } from '../repositories/login-failures-repository';
import type { Reader } from '../repositories/rows';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;
export const MAX_LOCK_MS = 24 * 60 * 60 * 1000;
/** A day with no failure from an address forgets its past locks. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

const key = (username: string) => username.normalize('NFC').toLowerCase();

export async function isLocked(db: Reader, username: string, address: string, at = Date.now()): Promise<boolean> {
  const row = await failures.findFailures(db, key(username), address);
  return !!row?.locked_until && Date.parse(row.locked_until) > at;
}

/** The row after one more failure at `at` (pure: the lock and back-off rules in one place). */
export function nextFailure(row: LoginFailureRow | undefined, at: number): LoginFailureRow {
  const stale = !row || at - Date.parse(row.last_failed_at) > FORGET_AFTER_MS;
  let count = stale ? 0 : row.failures;
  const locks = stale ? 0 : row.locks;
  let lockedUntil = stale ? null : row.locked_until;
  if (lockedUntil && Date.parse(lockedUntil) <= at) {
    count = 0; // the lock is over: start counting again
    lockedUntil = null;
  }
  if (lockedUntil) return { failures: count, locks, locked_until: lockedUntil, last_failed_at: new Date(at).toISOString() };
  count += 1;
  if (count < MAX_FAILURES) return { failures: count, locks, locked_until: null, last_failed_at: new Date(at).toISOString() };
  const lockMs = Math.min(MAX_LOCK_MS, LOCKOUT_MS * 2 ** locks);
  return { failures: count, locks: locks + 1, locked_until: new Date(at + lockMs).toISOString(), last_failed_at: new Date(at).toISOString() };
}

/** Counts a failure (inside the write job that records it); answers whether the account is now locked there. */
export async function recordFailure(tx: Tx, username: string, address: string, at = Date.now()): Promise<boolean> {
  const row = nextFailure(await failures.findFailures(tx, key(username), address), at);
  await failures.saveFailures(tx, key(username), address, row);
  await failures.pruneFailures(tx, new Date(at - FORGET_AFTER_MS).toISOString());
  return row.locked_until !== null;
}

export const recordSuccess = (tx: Tx, username: string, address: string): Promise<void> => failures.clearFailures(tx, key(username), address);

export const unlockAccount = (tx: Tx, username: string): Promise<void> => failures.clearAccount(tx, key(username));
