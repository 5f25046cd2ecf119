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

/** The prints of these frames (by SHA-256) show this deputy: the server recognised them. */
export async function linkFramePrints(tx: Tx, sittingId: number, deputyId: number, sha256s: readonly string[]): Promise<void> {
  await tx.run('UPDATE frame_prints SET deputy_id = ?1 WHERE sitting_id = ?2 AND sha256 IN (SELECT value FROM json_each(?3))', [deputyId, sittingId, JSON.stringify(sha256s)]);
}

export async function framePrintsOfSitting(db: Reader, sittingId: number): Promise<FramePrint[]> {
  const rows = await db.all<{ sha256: string; luma: Buffer }>('SELECT sha256, luma FROM frame_prints WHERE sitting_id = ?', [sittingId]);
  return rows.map((r) => ({ sha256: r.sha256, luma: new Uint8Array(r.luma) }));
}

export async function insertRefusal(
  tx: Tx,
  r: { sittingId: number; deviceId: number; reason: FaceRefusalReason; frame: Buffer | null; deputyId?: number | null },
): Promise<number> {
  const { lastID } = await tx.run('INSERT INTO face_refusals (sitting_id, device_id, reason, frame, created_at, deputy_id) VALUES (?, ?, ?, ?, ?, ?)', [
    r.sittingId,
    r.deviceId,
    r.reason,
    r.frame,
    now(),
    r.deputyId ?? null,
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

/** What erasure compares against: the deputy's prints and check-in frames, wherever their sittings are. */
export async function picturesOfDeputy(
  db: Reader,
  deputyId: number,
): Promise<{ prints: Array<{ sittingId: number; sha256: string; luma: Buffer }>; frames: Array<{ sittingId: number; jpeg: Buffer }> }> {
  const prints = await db.all<{ sittingId: number; sha256: string; luma: Buffer }>('SELECT sitting_id AS sittingId, sha256, luma FROM frame_prints WHERE deputy_id = ?', [deputyId]);
  const frames = await db.all<{ sittingId: number; jpeg: Buffer }>(
    `SELECT c.sitting_id AS sittingId, f.jpeg FROM checkin_frames f JOIN checkins c ON c.id = f.checkin_id
     JOIN participants p ON p.id = c.participant_id WHERE p.deputy_id = ?`,
    [deputyId],
  );
  return { prints, frames };
}

/** Frames and prints not tied to anyone, of some sittings: erasure looks among them for copies of a deputy's. */
export async function untiedFrames(db: Reader, sittingIds: readonly number[]): Promise<{ refusals: Array<{ id: number; frame: Buffer }>; prints: Array<{ id: number; sha256: string; luma: Buffer }> }> {
  const ids = JSON.stringify(sittingIds);
  const refusals = await db.all<{ id: number; frame: Buffer }>(
    'SELECT id, frame FROM face_refusals WHERE frame IS NOT NULL AND deputy_id IS NULL AND sitting_id IN (SELECT value FROM json_each(?))',
    [ids],
  );
  const prints = await db.all<{ id: number; sha256: string; luma: Buffer }>(
    'SELECT id, sha256, luma FROM frame_prints WHERE deputy_id IS NULL AND sitting_id IN (SELECT value FROM json_each(?))',
    [ids],
  );
  return { refusals, prints };
}

/** Erasure of one deputy: the refused frames and frame prints that show them, by link or found as copies. */
export async function eraseFramesOfDeputy(tx: Tx, deputyId: number, copies: { refusals: readonly number[]; prints: readonly number[] }): Promise<{ refusals: number; prints: number }> {
  const a = await tx.run(
    'UPDATE face_refusals SET frame = NULL, deputy_id = NULL WHERE deputy_id = ?1 OR (frame IS NOT NULL AND id IN (SELECT value FROM json_each(?2)))',
    [deputyId, JSON.stringify(copies.refusals)],
  );
  const b = await tx.run('DELETE FROM frame_prints WHERE deputy_id = ?1 OR id IN (SELECT value FROM json_each(?2))', [deputyId, JSON.stringify(copies.prints)]);
  return { refusals: a.changes, prints: b.changes };
}
