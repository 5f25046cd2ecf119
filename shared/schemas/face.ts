// Face check-in at the door and identification at the seat. The descriptor's length is the server's model's
// (GET /api/face/config); the server checks it exactly, so the schema only bounds it.
import { Type, type Static } from '@sinclair/typebox';
import { ClientId } from './common';

export const Liveness = Type.Object(
  {
    passed: Type.Boolean(),
    method: Type.String({ minLength: 1, maxLength: 40 }),
    score: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);
export type Liveness = Static<typeof Liveness>;

export const Descriptor = Type.Array(Type.Number(), { minItems: 1, maxItems: 2048 });

export const FaceCheckin = Type.Object(
  {
    clientId: ClientId,
    model: Type.String({ minLength: 1, maxLength: 64 }),
    descriptor: Descriptor,
    liveness: Liveness,
    /** Base64 JPEG of the live frame, kept as evidence against 代签. */
    evidence: Type.String({ minLength: 100, maxLength: 420_000 }),
  },
  { additionalProperties: false },
);
export type FaceCheckin = Static<typeof FaceCheckin>;

export const SeatIdentify = Type.Object(
  { model: Type.String({ minLength: 1, maxLength: 64 }), descriptor: Descriptor, liveness: Liveness },
  { additionalProperties: false },
);
export type SeatIdentify = Static<typeof SeatIdentify>;

export const RetentionSettings = Type.Object(
  { evidenceRetentionDays: Type.Integer({ minimum: 1, maximum: 3650 }) },
  { additionalProperties: false },
);
export type RetentionSettings = Static<typeof RetentionSettings>;
