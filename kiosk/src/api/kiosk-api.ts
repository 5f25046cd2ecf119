// The endpoints a tablet calls, typed with the shared views and schemas.
import type { DeviceView, FaceCheckinReply, SeatIdentifyReply } from '../../../shared/views';
import type { TrackerReport } from '../../../shared/schemas/votes';
import type { SeatCheckReply, SeatHomeView, SeatPresenceReply } from '../../../shared/seat-binding';
import type { BallotBox } from '../../../shared/ballot-tracker';
import type { FaceChallenge, FaceFrames } from '../../../shared/schemas/face';
import { api, sendUntilAnswered, type ApiError } from './client';
import { randomHex } from './device-token';

export interface FaceConfig {
  model: string;
  dimensions: number;
  threshold: number;
  margin: number;
}

export type { FaceCheckinReply, SeatIdentifyReply };

/** What the kiosk sends for a challenge: its nonce and the three frames of the head turn. */
export interface FaceAnswer {
  nonce: string;
  frames: FaceFrames;
}

/** 201 with the device once a clerk typed this tablet's code, 202 with the code until then. */
export const claimPairing = (token: string, publicKey: string) => api<DeviceView | { code: string }>('POST', '/api/devices/pairing', { token, publicKey });

export const whoAmI = () => api<DeviceView>('GET', '/api/device/me');

export const faceConfig = () => api<FaceConfig>('GET', '/api/face/config');

export const faceChallenge = () => api<FaceChallenge>('POST', '/api/face/challenge', {});

/**
 * A frame of the challenge sent while the person still turns (frontal, turned): the server examines it at once, so
 * the set that follows is answered sooner. Best effort: a failure only means the set is examined whole.
 */
export const sendFrameAhead = (nonce: string, label: 'frontal' | 'turned', frame: string): void =>
  void api<void>('POST', '/api/face/frames', { nonce, label, frame }).catch(() => undefined);

export const faceCheckin = (body: FaceAnswer & { clientId: string }, onRetry?: (n: number, e: ApiError) => void) =>
  sendUntilAnswered<FaceCheckinReply>('POST', '/api/checkins/face', body, onRetry);

/** The door kiosk stopped trying for someone: the clerks see it (with the last frame) and walk over. */
export const doorGaveUp = (tries: number, frame?: string) => api<void>('POST', '/api/checkins/face/gave-up', { tries, ...(frame ? { frame } : {}) });

export const seatIdentify = (body: FaceAnswer, onRetry?: (n: number, e: ApiError) => void) =>
  sendUntilAnswered<SeatIdentifyReply>('POST', '/api/seat/identify', body, onRetry);

/** The tablet's seat, its deputy for the sitting (本座位：王某某代表) and whom it is bound to now. */
export const seatHome = () => api<SeatHomeView>('GET', '/api/seat/home');

/** A ballot's quick check at a bound seat: one fresh frame → a voter token for that one ballot. */
export const seatCheck = (frame: string) => api<SeatCheckReply>('POST', '/api/seat/check', { frame });

/** While bound: a frame of whoever sits there (or none when nobody is seen); the server says whether it still holds. */
export const seatPresence = (frame: string | null) => api<SeatPresenceReply>('POST', '/api/seat/presence', frame ? { frame } : {});

/** A kiosk-made request id (ClientId schema: 8–64 of [A-Za-z0-9_-]). */
export function newClientId(): string {
  return randomHex(16);
}

export const fetchBallotBox = (voteId: number) => api<BallotBox>('GET', `/api/votes/${voteId}/ballot-box`);

export const sendTrackerReport = (voteId: number, report: TrackerReport) => api<{ ok: true }>('POST', `/api/votes/${voteId}/tracker`, report);
