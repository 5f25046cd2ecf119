// Paired tablets. Tokens are stored only as SHA-256 hashes, with each tablet's public key (SPKI, base64).
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
  seat_id: number | null;
  last_seen_at: string | null;
  created_at: string;
}

const SELECT = `SELECT d.id, d.name, d.mode, d.status, d.pairing_code, d.sitting_id, s.meeting_id, d.seat, d.seat_id, d.last_seen_at,
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
  seatId: r.seat_id,
  lastSeenAt: r.last_seen_at,
  online: false,
  createdAt: r.created_at,
});

/** A code a clerk accepted, with the settings the tablet will have; no token or key until the tablet claims it. */
export async function insertAccepted(
  tx: Tx,
  code: string,
  d: { name: string; mode: DeviceMode; sittingId: number | null; seat: string | null; seatId: number | null },
): Promise<number> {
  const { lastID } = await tx.run(
    "INSERT INTO devices (name, mode, sitting_id, seat, seat_id, pairing_code, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
    [d.name, d.mode, d.sittingId, d.seat, d.seatId, code, now()],
  );
  return lastID;
}

/** Accepted codes never claimed in time: they never were devices, nothing refers to them. */
export async function deletePendingBefore(tx: Tx, cutoff: string): Promise<void> {
  await tx.run("DELETE FROM devices WHERE status = 'pending' AND created_at < ?", [cutoff]);
}

export async function deleteAllPending(tx: Tx): Promise<number> {
  return (await tx.run("DELETE FROM devices WHERE status = 'pending'")).changes;
}

export async function findPendingByCode(db: Reader, code: string): Promise<{ id: number; createdAt: string } | undefined> {
  const row = await db.get<{ id: number; created_at: string }>(
    "SELECT id, created_at FROM devices WHERE status = 'pending' AND pairing_code = ?",
    [code],
  );
  return row && { id: row.id, createdAt: row.created_at };
}

/** The tablet holding the accepted code's key takes the device: its token hash and public key, active from now. */
export async function claim(tx: Tx, id: number, tokenHash: string, publicKey: string): Promise<boolean> {
  const { changes } = await tx.run(
    "UPDATE devices SET status = 'active', pairing_code = NULL, token_hash = ?, public_key = ? WHERE id = ? AND status = 'pending'",
    [tokenHash, publicKey, id],
  );
  return changes === 1;
}

export async function publicKeyOf(db: Reader, id: number): Promise<string | null> {
  return (await db.get<{ public_key: string | null }>('SELECT public_key FROM devices WHERE id = ?', [id]))?.public_key ?? null;
}

export async function update(
  tx: Tx,
  id: number,
  patch: { name?: string; mode?: DeviceMode; sittingId?: number | null; seat?: string; seatId?: number | null },
): Promise<void> {
  const cols: Array<[string, unknown]> = [];
  if (patch.name !== undefined) cols.push(['name', patch.name]);
  if (patch.mode !== undefined) cols.push(['mode', patch.mode]);
  if (patch.sittingId !== undefined) cols.push(['sitting_id', patch.sittingId]);
  if (patch.seat !== undefined) cols.push(['seat', patch.seat]);
  if (patch.seatId !== undefined) cols.push(['seat_id', patch.seatId]);
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

/** Devices to show a clerk: every device ever paired (accepted codes still waiting for their tablet are listPending). */
export async function listDevices(db: Reader): Promise<DeviceView[]> {
  const rows = await db.all<DeviceRow>(`${SELECT} WHERE d.status <> 'pending' AND (d.status <> 'revoked' OR d.name <> '') ORDER BY d.status, d.id`);
  return rows.map(toView);
}

/** Accepted codes younger than `since` whose tablet has not claimed them yet. */
export async function listPending(db: Reader, since: string): Promise<DeviceView[]> {
  return (await db.all<DeviceRow>(`${SELECT} WHERE d.status = 'pending' AND d.created_at >= ? ORDER BY d.id`, [since])).map(toView);
}

export async function touchLastSeen(tx: Tx, id: number, at: string): Promise<void> {
  await tx.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [at, id]);
}
