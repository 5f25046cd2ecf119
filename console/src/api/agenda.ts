// The agenda (议程) of a sitting: items, their order, the current item, and the vote form that makes a vote with its item.
import type { SittingAgenda } from '../../../shared/agenda';
import type { CreateAgendaItem, CreateVoteWithItem, EditAgendaItem } from '../../../shared/schemas/agenda';
import type { AgendaItemView, VoteView } from '../../../shared/views';
import { del, get, patch, post, put } from './http';

export const listAgenda = (sittingId: number) => get<AgendaItemView[]>(`/api/sittings/${sittingId}/agenda`);
export const addAgendaItem = (sittingId: number, input: CreateAgendaItem) => post<AgendaItemView>(`/api/sittings/${sittingId}/agenda`, input);
export const editAgendaItem = (itemId: number, input: EditAgendaItem) => patch<AgendaItemView>(`/api/agenda/${itemId}`, input);
export const deleteAgendaItem = (itemId: number) => del<void>(`/api/agenda/${itemId}`);
export const reorderAgenda = (sittingId: number, itemIds: number[]) => put<AgendaItemView[]>(`/api/sittings/${sittingId}/agenda/order`, { itemIds });
export const setCurrentItem = (sittingId: number, itemId: number | null) => put<SittingAgenda>(`/api/sittings/${sittingId}/agenda/current`, { itemId });
/** A vote for a chosen item or one made in the same step (one request: a refusal leaves no item). */
export const createVoteWithItem = (sittingId: number, form: CreateVoteWithItem) => post<VoteView>(`/api/sittings/${sittingId}/votes`, form);
