// Meetings, sittings, participants (列席) and agenda items.
import type { AgendaItemView, MeetingView, ParticipantView, SittingView } from '../../../shared/views';
import type { AddParticipant, CreateMeeting, CreateSitting } from '../../../shared/schemas/meetings';
import { get, post } from './http';

export const listMeetings = () => get<MeetingView[]>('/api/meetings');
/** A congress's meetings, archived or not. */
export const listBodyMeetings = (bodyId: number) => get<MeetingView[]>(`/api/bodies/${bodyId}/meetings`);
export const getMeeting = (id: number) => get<MeetingView>(`/api/meetings/${id}`);
export const createMeeting = (bodyId: number, input: CreateMeeting) => post<MeetingView>(`/api/bodies/${bodyId}/meetings`, input);
export const addSitting = (meetingId: number, input: CreateSitting) => post<SittingView>(`/api/meetings/${meetingId}/sittings`, input);
export const listParticipants = (meetingId: number) => get<ParticipantView[]>(`/api/meetings/${meetingId}/participants`);
export const addParticipant = (meetingId: number, input: AddParticipant) =>
  post<ParticipantView>(`/api/meetings/${meetingId}/participants`, input);
export const listAgenda = (sittingId: number) => get<AgendaItemView[]>(`/api/sittings/${sittingId}/agenda`);
export const addAgendaItem = (sittingId: number, title: string) => post<{ id: number; title: string }>(`/api/sittings/${sittingId}/agenda`, { title });
