// Each delegation's block on the 座次表 and the seat map gets a colour of its own, in the body's order, the same on
// the screen, the printed sheet and the .xlsx: pale tints that keep black names legible in print.
export const DELEGATION_TINTS = ['#DCEBFA', '#FBE3C8', '#D9F0D9', '#F3D9EE', '#FFF3B0', '#D6F1F0', '#E8E0F8', '#F8D7D7', '#E4EDC9', '#E6E6E6'] as const;

/** The tint of each delegation, by first appearance in `ordered` (the body's order). */
export function delegationTints(ordered: ReadonlyArray<string | null>): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of ordered) {
    const key = d?.trim();
    if (key && !out.has(key)) out.set(key, DELEGATION_TINTS[out.size % DELEGATION_TINTS.length]!);
  }
  return out;
}
