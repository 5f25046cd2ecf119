// Write-in names (另选他人) compared the way a teller reads them, not byte for byte.

/** The longest write-in name accepted, in characters (code points) after trimming. */
export const MAX_WRITE_IN_LENGTH = 50;

/**
 * The identity of a name: NFKC (full-width letters, Kangxi radicals and the ideographic space U+3000 become
 * their plain forms), with all whitespace and every character that draws nothing removed, because
 * two-character Chinese names are often padded for alignment ("王\u3000芳" is 王芳) and because a name that
 * differs from another only in what the eye cannot see is the same name on every screen. Used to find duplicate
 * write-ins, write-ins that repeat a listed candidate, to add up one write-in name across ballots, and to refuse
 * a deputy whose name only looks like another's (roster-service).
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]+/gu, '');
}

/** A write-in as displayed: NFKC, trimmed, inner runs of whitespace collapsed to one space. */
export function displayName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

/** Length in characters (code points, as JSON Schema's maxLength counts), not UTF-16 units. */
export function charLength(s: string): number {
  return [...s].length;
}
