// PUT /api/sittings/:sittingId/projection: the chair puts a page of one of the sitting's documents on the screen.
import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common';

export const SetProjection = Type.Object(
  {
    documentId: Id,
    page: Type.Integer({ minimum: 1, maximum: 100_000 }),
    view: Type.Union([Type.Literal('page'), Type.Literal('top'), Type.Literal('bottom')]),
  },
  { additionalProperties: false },
);
export type SetProjection = Static<typeof SetProjection>;
