// Seat bindings: which deputy a seat tablet is bound to for its sitting (migration seat_binding).
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

export interface BindingRow {
  id: number;
  deviceId: number;
  sittingId: number;
  deputyId: number;
  away: boolean;
  boundAt: string;
}

interface Row {
  id: number;
  device_id: number;
  sitting_id: number;
  deputy_id: number;
  away: number;
  bound_at: string;
}

const toBinding = (r: Row): BindingRow => ({ id: r.id, deviceId: r.device_id, sittingId: r.sitting_id, deputyId: r.deputy_id, away: r.away === 1, boundAt: r.bound_at });

export async function allBindings(db: Reader): Promise<BindingRow[]> {
  return (await db.all<Row>('SELECT id, device_id, sitting_id, deputy_id, away, bound_at FROM seat_bindings ORDER BY id')).map(toBinding);
}

/** Binds the tablet to the deputy, replacing any binding it had; returns the new binding. */
export async function insertBinding(tx: Tx, b: { deviceId: number; sittingId: number; deputyId: number; away: boolean }): Promise<BindingRow> {
  await tx.run('DELETE FROM seat_bindings WHERE device_id = ?', [b.deviceId]);
  const boundAt = now();
  const { lastID } = await tx.run('INSERT INTO seat_bindings (device_id, sitting_id, deputy_id, away, bound_at) VALUES (?, ?, ?, ?, ?)', [
    b.deviceId,
    b.sittingId,
    b.deputyId,
    b.away ? 1 : 0,
    boundAt,
  ]);
  return { id: lastID, ...b, boundAt };
}

/** Ends one binding (by its id, so a newer binding of the same tablet is never ended by an older decision). */
export async function deleteBinding(tx: Tx, id: number): Promise<boolean> {
  return (await tx.run('DELETE FROM seat_bindings WHERE id = ?', [id])).changes > 0;
}
