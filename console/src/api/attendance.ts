// Attendance of a sitting: summary and list, leave (请假), manual check-in (人工补签), photos for the supervisor.
import type { AttendanceEntry, AttendanceSummary } from '../../../shared/views';
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
