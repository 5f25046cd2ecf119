// The agenda as the seat tablet knows it from its live state, for grouping documents: each item's title and
// order, and the chair's current item.
import type { MeetingState } from '../../../../shared/protocol';
import type { AgendaLine } from './group-documents';

export function agendaOf(state: MeetingState | null, sittingId: number | null): { agenda: AgendaLine[]; currentItemId: number | null } {
  // Until the live state carries the agenda, the items the tablet knows are those its votes belong to.
  const votes = state?.votes.filter((v) => v.sittingId === sittingId) ?? [];
  const agenda = votes.map((v, i) => ({ id: v.agendaItemId, title: v.title, position: i + 1 }));
  return { agenda, currentItemId: null };
}
