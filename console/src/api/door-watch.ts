// 人脸校对 and 可疑报到: hold (存疑), confirm or refuse a check-in, clear a door alarm.
import type { DoorWatchLive } from '../../../shared/door-watch';
import { post } from './http';

const checkin = (sittingId: number, participantId: number, what: string) => `/api/sittings/${sittingId}/checkins/${participantId}/${what}`;

export const doubtCheckin = (sittingId: number, participantId: number) => post<DoorWatchLive>(checkin(sittingId, participantId, 'doubt'));
export const confirmCheckin = (sittingId: number, participantId: number, reason: string) =>
  post<DoorWatchLive>(checkin(sittingId, participantId, 'confirm'), { reason });
export const refuseCheckin = (sittingId: number, participantId: number, reason: string) =>
  post<DoorWatchLive>(checkin(sittingId, participantId, 'refuse'), { reason });
export const clearAlarm = (alarmId: number, reason: string) => post<{ cleared: true }>(`/api/door-alarms/${alarmId}/clear`, { reason });
