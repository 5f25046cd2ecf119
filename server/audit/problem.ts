// What audit verification reports when something does not hold.

/** The first thing found wrong: the audit entry it is found at (when there is one) and what is wrong. */
export interface AuditProblem {
  /** The audit_events id the problem is found at; null when the entry that should exist is missing. */
  entryId: number | null;
  /** That entry's action ('ballot.record', 'vote.close', ...), or null. */
  action: string | null;
  /** The vote concerned, for the vote checks. */
  voteId?: number;
  message: string;
}

/** One line for people: `entry #42 (vote.close), vote 3: …`. */
export function describeProblem(p: AuditProblem): string {
  const where = p.entryId === null ? 'no entry' : `entry #${p.entryId}${p.action ? ` (${p.action})` : ''}`;
  return `${where}${p.voteId !== undefined ? `, vote ${p.voteId}` : ''}: ${p.message}`;
}

/** JSON with object keys sorted, so two equal values compare equal whatever order their keys were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
