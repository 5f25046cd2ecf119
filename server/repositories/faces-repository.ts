// Face descriptors, thumbnails and check-in evidence photos: the biometric data, kept erasable.
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';
import { eraseCheckinFramesOfDeputy, eraseFramesOfDeputy, purgeFramesBefore } from './face-frames-repository';
import { eraseSeenFacesOfDeputy } from './seen-faces-repository';
import { eraseVoidedEvidenceOfDeputy, purgeVoidedEvidenceBefore } from './voided-checkins-repository';

export async function insertDescriptor(
  tx: Tx,
  d: { deputyId: number; model: string; descriptor: Float32Array; source: string; score: number; aligned?: Buffer | null; copyPatch?: Buffer | null },
): Promise<void> {
  await tx.run(
    'INSERT INTO face_descriptors (deputy_id, model, descriptor, source, score, aligned, copy_patch, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      d.deputyId,
      d.model,
      Buffer.from(d.descriptor.buffer, d.descriptor.byteOffset, d.descriptor.byteLength),
      d.source,
      d.score,
      d.aligned ?? null,
      d.copyPatch ?? null,
      now(),
    ],
  );
}

/** The copy patches of a deputy's enrollment photos (any model; rows enrolled before migration 0008 have none). */
export async function copyPatchesOfDeputy(db: Reader, deputyId: number): Promise<Buffer[]> {
  const rows = await db.all<{ copy_patch: Buffer }>('SELECT copy_patch FROM face_descriptors WHERE deputy_id = ? AND copy_patch IS NOT NULL', [deputyId]);
  return rows.map((r) => r.copy_patch);
}

export async function setThumbnail(tx: Tx, deputyId: number, jpeg: Buffer): Promise<void> {
  await tx.run('UPDATE deputies SET thumbnail = ? WHERE id = ?', [jpeg, deputyId]);
}

const toFloats = (blob: Buffer): Float32Array => {
  const copy = new Uint8Array(blob); // aligned copy: a Buffer slice may sit at an odd offset in its pool
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
};

/** Every descriptor of a body's deputies for one model, grouped by deputy. */
export async function descriptorsOfBody(db: Reader, bodyId: number, model: string): Promise<Map<number, Float32Array[]>> {
  const rows = await db.all<{ deputy_id: number; descriptor: Buffer }>(
    `SELECT f.deputy_id, f.descriptor FROM face_descriptors f JOIN deputies d ON d.id = f.deputy_id
     WHERE d.body_id = ? AND f.model = ?`,
    [bodyId, model],
  );
  const out = new Map<number, Float32Array[]>();
  for (const r of rows) {
    const list = out.get(r.deputy_id) ?? [];
    list.push(toFloats(r.descriptor));
    out.set(r.deputy_id, list);
  }
  return out;
}

export async function descriptorsOfDeputy(db: Reader, deputyId: number, model: string): Promise<Float32Array[]> {
  const rows = await db.all<{ descriptor: Buffer }>('SELECT descriptor FROM face_descriptors WHERE deputy_id = ? AND model = ?', [
    deputyId,
    model,
  ]);
  return rows.map((r) => toFloats(r.descriptor));
}

/** A deputy whose descriptors are of another model than the server's, with what re-describing them needs. */
export interface StaleEnrollment {
  deputyId: number;
  bodyId: number;
  rows: Array<{ id: number; aligned: Buffer | null; source: string | null; score: number | null; copyPatch: Buffer | null }>;
  thumbnail: Buffer | null;
}

/** Deputies with descriptors of any model but `model` (after an engine or model change), oldest first. */
export async function staleEnrollments(db: Reader, model: string): Promise<StaleEnrollment[]> {
  const rows = await db.all<{ id: number; deputy_id: number; body_id: number; aligned: Buffer | null; source: string | null; score: number | null; copy_patch: Buffer | null; thumbnail: Buffer | null }>(
    `SELECT f.id, f.deputy_id, d.body_id, f.aligned, f.source, f.score, f.copy_patch, d.thumbnail
     FROM face_descriptors f JOIN deputies d ON d.id = f.deputy_id WHERE f.model <> ? ORDER BY f.deputy_id, f.id`,
    [model],
  );
  const out = new Map<number, StaleEnrollment>();
  for (const r of rows) {
    let e = out.get(r.deputy_id);
    if (!e) out.set(r.deputy_id, (e = { deputyId: r.deputy_id, bodyId: r.body_id, rows: [], thumbnail: r.thumbnail }));
    e.rows.push({ id: r.id, aligned: r.aligned, source: r.source, score: r.score, copyPatch: r.copy_patch });
  }
  return [...out.values()];
}

