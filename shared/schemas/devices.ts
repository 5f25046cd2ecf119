// Tablet pairing and device settings. A tablet makes its own random token and a non-extractable key pair, and
// shows the 6-digit code read from its public key (shared/device-proof); a clerk types the code; the tablet then
// claims it with its token and public key, signed by that key. The server keeps the token's hash and the public key.
import { Type, type Static } from '@sinclair/typebox';
import { Id, OptionalText, Text } from './common';

export const DeviceMode = Type.Union([Type.Literal('door'), Type.Literal('seat'), Type.Literal('screen')]);

export const DeviceToken = Type.String({ minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$' });

/** base64 SPKI of an ECDSA P-256 public key (91 bytes → 124 characters). */
export const DevicePublicKey = Type.String({ minLength: 100, maxLength: 200, pattern: '^[A-Za-z0-9+/]+={0,2}$' });

export const RequestPairing = Type.Object({ token: DeviceToken, publicKey: DevicePublicKey }, { additionalProperties: false });
export type RequestPairing = Static<typeof RequestPairing>;

export const AcceptPairing = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{6}$' }),
    name: Text(50),
    mode: DeviceMode,
    sittingId: Type.Optional(Id),
    seat: OptionalText(20),
    /** A seat tablet's hall seat (a seat of the sitting's body's hall). */
    seatId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type AcceptPairing = Static<typeof AcceptPairing>;

export const UpdateDevice = Type.Object(
  {
    name: Type.Optional(Text(50)),
    mode: Type.Optional(DeviceMode),
    sittingId: Type.Optional(Type.Union([Id, Type.Null()])),
    seat: OptionalText(20),
    seatId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDevice = Static<typeof UpdateDevice>;
