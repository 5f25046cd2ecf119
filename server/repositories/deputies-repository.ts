import type { DeputyView } from '../../shared/views';
import type { DeputyStatus } from '../../shared/types';
import type { Tx } from '../db/database';
import { BODY_ORDER, now, type Reader } from './rows';

interface DeputyRow {
  id: number;
  body_id: number;
  name: string;
  gender: string | null;
  delegation: string | null;
  card_no: string;
  status: DeputyStatus;
  faces: number;
  has_thumbnail: number;
}

const SELECT = `SELECT d.id, d.body_id, d.name, d.gender, d.delegation, d.card_no, d.status,
  (SELECT COUNT(*) FROM face_descriptors f WHERE f.deputy_id = d.id) AS faces,
  d.thumbnail IS NOT NULL AS has_thumbnail
  FROM deputies d`;

const toView = (r: DeputyRow): DeputyView => ({
  id: r.id,
  bodyId: r.body_id,
  name: r.name,
  gender: r.gender,
  delegation: r.delegation,
  cardNo: r.card_no,
  status: r.status,
  faces: r.faces,
  hasThumbnail: r.has_thumbnail === 1,
});

export interface DeputyFields {
  name: string;
  cardNo: string;
  gender?: string | null;
  delegation?: string | null;
}

/** Inserts a deputy, or updates the one with the same 代表证号 in this body. Returns id and whether new. */
export async function upsertDeputy(tx: Tx, bodyId: number, d: DeputyFields): Promise<{ id: number; created: boolean }> {
  const existing = await tx.get<{ id: number }>('SELECT id FROM deputies WHERE body_id = ? AND card_no = ?', [
    bodyId,
    d.cardNo,
  ]);
  if (existing) {
    await tx.run('UPDATE deputies SET name = ?, gender = ?, delegation = ? WHERE id = ?', [
      d.name,
      d.gender ?? null,
      d.delegation ?? null,
      existing.id,
    ]);
    return { id: existing.id, created: false };
  }
  const { lastID } = await tx.run(
    'INSERT INTO deputies (body_id, name, gender, delegation, card_no, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [bodyId, d.name, d.gender ?? null, d.delegation ?? null, d.cardNo, now()],
  );
  return { id: lastID, created: true };
}

export async function updateDeputy(
  tx: Tx,
  id: number,
  patch: { name?: string; gender?: string; delegation?: string; status?: DeputyStatus },
): Promise<void> {
  const columns: Array<[string, unknown]> = [];
  if (patch.name !== undefined) columns.push(['name', patch.name]);
  if (patch.gender !== undefined) columns.push(['gender', patch.gender]);
  if (patch.delegation !== undefined) columns.push(['delegation', patch.delegation]);
  if (patch.status !== undefined) columns.push(['status', patch.status]);
  if (columns.length === 0) return;
  await tx.run(`UPDATE deputies SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, [
    ...columns.map(([, v]) => v),
    id,
  ]);
}

export async function findDeputy(db: Reader, id: number): Promise<DeputyView | undefined> {
  const row = await db.get<DeputyRow>(`${SELECT} WHERE d.id = ?`, [id]);
  return row && toView(row);
}

export async function listDeputies(db: Reader, bodyId: number): Promise<DeputyView[]> {
  return (await db.all<DeputyRow>(`${SELECT} WHERE d.body_id = ? ORDER BY ${BODY_ORDER}`, [bodyId])).map(toView);
}

export async function inOfficeDeputyIds(db: Reader, bodyId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>("SELECT id FROM deputies WHERE body_id = ? AND status = 'active'", [bodyId]);
  return rows.map((r) => r.id);
}
