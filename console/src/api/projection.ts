// 投屏: what the sitting's big screen shows, and the chair putting a page up or taking it down.
import type { Projection } from '../../../shared/projection';
import type { SetProjection } from '../../../shared/schemas/projection';
import { del, get, request } from './http';

export const getProjection = async (sittingId: number) => (await get<{ projection: Projection | null }>(`/api/sittings/${sittingId}/projection`)).projection;
export const setProjection = async (sittingId: number, input: SetProjection) =>
  (await request<{ projection: Projection }>('PUT', `/api/sittings/${sittingId}/projection`, input)).projection;
export const clearProjection = (sittingId: number) => del<void>(`/api/sittings/${sittingId}/projection`);
