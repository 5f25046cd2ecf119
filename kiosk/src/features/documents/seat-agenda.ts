// The agenda as the seat tablet knows it from its live state (its own sitting's, with the chair's current item),
// for grouping documents under their items.
import type { MeetingState } from '../../../../shared/protocol';
import type { AgendaLine } from './group-documents';

export function agendaOf(state: MeetingState | null, sittingId: number | null): { agenda: AgendaLine[]; currentItemId: number | null } {
  const sitting = state?.agenda?.find((a) => a.sittingId === sittingId);
  return { agenda: sitting?.items ?? [], currentItemId: sitting?.currentItemId ?? null };
}
