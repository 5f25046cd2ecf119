// The agenda (议程) of a sitting: item kinds and their words, and what the live state carries of it (every seat
// tablet and the big screen show the current item, 当前议程).
import type { Bilingual } from './labels';

/** Kinds of agenda item, stored as these words (migration 0013). */
export const AGENDA_KINDS = ['report', 'deliberation', 'vote', 'election', 'inquiry', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** 报告 / 审议 / 表决 / 选举 / 询问 / 其他: one home for the words, beside KIND_LABELS (labels.ts) for votes. */
export const AGENDA_KIND_LABELS: Readonly<Record<AgendaKind, Bilingual>> = {
  report: { zh: '报告', en: 'Report' },
  deliberation: { zh: '审议', en: 'Deliberation' },
  vote: { zh: '表决', en: 'Vote' },
  election: { zh: '选举', en: 'Election' },
  inquiry: { zh: '询问', en: 'Inquiry' },
  other: { zh: '其他', en: 'Other' },
};

/** One agenda item as tablets and the big screen see it (no votes, no documents). */
export interface AgendaEntry {
  id: number;
  sittingId: number;
  /** 1, 2, 3… in the sitting's order. */
  position: number;
  title: string;
  kind: AgendaKind;
  /** 汇报人, when the item has one. */
  presenter: string | null;
}

/** A sitting's agenda in order and its current item (null: none set), as the live state carries it. */
export interface SittingAgenda {
  sittingId: number;
  currentItemId: number | null;
  items: AgendaEntry[];
}

/** The current item of a sitting's agenda, or null. */
export function currentItem(agenda: SittingAgenda | undefined | null): AgendaEntry | null {
  if (!agenda || agenda.currentItemId === null) return null;
  return agenda.items.find((i) => i.id === agenda.currentItemId) ?? null;
}
