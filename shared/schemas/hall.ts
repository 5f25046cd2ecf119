// Request schemas of the hall (会场) and seat assignment (座位编排).
import { Type, type Static } from '@sinclair/typebox';
import { Id, Text } from './common';

export const SectionKindSchema = Type.Union([Type.Literal('podium'), Type.Literal('floor')]);

/** A section made from rows × seats per row (主席台: 1 row). */
export const CreateSection = Type.Object(
  {
    name: Text(40),
    kind: SectionKindSchema,
    rows: Type.Integer({ minimum: 1, maximum: 200 }),
    seatsPerRow: Type.Integer({ minimum: 1, maximum: 200 }),
  },
  { additionalProperties: false },
);
export type CreateSection = Static<typeof CreateSection>;

/** Seat a participant (a seat taken by someone else swaps them, or leaves them unseated if the mover had none). */
export const MoveSeat = Type.Object({ participantId: Id, seatId: Id }, { additionalProperties: false });
export type MoveSeat = Static<typeof MoveSeat>;

export const Unseat = Type.Object({ participantId: Id }, { additionalProperties: false });
export type Unseat = Static<typeof Unseat>;
