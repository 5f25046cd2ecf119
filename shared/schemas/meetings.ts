// Meetings (会议), their sittings (全体会议) and non-deputy participants (列席, staff).
import { Type, type Static } from '@sinclair/typebox';
import { ClientId, Id, IsoTime, OptionalText, Text } from './common';

export const CreateSitting = Type.Object(
  { name: Text(100), startsAt: Type.Optional(IsoTime) },
  { additionalProperties: false },
);
export type CreateSitting = Static<typeof CreateSitting>;

export const CreateMeeting = Type.Object(
  { name: Text(100), sittings: Type.Optional(Type.Array(CreateSitting, { maxItems: 50 })) },
  { additionalProperties: false },
);
export type CreateMeeting = Static<typeof CreateMeeting>;

export const AddParticipant = Type.Object(
  {
    role: Type.Union([Type.Literal('observer'), Type.Literal('staff')]),
    name: Text(50),
    organisation: OptionalText(100),
  },
  { additionalProperties: false },
);
export type AddParticipant = Static<typeof AddParticipant>;

export const RecordLeave = Type.Object(
  { participantId: Id, reason: Text(200) },
  { additionalProperties: false },
);
export type RecordLeave = Static<typeof RecordLeave>;

/** 人工补签: a clerk checks someone in by hand and must say why. */
export const ManualCheckin = Type.Object(
  { participantId: Id, reason: Text(200), clientId: Type.Optional(ClientId) },
  { additionalProperties: false },
);
export type ManualCheckin = Static<typeof ManualCheckin>;

/** Agenda items have their own schemas (./agenda). */
export { CreateAgendaItem } from './agenda';
