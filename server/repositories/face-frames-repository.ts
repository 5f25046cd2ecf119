// Camera frames of face check-ins: the evidence frames of each check-in, the prints of every frame sent in a
// sitting (so none is accepted twice), and the refusals a clerk should see.
import type { Tx } from '../db/database';
import type { FaceRefusalReason, FaceRefusalView } from '../../shared/views';
import { now, type Reader } from './rows';

export type FrameLabel = 'frontal' | 'turned' | 'back';

export async function insertCheckinFrames(tx: Tx, sittingId: number, participantId: number, frames: Array<{ label: FrameLabel; jpeg: Buffer }>): Promise<void> {
  const row = await tx.get<{ id: number }>('SELECT id FROM checkins WHERE sitting_id = ? AND participant_id = ?', [sittingId, participantId]);
  if (!row) return;
  for (const [position, f] of frames.entries()) {
    await tx.run('INSERT INTO checkin_frames (checkin_id, position, label, jpeg) VALUES (?, ?, ?, ?)', [row.id, position, f.label, f.jpeg]);
  }
}

export async function checkinFrame(db: Reader, sittingId: number, participantId: number, label: FrameLabel): Promise<Buffer | null> {
  const row = await db.get<{ jpeg: Buffer }>(
    `SELECT f.jpeg FROM checkin_frames f JOIN checkins c ON c.id = f.checkin_id
     WHERE c.sitting_id = ? AND c.participant_id = ? AND f.label = ?`,
    [sittingId, participantId, label],
  );
  return row?.jpeg ?? null;
}

export interface FramePrint {
  sha256: string;
  luma: Uint8Array;
}

export async function insertFramePrints(tx: Tx, sittingId: number, prints: readonly FramePrint[]): Promise<void> {
  const at = now();
  for (const p of prints) {
    await tx.run('INSERT INTO frame_prints (sitting_id, sha256, luma, created_at) VALUES (?, ?, ?, ?)', [sittingId, p.sha256, Buffer.from(p.luma), at]);
  }
}

export async function framePrintsOfSitting(db: Reader, sittingId: number): Promise<FramePrint[]> {
  const rows = await db.all<{ sha256: string; luma: Buffer }>('SELECT sha256, luma FROM frame_prints WHERE sitting_id = ?', [sittingId]);
  return rows.map((r) => ({ sha256: r.sha256, luma: new Uint8Array(r.luma) }));
}

export async function insertRefusal(tx: Tx, r: { sittingId: number; deviceId: number; reason: FaceRefusalReason; frame: Buffer | null }): Promise<number> {
  const { lastID } = await tx.run('INSERT INTO face_refusals (sitting_id, device_id, reason, frame, created_at) VALUES (?, ?, ?, ?, ?)', [
    r.sittingId,
    r.deviceId,
    r.reason,
    r.frame,
    now(),
  ]);
  return lastID;
}

export async function refusalsOfSitting(db: Reader, sittingId: number, limit: number): Promise<FaceRefusalView[]> {
  const rows = await db.all<{ id: number; created_at: string; device_id: number; name: string | null; reason: FaceRefusalReason; has_frame: number }>(
    `SELECT r.id, r.created_at, r.device_id, d.name, r.reason, r.frame IS NOT NULL AS has_frame
     FROM face_refusals r LEFT JOIN devices d ON d.id = r.device_id WHERE r.sitting_id = ? ORDER BY r.id DESC LIMIT ?`,
    [sittingId, limit],
  );
  return rows.map((r) => ({ id: r.id, at: r.created_at, deviceId: r.device_id, deviceName: r.name || null, reason: r.reason, hasFrame: r.has_frame === 1 }));
}

export async function refusalFrame(db: Reader, sittingId: number, refusalId: number): Promise<Buffer | null> {
  const row = await db.get<{ frame: Buffer | null }>('SELECT frame FROM face_refusals WHERE sitting_id = ? AND id = ?', [sittingId, refusalId]);
  return row?.frame ?? null;
}

/** Erasure of one deputy: the frames of their check-ins go with the check-in's evidence photo. */
export async function eraseCheckinFramesOfDeputy(tx: Tx, deputyId: number): Promise<void> {
  await tx.run(
    `DELETE FROM checkin_frames WHERE checkin_id IN
       (SELECT c.id FROM checkins c JOIN participants p ON p.id = c.participant_id WHERE p.deputy_id = ?)`,
    [deputyId],
  );
}

/** Retention: frames of check-ins and refusals older than the cut-off go; the records stay. */
export async function purgeFramesBefore(tx: Tx, cutoffIso: string): Promise<number> {
  const a = await tx.run('DELETE FROM checkin_frames WHERE checkin_id IN (SELECT id FROM checkins WHERE created_at < ?)', [cutoffIso]);
  const b = await tx.run('UPDATE face_refusals SET frame = NULL WHERE frame IS NOT NULL AND created_at < ?', [cutoffIso]);
  return a.changes + b.changes;
}
