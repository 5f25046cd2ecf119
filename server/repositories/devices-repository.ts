// Paired tablets. Tokens are stored only as SHA-256 hashes.
import type { DeviceMode, DeviceView } from '../../shared/views';
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

interface DeviceRow {
  id: number;
  name: string;
  mode: DeviceMode;
  status: DeviceView['status'];
  pairing_code: string | null;
  sitting_id: number | null;
  meeting_id: number | null;
  seat: string | null;
  last_seen_at: string | null;
  created_at: string;
}

const SELECT = `SELECT d.id, d.name, d.mode, d.status, d.pairing_code, d.sitting_id, s.meeting_id, d.seat, d.last_seen_at,
  d.created_at FROM devices d LEFT JOIN sittings s ON s.id = d.sitting_id`;

const toView = (r: DeviceRow): DeviceView => ({
  id: r.id,
  name: r.name,
  mode: r.mode,
  status: r.status,
  pairingCode: r.status === 'pending' ? r.pairing_code : null,
  sittingId: r.sitting_id,
  meetingId: r.meeting_id,
  seat: r.seat,
  lastSeenAt: r.last_seen_at,
  online: false,
  createdAt: r.created_at,
});

export async function insertPending(tx: Tx, code: string, tokenHash: string): Promise<number> {
  const { lastID } = await tx.run(
    "INSERT INTO devices (name, pairing_code, token_hash, status, created_at) VALUES ('', ?, ?, 'pending', ?)",
    [code, tokenHash, now()],
  );
  return lastID;
}

/** Pairing requests never accepted in time: they never were devices, nothing refers to them. */
export async function deletePendingBefore(tx: Tx, cutoff: string): Promise<void> {
  await tx.run("DELETE FROM devices WHERE status = 'pending' AND created_at < ?", [cutoff]);
}

export async function countPending(db: Reader): Promise<number> {
  return (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM devices WHERE status = 'pending'"))?.n ?? 0;
}

export async function pendingCodeTaken(db: Reader, code: string): Promise<boolean> {
  return !!(await db.get("SELECT 1 AS x FROM devices WHERE status = 'pending' AND pairing_code = ?", [code]));
}

export async function findPendingByCode(db: Reader, code: string): Promise<{ id: number; createdAt: string } | undefined> {
  const row = await db.get<{ id: number; created_at: string }>(
    "SELECT id, created_at FROM devices WHERE status = 'pending' AND pairing_code = ?",
    [code],
  );
  return row && { id: row.id, createdAt: row.created_at };
}

export async function activate(
  tx: Tx,
  id: number,
  d: { name: string; mode: DeviceMode; sittingId: number | null; seat: string | null },
): Promise<boolean> {
  const { changes } = await tx.run(
    "UPDATE devices SET status = 'active', pairing_code = NULL, name = ?, mode = ?, sitting_id = ?, seat = ? WHERE id = ? AND status = 'pending'",
    [d.name, d.mode, d.sittingId, d.seat, id],
  );
  return changes === 1;
}

export async function update(
  tx: Tx,
  id: number,
  patch: { name?: string; mode?: DeviceMode; sittingId?: number | null; seat?: string },
): Promise<void> {
  const cols: Array<[string, unknown]> = [];
  if (patch.name !== undefined) cols.push(['name', patch.name]);
  if (patch.mode !== undefined) cols.push(['mode', patch.mode]);
  if (patch.sittingId !== undefined) cols.push(['sitting_id', patch.sittingId]);
  if (patch.seat !== undefined) cols.push(['seat', patch.seat]);
  await tx.run(`UPDATE devices SET ${cols.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, [...cols.map(([, v]) => v), id]);
}

export async function revoke(tx: Tx, id: number): Promise<boolean> {
  const { changes } = await tx.run("UPDATE devices SET status = 'revoked', pairing_code = NULL WHERE id = ? AND status <> 'revoked'", [id]);
  return changes === 1;
}

export async function findDevice(db: Reader, id: number): Promise<DeviceView | undefined> {
  const row = await db.get<DeviceRow>(`${SELECT} WHERE d.id = ?`, [id]);
  return row && toView(row);
}

export async function findByTokenHash(db: Reader, hash: string): Promise<DeviceView | undefined> {
  const row = await db.get<DeviceRow>(`${SELECT} WHERE d.token_hash = ?`, [hash]);
  return row && toView(row);
}

/** Devices to show a clerk: pending requests younger than `pendingSince`, and every device ever paired. */
export async function listDevices(db: Reader, pendingSince: string): Promise<DeviceView[]> {
  const rows = await db.all<DeviceRow>(
    `${SELECT} WHERE (d.status = 'pending' AND d.created_at >= ?) OR (d.status <> 'pending' AND (d.status <> 'revoked' OR d.name <> ''))
     ORDER BY d.status, d.id`,
    [pendingSince],
  );
  return rows.map(toView);
}

export async function touchLastSeen(tx: Tx, id: number, at: string): Promise<void> {
  await tx.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [at, id]);
}