/**
 * Replaces the given stale rows by descriptors of the new model, only if every one of them is still there: an
 * enrollment or erasure that ran meanwhile wins: this throws StaleRowsGone and the job rolls back.
 */
export async function replaceDescriptors(
  tx: Tx,
  deputyId: number,
  staleIds: readonly number[],
  fresh: ReadonlyArray<Parameters<typeof insertDescriptor>[1]>,
): Promise<void> {
  const { changes } = await tx.run(`DELETE FROM face_descriptors WHERE deputy_id = ? AND id IN (${staleIds.map(() => '?').join(',')})`, [
    deputyId,
    ...staleIds,
  ]);
  if (changes !== staleIds.length) throw new StaleRowsGone();
  for (const d of fresh) await insertDescriptor(tx, d);
}

/** Thrown inside replaceDescriptors' transaction to roll it back when the rows changed under it. */
export class StaleRowsGone extends Error {
  constructor() {
    super('enrollment changed while being re-described');
  }
}

/** Erases a deputy's descriptors (with their aligned crops), thumbnail and every check-in evidence photo of theirs. */
export async function eraseEnrolledFace(tx: Tx, deputyId: number): Promise<{ descriptors: number; evidence: number }> {
  const { changes: descriptors } = await tx.run('DELETE FROM face_descriptors WHERE deputy_id = ?', [deputyId]);
  await tx.run('UPDATE deputies SET thumbnail = NULL WHERE id = ?', [deputyId]);
  const { changes: evidence } = await tx.run(
    `UPDATE checkins SET evidence = NULL WHERE evidence IS NOT NULL
     AND participant_id IN (SELECT id FROM participants WHERE deputy_id = ?)`,
    [deputyId],
  );
  await eraseCheckinFramesOfDeputy(tx, deputyId);
  await eraseVoidedEvidenceOfDeputy(tx, deputyId); // 驳回 check-ins keep their record, not the photos
  return { descriptors, evidence };
}

/**
 * 删除生物特征: every picture and print of the deputy, wherever kept — one line per place. A new place that keeps
 * them (a table of per-deputy frame embeddings…) adds its line here. `copies`: refused frames and frame prints not
 * tied to the deputy but found to be copies of their frames (services/biometric-erasure.ts).
 */
export async function eraseBiometrics(tx: Tx, deputyId: number, copies: { refusals: readonly number[]; prints: readonly number[] } = { refusals: [], prints: [] }) {
  const enrolled = await eraseEnrolledFace(tx, deputyId);
  const frames = await eraseFramesOfDeputy(tx, deputyId, copies);
  await eraseSeenFacesOfDeputy(tx, deputyId); // kept on re-enrollment: old frames stay refused as replays
  return { ...enrolled, ...frames };
}

export async function thumbnail(db: Reader, deputyId: number): Promise<Buffer | null> {
  return (await db.get<{ thumbnail: Buffer | null }>('SELECT thumbnail FROM deputies WHERE id = ?', [deputyId]))?.thumbnail ?? null;
}

export async function evidence(db: Reader, sittingId: number, participantId: number): Promise<Buffer | null> {
  const row = await db.get<{ evidence: Buffer | null }>('SELECT evidence FROM checkins WHERE sitting_id = ? AND participant_id = ?', [
    sittingId,
    participantId,
  ]);
  return row?.evidence ?? null;
}

/** Drops evidence photos older than the retention cut-off; the check-in record itself stays. */
export async function purgeEvidenceBefore(tx: Tx, cutoffIso: string): Promise<number> {
  const { changes } = await tx.run('UPDATE checkins SET evidence = NULL WHERE evidence IS NOT NULL AND created_at < ?', [cutoffIso]);
  await purgeFramesBefore(tx, cutoffIso); // the frames go with their check-in's evidence photo
  await purgeVoidedEvidenceBefore(tx, cutoffIso);
  return changes;
}

export async function checkinClientId(db: Reader, sittingId: number, participantId: number): Promise<string | null> {
  const row = await db.get<{ client_id: string | null }>('SELECT client_id FROM checkins WHERE sitting_id = ? AND participant_id = ?', [
    sittingId,
    participantId,
  ]);
  return row?.client_id ?? null;
}
