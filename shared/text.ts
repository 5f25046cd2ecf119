// Human-entered text (names, titles, reasons) as the server keeps it: NFC, so one name is one sequence of code
// points however it was typed; no control (Cc) or format (Cf) characters — NUL, zero-width spaces and joiners,
// right-to-left overrides — which make a name print as something it is not, or as nothing; and, for a name,
// something visible once trimmed. The one home of these rules: the schemas' formats and the roster import use it.

/** Every control and format character. */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
/** Control characters a multi-line text may hold: tab, line feed, carriage return. */
const LINE_CONTROLS = /[\t\n\r]/g;

export const normalizeText = (s: string): string => s.normalize('NFC');

/** A name or title on one line: no control or format characters, not blank once trimmed. */
export const isCleanLine = (s: string): boolean => !CONTROL_OR_FORMAT.test(s) && s.trim().length > 0;

/** Free text that may be empty or span lines: no format characters, no control characters but line breaks and tabs. */
export const isCleanText = (s: string): boolean => !CONTROL_OR_FORMAT.test(s.replace(LINE_CONTROLS, ''));

/** Said to the clerk when a text is refused. */
export const TEXT_RULE_MESSAGE =
  '不能为空白，不能含控制字符或不可见的格式字符（如零宽空格、从右到左覆盖）/ must be visible text without control or invisible format characters (zero-width spaces, right-to-left overrides)';

/** Every string in a parsed JSON value, NFC-normalised (objects and arrays copied, other values as they are). */
export function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeStrings(v)]));
  return value;
}
