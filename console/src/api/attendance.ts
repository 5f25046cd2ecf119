// Attendance of a sitting: summary and list, leave (请假), manual check-in (人工补签), photos for the supervisor.
import type { AttendanceEntry, AttendanceSummary, FaceRefusalView } from '../../../shared/views';
import { del, get, post } from './http';

export interface AttendanceList {
  summary: AttendanceSummary;
  entries: AttendanceEntry[];
}

export const getAttendance = (sittingId: number) => get<AttendanceList>(`/api/sittings/${sittingId}/attendance`);
export const recordLeave = (sittingId: number, participantId: number, reason: string) =>
  post<AttendanceSummary>(`/api/sittings/${sittingId}/leaves`, { participantId, reason });
export const removeLeave = (sittingId: number, participantId: number) =>
  del<AttendanceSummary>(`/api/sittings/${sittingId}/leaves/${participantId}`);
export const manualCheckIn = (sittingId: number, participantId: number, reason: string) =>
  post<{ status: 'checked_in' | 'already_checked_in' }>(`/api/sittings/${sittingId}/checkins/manual`, { participantId, reason });

export const evidenceUrl = (sittingId: number, participantId: number) => `/api/sittings/${sittingId}/checkins/${participantId}/evidence`;
export const frameUrl = (sittingId: number, participantId: number, label: 'frontal' | 'turned' | 'back') =>
  `/api/sittings/${sittingId}/checkins/${participantId}/frames/${label}`;
export const getRefusals = (sittingId: number) => get<FaceRefusalView[]>(`/api/sittings/${sittingId}/refusals`);
export const refusalFrameUrl = (sittingId: number, refusalId: number) => `/api/sittings/${sittingId}/refusals/${refusalId}/frame`;
