// Face check-in at the door and identification at the seat. The tablet is a camera: it asks the server for a
// challenge (which side to turn to), then sends the frames it saw while the deputy answered it; the server detects,
// describes, checks and matches. No descriptor, no "liveness passed" from a tablet is accepted (the old shape is a 400).
import { RETENTION_DAYS } from '../retention';
import { Type, type Static } from '@sinclair/typebox';
import { ClientId } from './common';

/** Frames per set and the largest JPEG per frame (a 480-px frame at q0.8 is 20–60 KB). */
export const MAX_FRAME_BYTES = 120 * 1024;
const FrameJpeg = Type.String({ minLength: 100, maxLength: Math.ceil(MAX_FRAME_BYTES / 3) * 4, description: 'base64 JPEG' });

export const FaceFrames = Type.Object(
  {
    /** Head frontal before the turn, turned to the challenged side, and back frontal. */
    frontal: FrameJpeg,
    turned: FrameJpeg,
    back: FrameJpeg,
  },
  { additionalProperties: false },
);
export type FaceFrames = Static<typeof FaceFrames>;

export const FaceChallengeRequest = Type.Object({}, { additionalProperties: false });

/** POST /api/face/challenge: answer within `expiresAt`, turning to `side`. Single use. */
export interface FaceChallenge {
  nonce: string;
  side: 'left' | 'right';
  expiresAt: string;
}

const Nonce = Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' });

export const FaceCheckin = Type.Object({ clientId: ClientId, nonce: Nonce, frames: FaceFrames }, { additionalProperties: false });
export type FaceCheckin = Static<typeof FaceCheckin>;

/**
 * POST /api/face/frames: a frame sent ahead of its set (the frontal or the turned one) so the server examines it
 * while the person still turns back. Optional: the set is checked whole whatever was sent ahead.
 */
export const FaceFrameAhead = Type.Object(
  { nonce: Nonce, label: Type.Union([Type.Literal('frontal'), Type.Literal('turned')]), frame: FrameJpeg },
  { additionalProperties: false },
);
export type FaceFrameAhead = Static<typeof FaceFrameAhead>;

export const SeatIdentify = Type.Object({ nonce: Nonce, frames: FaceFrames }, { additionalProperties: false });
export type SeatIdentify = Static<typeof SeatIdentify>;

/** POST /api/seat/check: one fresh frame confirming a ballot at a bound seat (matched 1:1, no head turn). */
export const SeatCheck = Type.Object({ frame: FrameJpeg }, { additionalProperties: false });
export type SeatCheck = Static<typeof SeatCheck>;

/** POST /api/seat/presence: a frame of whoever sits there now, or none when the tablet sees nobody. */
export const SeatPresence = Type.Object({ frame: Type.Optional(FrameJpeg) }, { additionalProperties: false });
export type SeatPresence = Static<typeof SeatPresence>;

/** PUT /api/settings/seat-presence: no accepted face at a bound seat for this long unbinds it. */
export const SeatPresenceSetting = Type.Object({ noFaceSeconds: Type.Integer({ minimum: 5, maximum: 600 }) }, { additionalProperties: false });
export type SeatPresenceSetting = Static<typeof SeatPresenceSetting>;

/** POST /api/checkins/face/gave-up: the door kiosk stopped trying for someone (so a clerk can walk over). */
export const DoorGaveUp = Type.Object(
  { tries: Type.Integer({ minimum: 0, maximum: 100 }), frame: Type.Optional(FrameJpeg) },
  { additionalProperties: false },
);
export type DoorGaveUp = Static<typeof DoorGaveUp>;

export const RetentionSettings = Type.Object(
  { evidenceRetentionDays: Type.Integer({ minimum: RETENTION_DAYS.min, maximum: RETENTION_DAYS.max }) },
  { additionalProperties: false },
);
export type RetentionSettings = Static<typeof RetentionSettings>;
