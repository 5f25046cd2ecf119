// Votes (表决): creation, life-cycle commands and ballot casting.
import { Type, type Static } from '@sinclair/typebox';
import { ClientId, Id, OptionalText, PassRule, Text } from './common';

export const VoteKind = Type.Union([
  Type.Literal('resolution'),
  Type.Literal('project'),
  Type.Literal('election'),
  Type.Literal('rating'),
]);

export const CreateVote = Type.Object(
  {
    kind: VoteKind,
    title: Text(200),
    secrecy: Type.Union([Type.Literal('open'), Type.Literal('secret')]),
    changePolicy: Type.Optional(Type.Union([Type.Literal('last'), Type.Literal('first')])),
    /** Resolution: leave out (the motion is the one option). Others: projects, candidates or subjects. */
    options: Type.Optional(
      Type.Array(Type.Object({ label: Text(200), description: OptionalText(1000) }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 200,
      }),
    ),
    /** project: at most N 赞成; election: seats. */
    maxYes: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    allowWriteIn: Type.Optional(Type.Boolean()),
    /** Defaults to the body's rule for this kind. */
    passRule: Type.Optional(PassRule),
  },
  { additionalProperties: false },
);
export type CreateVote = Static<typeof CreateVote>;

export const OpenVote = Type.Object(
  /** Opening without quorum needs an explicit, audited reason. */
  { overrideQuorumReason: Type.Optional(Text(200)) },
  { additionalProperties: false },
);
export type OpenVote = Static<typeof OpenVote>;

export const CancelVote = Type.Object({ reason: Text(200) }, { additionalProperties: false });
export type CancelVote = Static<typeof CancelVote>;

export const MarkValue = Type.Union([
  Type.Literal('yes'),
  Type.Literal('no'),
  Type.Literal('abstain'),
  Type.Literal('satisfied'),
  Type.Literal('basic'),
  Type.Literal('unsatisfied'),
]);

export const BallotContent = Type.Object(
  {
    marks: Type.Record(Type.String({ pattern: '^[0-9]{1,10}$' }), MarkValue, { maxProperties: 200 }),
    writeIns: Type.Optional(Type.Array(Type.String({ maxLength: 50, format: 'clean-text' }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);

/**
 * A ballot, only from a paired seat tablet: its device token in the Authorization header and the `voterToken`
 * it got when it recognised the deputy's face (POST /api/seat/identify).
 */
export const CastBallot = Type.Object(
  {
    clientId: ClientId,
    voterToken: Type.String({ minLength: 10, maxLength: 200 }),
    content: BallotContent,
    /**
     * Secret votes: a random secret the voting tablet keeps for this vote and deputy. The stored ballot is
     * keyed by its hash, so the tablet can replace its own ballot while nothing in the database ties the
     * ballot to the deputy.
     */
    ballotSecret: Type.Optional(Type.String({ minLength: 32, maxLength: 128, pattern: '^[0-9a-f]+$' })),
  },
  { additionalProperties: false },
);
export type CastBallot = Static<typeof CastBallot>;

export const CastOutcome = Type.Union([Type.Literal('recorded'), Type.Literal('changed'), Type.Literal('duplicate')]);

export const CastReply = Type.Object({
  outcome: CastOutcome,
  voteId: Id,
  clientId: ClientId,
});
export type CastReply = Static<typeof CastReply>;

/** A seat tablet's ballot-tracker (计票核验) report after a secret vote closed: how many of its ballots it checked. */
export const TrackerReport = Type.Object(
  {
    checked: Type.Integer({ minimum: 1, maximum: 1000 }),
    /** Ballots not in the closed box as this tablet cast them. */
    mismatched: Type.Integer({ minimum: 0, maximum: 1000 }),
  },
  { additionalProperties: false },
);
export type TrackerReport = Static<typeof TrackerReport>;
