// The agenda (议程): items made, edited, reordered, deleted; the current item; a vote made with its item.
import { Type, type Static } from '@sinclair/typebox';
import { AGENDA_KINDS } from '../agenda';
import { Id, LineOrEmpty, Text } from './common';
import { CreateVote } from './votes';

export const AgendaKind = Type.Union(AGENDA_KINDS.map((k) => Type.Literal(k)));

/** 汇报人: a name and office (e.g. 镇人民政府镇长 李某某) on one line; empty: none (on edit, it clears it). */
const Presenter = LineOrEmpty(100);

export const CreateAgendaItem = Type.Object(
  { title: Text(200), kind: Type.Optional(AgendaKind), presenter: Type.Optional(Presenter) },
  { additionalProperties: false },
);
export type CreateAgendaItem = Static<typeof CreateAgendaItem>;

/** Only what is given changes. */
export const EditAgendaItem = Type.Object(
  { title: Type.Optional(Text(200)), kind: Type.Optional(AgendaKind), presenter: Type.Optional(Presenter) },
  { additionalProperties: false, minProperties: 1 },
);
export type EditAgendaItem = Static<typeof EditAgendaItem>;

/** The sitting's items in their new order: every item of the sitting, each once. */
export const ReorderAgenda = Type.Object({ itemIds: Type.Array(Id, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false });
export type ReorderAgenda = Static<typeof ReorderAgenda>;

/** The current item (当前议程); null: none. */
export const SetCurrentItem = Type.Object({ itemId: Type.Union([Id, Type.Null()]) }, { additionalProperties: false });
export type SetCurrentItem = Static<typeof SetCurrentItem>;

/**
 * The vote form: a vote for an item the clerk chose (agendaItemId) or one made in the same step (newItem), never
 * both. One transaction: a refused vote leaves no item behind, so its retry does not make a second.
 */
export const CreateVoteWithItem = Type.Object(
  { agendaItemId: Type.Optional(Id), newItem: Type.Optional(CreateAgendaItem), vote: CreateVote },
  { additionalProperties: false },
);
export type CreateVoteWithItem = Static<typeof CreateVoteWithItem>;
