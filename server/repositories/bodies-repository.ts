import type { BodyView } from '../../shared/views';
import { getSetting } from './settings-repository';
import type { BodyRules } from '../../shared/types';
import { DEFAULT_BODY_RULES } from '../../shared/rules/defaults';
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

interface BodyRow {
  id: number;
  name: string;
  rules: string;
  deputies: number;
  in_office: number;
}

const SELECT = `SELECT b.id, b.name, b.rules,
  (SELECT COUNT(*) FROM deputies d WHERE d.body_id = b.id) AS deputies,
  (SELECT COUNT(*) FROM deputies d WHERE d.body_id = b.id AND d.status = 'active') AS in_office
  FROM bodies b`;

const toView = (r: BodyRow): BodyView => ({
  id: r.id,
  name: r.name,
  // A body stored before a rule existed gets that rule's default (screenResultAt came later).
  rules: { ...DEFAULT_BODY_RULES, ...(JSON.parse(r.rules) as Partial<BodyRules>) },
  deputies: r.deputies,
  inOffice: r.in_office,
});

export async function insertBody(tx: Tx, name: string, rules: BodyRules): Promise<number> {
  const { lastID } = await tx.run('INSERT INTO bodies (name, rules, created_at) VALUES (?, ?, ?)', [
    name,
    JSON.stringify(rules),
    now(),
  ]);
  return lastID;
}

export async function updateBodyRules(tx: Tx, id: number, rules: BodyRules): Promise<void> {
  await tx.run('UPDATE bodies SET rules = ? WHERE id = ?', [JSON.stringify(rules), id]);
}

export async function findBody(db: Reader, id: number): Promise<BodyView | undefined> {
  const row = await db.get<BodyRow>(`${SELECT} WHERE b.id = ?`, [id]);
  return row && toView(row);
}

export async function listBodies(db: Reader): Promise<BodyView[]> {
  return (await db.all<BodyRow>(`${SELECT} ORDER BY b.id`)).map(toView);
}

/** Archived congresses (server/services/archive-service.ts), kept as a setting: hidden from lists, never deleted. */
export const ARCHIVED_BODIES = 'archived_body_ids';

export async function archivedBodyIds(db: Reader): Promise<Set<number>> {
  return new Set((await getSetting<number[]>(db, ARCHIVED_BODIES)) ?? []);
}
