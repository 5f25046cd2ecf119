// Request schemas of speaking (发言): a seat tablet's request and withdrawal, the chair's queue actions, the time
// limits, and a clerk's answer turn (答) in an inquiry (询问) item.
import { Type, type Static } from '@sinclair/typebox';
import { MAX_SPEECH_SECONDS, MIN_SPEECH_SECONDS } from '../speaking';
import { ClientId, Id, Text } from './common';

/** 申请发言 from a seat tablet, for the deputy it recognised (voter token); optionally on one agenda item. */
export const SpeakRequest = Type.Object(
  { clientId: ClientId, voterToken: Type.String({ minLength: 1, maxLength: 200 }), agendaItemId: Type.Optional(Id) },
  { additionalProperties: false },
);

/** 撤回 a request, by the deputy who made it (the same tablet and deputy as the request). */
export const WithdrawSpeech = Type.Object({ voterToken: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

/** The chair's 请发言 and 跳过: which turn. */
export const SpeechTurnBody = Type.Object({ requestId: Id }, { additionalProperties: false });

/** The time per speech of the sitting (no item) or of one item; null clears an item's own limit. */
export const SetSpeechLimit = Type.Object(
  {
    agendaItemId: Type.Optional(Id),
    seconds: Type.Union([Type.Integer({ minimum: MIN_SPEECH_SECONDS, maximum: MAX_SPEECH_SECONDS }), Type.Null()]),
  },
  { additionalProperties: false },
);

/** 答: an official named by a clerk answers a question (its request id). */
export const AddAnswer = Type.Object({ answersId: Id, official: Text(60) }, { additionalProperties: false });

export type SpeakRequestBody = Static<typeof SpeakRequest>;
export type SetSpeechLimitBody = Static<typeof SetSpeechLimit>;
export type AddAnswerBody = Static<typeof AddAnswer>;

/** The tablet's answer: its request and its place in the queue (1 = next). */
export interface SpeakReply {
  outcome: 'queued' | 'duplicate' | 'already';
  requestId: number;
  position: number | null;
  state: 'queued' | 'speaking' | 'done' | 'withdrawn' | 'skipped';
  /** The server's clock at the answer (ms): a pushed view older than this may not show the request yet. */
  at: number;
}
