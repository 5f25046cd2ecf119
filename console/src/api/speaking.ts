// Speaking (发言): the chair's queue actions, the time per speech, a clerk's answer turn in an inquiry.
import type { SpeakingView, SpeechReport } from '../../../shared/speaking';
import { get, post, request } from './http';

const base = (sittingId: number) => `/api/sittings/${sittingId}/speaking`;

export const giveFloor = (sittingId: number, requestId: number) => post<SpeakingView>(`${base(sittingId)}/floor`, { requestId });
export const skipTurn = (sittingId: number, requestId: number) => post<SpeakingView>(`${base(sittingId)}/skip`, { requestId });
export const endSpeech = (sittingId: number) => post<SpeakingView>(`${base(sittingId)}/end`);
export const setSpeechLimit = (sittingId: number, seconds: number | null, agendaItemId?: number) =>
  request<SpeakingView>('PUT', `${base(sittingId)}/limit`, { seconds, ...(agendaItemId ? { agendaItemId } : {}) });
export const addAnswer = (sittingId: number, answersId: number, official: string) => post<SpeakingView>(`${base(sittingId)}/answers`, { answersId, official });

export const getSpeechReport = (sittingId: number) => get<SpeechReport>(`/api/reports/sittings/${sittingId}/speeches`);
