// Tablets: accept a pairing code, change mode or sitting, revoke.
import type { DeviceView } from '../../../shared/views';
import type { AcceptPairing, UpdateDevice } from '../../../shared/schemas/devices';
import { del, get, patch, post } from './http';

export const listDevices = () => get<DeviceView[]>('/api/devices');
export const acceptPairing = (input: AcceptPairing) => post<DeviceView>('/api/devices/accept', input);
export const updateDevice = (id: number, input: UpdateDevice) => patch<DeviceView>(`/api/devices/${id}`, input);
export const revokeDevice = (id: number) => post<DeviceView>(`/api/devices/${id}/revoke`);
/** Clears a revoked tablet from the list (its check-ins and ballots still name it). */
export const removeDevice = (id: number) => del<{ removed: true }>(`/api/devices/${id}`);
/** Codes a clerk typed whose tablet has not claimed them yet (shown apart from the devices), and clearing them. */
export const listPendingCodes = () => get<DeviceView[]>('/api/devices/pending');
export const clearPendingCodes = () => del<{ cleared: number }>('/api/devices/pending');
