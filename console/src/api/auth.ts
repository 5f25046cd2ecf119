// Staff sign-in: the session is an httpOnly cookie the server sets; the console only asks who is signed in.
import type { StaffView } from '../../../shared/views';
import { ApiError, get, post } from './http';

/** The signed-in staff member, or null when there is no (valid) session. */
export async function currentStaff(): Promise<StaffView | null> {
  try {
    return await get<StaffView>('/api/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const login = (username: string, password: string) => post<StaffView>('/api/auth/login', { username, password });
export const logout = () => post<{ ok: true }>('/api/auth/logout');
export const changePassword = (currentPassword: string, newPassword: string) =>
  post<StaffView>('/api/auth/password', { currentPassword, newPassword });
