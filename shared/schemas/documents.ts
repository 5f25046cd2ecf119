// Request schemas of the documents API (shared/documents.ts). Uploads are multipart and checked in the route.
import { Type, type Static } from '@sinclair/typebox';
import { Id, Text } from './common';

export const Visibility = Type.Union([Type.Literal('tablets'), Type.Literal('presidium'), Type.Literal('paper')]);

export const PatchDocument = Type.Object(
  {
    title: Type.Optional(Text(200)),
    visibility: Type.Optional(Visibility),
    /** null: the sitting as a whole. */
    agendaItemId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchDocument = Static<typeof PatchDocument>;

export const WithdrawDocument = Type.Object({ reason: Text(200) }, { additionalProperties: false });
export type WithdrawDocument = Static<typeof WithdrawDocument>;

export const Sha256Params = Type.Object(
  { sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
  { additionalProperties: false },
);
