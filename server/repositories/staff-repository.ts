// Staff accounts and their server-side sessions.
import type { StaffRole, StaffView } from '../../shared/views';
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

export interface StaffRow {
  id: number;
  username: string;
  display_name: string;
  role: StaffRole;
  password_hash: string | null;
  disabled: number;
  must_change_password: number;
  /** Latest lock of this account from any address (login_failures), when selected with STAFF_COLUMNS. */
  locked_until?: string | null;
}

/** A staff row and its latest sign-in lock: a lock is per account and address, the console shows the latest. */
const STAFF_COLUMNS = `staff.*, (SELECT MAX(f.locked_until) FROM login_failures f WHERE f.username = staff.username COLLATE NOCASE) AS locked_until`;

export const toStaffView = (r: StaffRow): StaffView => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled === 1,
  mustChangePassword: r.must_change_password === 1,
  lockedUntil: r.locked_until && Date.parse(r.locked_until) > Date.now() ? r.locked_until : null,
});

export async function findByUsername(db: Reader, username: string): Promise<StaffRow | undefined> {
  return db.get<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE username = ? COLLATE NOCASE`, [username]);
}

export async function findStaff(db: Reader, id: number): Promise<StaffRow | undefined> {
  return db.get<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE id = ?`, [id]);
}

export async function listStaff(db: Reader): Promise<StaffView[]> {
  return (await db.all<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff ORDER BY id`)).map(toStaffView);
}

export async function countStaff(db: Reader): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM staff'))?.n ?? 0;
}

export async function insertStaff(
  tx: Tx,
  s: { username: string; displayName: string; role: StaffRole; passwordHash: string; mustChange: boolean },
): Promise<number> {
  const { lastID } = await tx.run(
    'INSERT INTO staff (username, display_name, role, password_hash, must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [s.username, s.displayName, s.role, s.passwordHash, s.mustChange ? 1 : 0, now()],
  );
  return lastID;
}

export async function updateStaff(tx: Tx, id: number, patch: { displayName?: string; role?: StaffRole; disabled?: boolean }): Promise<void> {
  const cols: Array<[string, unknown]> = [];
  if (patch.displayName !== undefined) cols.push(['display_name', patch.displayName]);
  if (patch.role !== undefined) cols.push(['role', patch.role]);
  if (patch.disabled !== undefined) cols.push(['disabled', patch.disabled ? 1 : 0]);
  await tx.run(`UPDATE staff SET ${cols.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, [...cols.map(([, v]) => v), id]);
}

export async function setPassword(tx: Tx, id: number, hash: string, mustChange: boolean): Promise<void> {
  await tx.run('UPDATE staff SET password_hash = ?, must_change_password = ? WHERE id = ?', [
    hash,
    mustChange ? 1 : 0,
    id,
  ]);
}

export async function insertSession(tx: Tx, tokenHash: string, staffId: number, expiresAt: string): Promise<void> {
  await tx.run('INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [tokenHash, staffId, now(), expiresAt]);
}

export async function findSession(db: Reader, tokenHash: string): Promise<(StaffRow & { expires_at: string }) | undefined> {
  return db.get<StaffRow & { expires_at: string }>(
    'SELECT s.*, x.expires_at FROM sessions x JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = ?',
    [tokenHash],
  );
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
}

export async function deleteSessionsOf(tx: Tx, staffId: number): Promise<void> {
  await tx.run('DELETE FROM sessions WHERE staff_id = ?', [staffId]);
}

/** Every session of the account but the one given (changing one's own password keeps the session that did it). */
export async function deleteOtherSessions(tx: Tx, staffId: number, keepTokenHash: string): Promise<void> {
  await tx.run('DELETE FROM sessions WHERE staff_id = ? AND token_hash <> ?', [staffId, keepTokenHash]);
}
