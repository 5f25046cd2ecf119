// Failed sign-ins per account name and client address (services/login-guard decides what they mean).
import type { Tx } from '../db/database';
import type { Reader } from './rows';

export interface LoginFailureRow {
  failures: number;
  locks: number;
  locked_until: string | null;
  last_failed_at: string;
}

export async function findFailures(db: Reader, username: string, address: string): Promise<LoginFailureRow | undefined> {
  return db.get<LoginFailureRow>('SELECT failures, locks, locked_until, last_failed_at FROM login_failures WHERE username = ? AND address = ?', [
    username,
    address,
  ]);
}

export async function saveFailures(tx: Tx, username: string, address: string, row: LoginFailureRow): Promise<void> {
  await tx.run(
    `INSERT INTO login_failures (username, address, failures, locks, locked_until, last_failed_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (username, address) DO UPDATE SET failures = excluded.failures, locks = excluded.locks,
       locked_until = excluded.locked_until, last_failed_at = excluded.last_failed_at`,
    [username, address, row.failures, row.locks, row.locked_until, row.last_failed_at],
  );
}

export async function clearFailures(tx: Tx, username: string, address: string): Promise<void> {
  await tx.run('DELETE FROM login_failures WHERE username = ? AND address = ?', [username, address]);
}

/** An admin's unlock: every address's count for the account. */
export async function clearAccount(tx: Tx, username: string): Promise<void> {
  await tx.run('DELETE FROM login_failures WHERE username = ?', [username]);
}

/** Rows with no lock in force and no failure since `before` mean nothing any more. */
export async function pruneFailures(tx: Tx, before: string): Promise<void> {
  await tx.run('DELETE FROM login_failures WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)', [before, before]);
}
