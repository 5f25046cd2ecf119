// The agenda's SQL: a sitting's items in order, their kind and presenter, and the sitting's current item.
import type { AgendaEntry, AgendaKind } from '../../shared/agenda';
import type { Tx } from '../db/database';
import { now, type Reader } from './rows';

interface ItemRow {
  id: number;
  sitting_id: number;
  position: number;
  title: string;
  kind: AgendaKind;
  presenter: string | null;
}

const ITEM_SELECT = 'SELECT id, sitting_id, position, title, kind, presenter FROM agenda_items';

const toEntry = (r: ItemRow): AgendaEntry => ({
  id: r.id,
  sittingId: r.sitting_id,
  position: r.position,
  title: r.title,
  kind: r.kind,
  presenter: r.presenter,
});

export interface NewAgendaItem {
  title: string;
  kind: AgendaKind;
  presenter: string | null;
}

/** Adds an item at the end of the sitting's agenda. */
export async function insertAgendaItem(tx: Tx, sittingId: number, item: NewAgendaItem): Promise<number> {
  const next = await tx.get<{ n: number }>('SELECT COALESCE(MAX(position), 0) + 1 AS n FROM agenda_items WHERE sitting_id = ?', [sittingId]);
  const { lastID } = await tx.run('INSERT INTO agenda_items (sitting_id, position, title, kind, presenter, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    sittingId,
    next?.n ?? 1,
    item.title,
    item.kind,
    item.presenter,
    now(),
  ]);
  return lastID;
}

/** A sitting's items in order (positions are 1, 2, 3… after every change). */
export async function listAgendaItems(db: Reader, sittingId: number): Promise<AgendaEntry[]> {
  return (await db.all<ItemRow>(`${ITEM_SELECT} WHERE sitting_id = ? ORDER BY position, id`, [sittingId])).map(toEntry);
}

export async function findAgendaItem(db: Reader, id: number): Promise<AgendaEntry | undefined> {
  const row = await db.get<ItemRow>(`${ITEM_SELECT} WHERE id = ?`, [id]);
  return row && toEntry(row);
}

export async function updateAgendaItem(tx: Tx, id: number, item: NewAgendaItem): Promise<void> {
  await tx.run('UPDATE agenda_items SET title = ?, kind = ?, presenter = ? WHERE id = ?', [item.title, item.kind, item.presenter, id]);
}

/** Writes positions 1…n in the given order (the caller checked it names every item of the sitting once). */
export async function writeOrder(tx: Tx, itemIds: readonly number[]): Promise<void> {
  for (const [i, id] of itemIds.entries()) await tx.run('UPDATE agenda_items SET position = ? WHERE id = ?', [i + 1, id]);
}

/**
 * What hangs on an item and keeps it from being deleted. Documents (会议文件) will hang on items too: their count
 * belongs here, beside the votes' (the documents' migration adds their table).
 */
export async function itemHoldings(db: Reader, id: number): Promise<{ votes: number }> {
  const row = await db.get<{ votes: number }>('SELECT COUNT(*) AS votes FROM votes WHERE agenda_item_id = ?', [id]);
  return { votes: row?.votes ?? 0 };
}

/** Deletes an item (not current any more: the caller cleared that) and closes the gap in the positions. */
export async function deleteAgendaItem(tx: Tx, item: AgendaEntry): Promise<void> {
  await tx.run('DELETE FROM agenda_items WHERE id = ?', [item.id]);
  await tx.run('UPDATE agenda_items SET position = position - 1 WHERE sitting_id = ? AND position > ?', [item.sittingId, item.position]);
}

export async function currentItemId(db: Reader, sittingId: number): Promise<number | null> {
  return (await db.get<{ id: number | null }>('SELECT current_agenda_item_id AS id FROM sittings WHERE id = ?', [sittingId]))?.id ?? null;
}

export async function setCurrentItem(tx: Tx, sittingId: number, itemId: number | null): Promise<void> {
  await tx.run('UPDATE sittings SET current_agenda_item_id = ? WHERE id = ?', [itemId, sittingId]);
}
