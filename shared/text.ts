// Human-entered text (names, titles, reasons, device and staff names) as the server keeps it. The one home of the
// rule: the schemas' formats ('visible-line', 'clean-text'), hence every route, and the roster import use it.
//
// The rule, by Unicode property rather than by a list of known tricks, so the next trick is caught too:
// - NFC, so one name is one sequence of code points however it was typed;
// - no character that shows as nothing or as something it is not:
//     Cc control (NUL…; a free text keeps tab and line breaks), Cf format (zero-width spaces and joiners, bidi
//     overrides), Zl/Zp line and paragraph separators (U+2028 breaks a line that the schema calls one line),
//     Cs a lone surrogate (no character at all: SQLite would keep it as U+FFFD), Co private use (each font draws
//     something else, or nothing; a rare character (生僻字) must be typed as its standard code point), Cn
//     unassigned, and Default_Ignorable_Code_Point — what fonts are told to draw as nothing: the Hangul fillers
//     U+3164, U+FFA0, U+115F, U+1160, the combining grapheme joiner U+034F, variation selectors (VS16), tags;
//   plus two hand-listed characters no property covers: U+2800 BRAILLE PATTERN BLANK, a printing character
//   whose glyph is empty, and U+FFFD REPLACEMENT CHARACTER, what a decoder leaves for bytes that were not
//   text (a lone surrogate written out, a GBK file read as UTF-8): never part of a real name;
// - a line also has a visible character (a letter, digit, punctuation or symbol) and does not start with a
//   combining mark (a mark with no base draws on whatever precedes it on screen).
// Whitespace (ordinary and ideographic spaces) is kept: two-character names are padded with U+3000.

/** Every character that draws nothing or misleads (see above). */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800\ufffd]/u;
/** Control characters a multi-line text may hold: tab, line feed, carriage return. */
const LINE_CONTROLS = /[\t\n\r]/g;
/** A character that prints something. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export const normalizeText = (s: string): string => s.normalize('NFC');

/** A name, title or reason on one line: nothing hidden, a visible character, no leading combining mark. */
export const isCleanLine = (s: string): boolean => !HIDDEN.test(s) && VISIBLE.test(s) && !/^\s*\p{M}/u.test(s);

/** Free text that may be empty or span lines: nothing hidden but line breaks and tabs. */
export const isCleanText = (s: string): boolean => !HIDDEN.test(s.replace(LINE_CONTROLS, ''));

/** Said to the clerk when a text is refused. */
export const TEXT_RULE_MESSAGE =
  '不能为空白，不能含控制字符或不可见的字符（如零宽空格、从右到左覆盖、朝鲜文填充符、盲文空白、私用区字符）/ must be visible text without control, invisible or private-use characters (zero-width spaces, right-to-left overrides, Hangul fillers, blank Braille, private use)';

/** Every string in a parsed JSON value, NFC-normalised (objects and arrays copied, other values as they are). */
export function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeStrings(v)]));
  return value;
}
