// The endpoints a tablet calls, typed with the shared views and schemas.
import type { DeviceView, FaceCheckinReply, SeatIdentifyReply } from '../../../shared/views';
import type { Liveness } from '../../../shared/schemas/face';
import type { TrackerReport } from '../../../shared/schemas/votes';
import type { BallotBox } from '../../../shared/ballot-tracker';
import { api, sendUntilAnswered, type ApiError } from './client';
import { randomHex } from './device-token';

export interface FaceConfig {
  model: string;
  dimensions: number;
  threshold: number;
  margin: number;
  /** ArcFace-format models: the model file's URL on our server and how to feed it (server/face/align.ts). */
  arcface?: { modelUrl: string; channels: 'bgr' | 'rgb'; mean: number; std: number };
}

export type { FaceCheckinReply, Liveness, SeatIdentifyReply };

export interface FaceProbe {
  model: string;
  descriptor: number[];
  liveness: Liveness;
}

export const requestPairing = (token: string) => api<{ deviceId: number; code: string }>('POST', '/api/devices/pairing', { token });

export const whoAmI = () => api<DeviceView>('GET', '/api/device/me');

export const faceConfig = () => api<FaceConfig>('GET', '/api/face/config');

export const faceCheckin = (body: FaceProbe & { clientId: string; evidence: string }, onRetry?: (n: number, e: ApiError) => void) =>
  sendUntilAnswered<FaceCheckinReply>('POST', '/api/checkins/face', body, onRetry);

export const seatIdentify = (body: FaceProbe, onRetry?: (n: number, e: ApiError) => void) =>
  sendUntilAnswered<SeatIdentifyReply>('POST', '/api/seat/identify', body, onRetry);

/** A kiosk-made request id (ClientId schema: 8–64 of [A-Za-z0-9_-]). */
export function newClientId(): string {
  return randomHex(16);
}

export const fetchBallotBox = (voteId: number) => api<BallotBox>('GET', `/api/votes/${voteId}/ballot-box`);

export const sendTrackerReport = (voteId: number, report: TrackerReport) => api<{ ok: true }>('POST', `/api/votes/${voteId}/tracker`, report);
