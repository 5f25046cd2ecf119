// Staff accounts (admins only) and the system settings an admin keeps (evidence retention).
import type { StaffView } from '../../../shared/views';
import type { CreateStaff, UpdateStaff } from '../../../shared/schemas/staff';
import { get, patch, post, request } from './http';

export const listStaff = () => get<StaffView[]>('/api/staff');
/** The reply carries the account's one-time password: shown once, never again. */
export const createStaff = (input: CreateStaff) => post<{ staff: StaffView; oneTimePassword: string }>('/api/staff', input);
export const updateStaff = (id: number, input: UpdateStaff) => patch<StaffView>(`/api/staff/${id}`, input);
export const resetStaffPassword = (id: number) => post<{ oneTimePassword: string }>(`/api/staff/${id}/reset-password`);
/** Ends a lockout after too many wrong passwords (the route comes with the auth hardening, issue 15). */
export const unlockStaff = (id: number) => post<StaffView>(`/api/staff/${id}/unlock`);

export const getRetention = () => get<{ evidenceRetentionDays: number }>('/api/settings/retention');
export const setRetention = (evidenceRetentionDays: number) =>
  request<{ evidenceRetentionDays: number }>('PUT', '/api/settings/retention', { evidenceRetentionDays });
