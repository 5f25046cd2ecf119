// Reports: JSON for the printable sheets, and the .xlsx exports the server makes.
import type { AgendaReport, AttendanceReport, DeputyRecord, VoteReport } from '../../../shared/reports';
import { get } from './http';

export const getVoteReport = (voteId: number) => get<VoteReport>(`/api/reports/votes/${voteId}`);
export const getAttendanceReport = (sittingId: number) => get<AttendanceReport>(`/api/reports/sittings/${sittingId}/attendance`);
export const getAgendaReport = (sittingId: number) => get<AgendaReport>(`/api/reports/sittings/${sittingId}/agenda`);
export const getDeputyRecord = (deputyId: number) => get<DeputyRecord>(`/api/reports/deputies/${deputyId}`);
export const voteXlsxUrl = (voteId: number) => `/api/reports/votes/${voteId}/xlsx`;
export const attendanceXlsxUrl = (sittingId: number) => `/api/reports/sittings/${sittingId}/attendance/xlsx`;
