// Descriptors of the faces seen of each deputy at check-in and at the seats (services/seen-faces.ts): biometric data,
// erased with the deputy's other face data (faces-repository eraseBiometrics).
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

const blobOf = (d: Float32Array) => Buffer.from(d.buffer, d.byteOffset, d.byteLength);
const floatsOf = (blob: Buffer): Float32Array => {
  const copy = new Uint8Array(blob); // aligned copy: a Buffer slice may sit at an odd offset in its pool
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
};

export interface SeenAt {
  sittingId: number;
  deviceId: number;
}

export async function insertSeenFaces(tx: Tx, f: SeenAt & { deputyId: number; model: string; descriptors: readonly Float32Array[] }): Promise<void> {
  const at = now();
  for (const d of f.descriptors) {
    await tx.run('INSERT INTO seen_faces (deputy_id, sitting_id, device_id, model, descriptor, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      f.deputyId,
      f.sittingId,
      f.deviceId,
      f.model,
      blobOf(d),
      at,
    ]);
  }
}

/** Every face of the deputy seen so far for one descriptor model, but those seen by this tablet in this sitting. */
export async function seenFacesOfDeputy(db: Reader, deputyId: number, model: string, except: SeenAt): Promise<Float32Array[]> {
  const rows = await db.all<{ descriptor: Buffer }>(
    'SELECT descriptor FROM seen_faces WHERE deputy_id = ? AND model = ? AND NOT (sitting_id = ? AND device_id = ?)',
    [deputyId, model, except.sittingId, except.deviceId],
  );
  return rows.map((r) => floatsOf(r.descriptor));
}

export async function eraseSeenFacesOfDeputy(tx: Tx, deputyId: number): Promise<number> {
  return (await tx.run('DELETE FROM seen_faces WHERE deputy_id = ?', [deputyId])).changes;
}
