// Ballot-tracker reports (计票核验), kept as audit entries ('ballot.tracker', one per tablet and vote, the last one
// counting): a report then sits in the hash chain like the vote it is about.
import type { TrackerTally } from '../../shared/ballot-tracker';
import type { Reader } from './rows';

export const TRACKER_ACTION = 'ballot.tracker';

export async function trackerTally(db: Reader, voteId: number): Promise<TrackerTally> {
  const rows = await db.all<{ actor: string; mismatched: number }>(
    `SELECT actor, detail->>'mismatched' AS mismatched FROM audit_events
     WHERE subject = ? AND action = ? AND id IN (SELECT MAX(id) FROM audit_events WHERE subject = ? AND action = ? GROUP BY actor)`,
    [`vote:${voteId}`, TRACKER_ACTION, `vote:${voteId}`, TRACKER_ACTION],
  );
  return { verified: rows.length, mismatched: rows.filter((r) => Number(r.mismatched) > 0).length };
}
