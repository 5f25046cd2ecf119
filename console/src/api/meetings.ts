// Meetings, sittings and participants (列席).
import type { MeetingView, ParticipantView, SittingView } from '../../../shared/views';
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
/** The agenda's calls are in ./agenda. */
export { listAgenda } from './agenda';
