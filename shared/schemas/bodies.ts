// Bodies (人民代表大会 of a term) and their rosters of deputies.
import { Type, type Static } from '@sinclair/typebox';
import { Fraction, OptionalText, PassRule, Text } from './common';

const ScreenResultAt = Type.Union([Type.Literal('close'), Type.Literal('announce')]);

export const BodyRulesInput = Type.Partial(
  Type.Object(
    {
      quorum: Fraction,
      resolutionPass: PassRule,
      electionPass: PassRule,
      projectPass: PassRule,
      ratingVerdict: Type.Object(
        { base: PassRule.properties.base, satisfied: Fraction, basicallySatisfied: Fraction },
        { additionalProperties: false },
      ),
      showNotVoted: Type.Boolean(),
      screenResultAt: Type.Object(
        { resolution: ScreenResultAt, project: ScreenResultAt, election: ScreenResultAt, rating: ScreenResultAt },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
);

export const CreateBody = Type.Object(
  { name: Text(100), rules: Type.Optional(BodyRulesInput) },
  { additionalProperties: false },
);
export type CreateBody = Static<typeof CreateBody>;

export const DeputyStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('terminated')]);

/** One roster row as a clerk types it or as a spreadsheet row gives it. */
export const DeputyInput = Type.Object(
  {
    name: Text(50),
    cardNo: Text(32),
    gender: OptionalText(8),
    delegation: OptionalText(100),
    photo: OptionalText(200),
  },
  { additionalProperties: false },
);
export type DeputyInput = Static<typeof DeputyInput>;

export const UpdateDeputy = Type.Object(
  {
    name: Type.Optional(Text(50)),
    gender: OptionalText(8),
    delegation: OptionalText(100),
    status: Type.Optional(DeputyStatus),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDeputy = Static<typeof UpdateDeputy>;

/** Rows are checked one by one so a wrong row is reported and the rest still import. */
export const ImportRoster = Type.Object(
  { rows: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 10000 }) },
  { additionalProperties: false },
);
export type ImportRoster = Static<typeof ImportRoster>;

/** Archiving a body: its name typed again, so a click alone cannot hide a congress. */
export const ArchiveBody = Type.Object({ confirmName: Text(100) }, { additionalProperties: false });
export type ArchiveBody = Static<typeof ArchiveBody>;
