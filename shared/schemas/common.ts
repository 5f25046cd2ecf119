// Building blocks reused by every request/response schema.
import { FormatRegistry, Type, type Static } from '@sinclair/typebox';
import { isCleanLine, isCleanText } from '../text';

export const Id = Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 });

/** A human-entered name or title: visible text of bounded length, no control or format characters (shared/text). */
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, format: 'visible-line' });

/** One visible line, or empty (a field the clerk may clear, e.g. an agenda item's presenter). */
export const LineOrEmpty = (maxLength: number) => Type.String({ maxLength, format: 'line-or-empty' });

/** Free text that may be empty or span lines, still without control or format characters (shared/text). */
export const OptionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength, format: 'clean-text' }));

/** A kiosk-made request id (UUID or similar): a retry with the same id is recorded once. */
export const ClientId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

export const IsoTime = Type.String({ format: 'date-time' });

export const Fraction = Type.Object(
  {
    num: Type.Integer({ minimum: 1, maximum: 1000 }),
    den: Type.Integer({ minimum: 1, maximum: 1000 }),
    strict: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const PassRule = Type.Object(
  { base: Type.Union([Type.Literal('all'), Type.Literal('present'), Type.Literal('cast')]), fraction: Fraction },
  { additionalProperties: false },
);

export const IdParams = <K extends string>(key: K) =>
  Type.Object({ [key]: Id } as { [P in K]: typeof Id }, { additionalProperties: false });

export const ErrorResponse = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});

export type FractionInput = Static<typeof Fraction>;

// TypeBox checks formats only through its registry; register the ones the schemas use (browser and server alike).
if (!FormatRegistry.Has('visible-line')) FormatRegistry.Set('visible-line', isCleanLine);
if (!FormatRegistry.Has('line-or-empty')) FormatRegistry.Set('line-or-empty', (v) => v === '' || isCleanLine(v));
if (!FormatRegistry.Has('clean-text')) FormatRegistry.Set('clean-text', isCleanText);
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)));
}
