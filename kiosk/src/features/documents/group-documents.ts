// How the 会议文件 list is ordered: by agenda item, the item the deputy came for (from a ballot) or else the
// current item first, then the documents of the sitting as a whole, then the other items in agenda order.
import type { DocEntry } from './manifest';

export interface AgendaLine {
  id: number;
  title: string;
  position: number;
}

export interface DocGroup {
  itemId: number | null;
  /** null: the sitting's own documents (大会文件). */
  title: string | null;
  position: number | null;
  current: boolean;
  docs: DocEntry[];
}

export function groupDocuments(docs: readonly DocEntry[], agenda: readonly AgendaLine[], firstItemId: number | null, currentItemId: number | null): DocGroup[] {
  const byItem = new Map<number | null, DocEntry[]>();
  for (const d of docs) byItem.set(d.agendaItemId, [...(byItem.get(d.agendaItemId) ?? []), d]);
  const groups = [...byItem].map(([itemId, list]): DocGroup => {
    const line = agenda.find((a) => a.id === itemId);
    return { itemId, title: line?.title ?? null, position: line?.position ?? null, current: itemId !== null && itemId === currentItemId, docs: list };
  });
  const rank = (g: DocGroup) => (g.itemId !== null && g.itemId === (firstItemId ?? currentItemId) ? 0 : g.itemId === null ? 1 : 2);
  return groups.sort((a, b) => rank(a) - rank(b) || (a.position ?? 1e9) - (b.position ?? 1e9) || (a.itemId ?? 0) - (b.itemId ?? 0));
}

/** 文件已下载 n / m: documents of the manifest whose copy the tablet holds. */
export function downloadCount(docs: readonly DocEntry[], held: ReadonlySet<string>): { n: number; m: number } {
  return { n: docs.filter((d) => held.has(d.sha256)).length, m: docs.length };
}
