// Ballot-tracker reports (计票核验), kept as audit entries ('ballot.tracker'): a report then sits in the hash chain like
// the vote it is about, and a cut of the log's tail is found by the anchor (audit/anchor.ts). Only the tablets that
// cast in the vote count (vote_tablets, written by its seal), each once, and a tablet that ever reported a mismatch
// stays an alarm whatever it reports later (a stolen token cannot re-report it as fine).
import type { TrackerTally } from '../../shared/ballot-tracker';
import type { Reader } from './rows';

export const TRACKER_ACTION = 'ballot.tracker';

export async function trackerTally(db: Reader, voteId: number): Promise<TrackerTally> {
  const rows = await db.all<{ actor: string; bad: number }>(
    `SELECT e.actor, MAX(CAST(e.detail->>'mismatched' AS INTEGER) > 0) AS bad
     FROM audit_events e JOIN vote_tablets t ON t.vote_id = ? AND e.actor = 'device:' || t.device_id
     WHERE e.subject = ? AND e.action = ? GROUP BY e.actor`,
    [voteId, `vote:${voteId}`, TRACKER_ACTION],
  );
  return { verified: rows.length, mismatched: rows.filter((r) => r.bad === 1).length };
}

/** Whether the tablet cast in this (sealed, secret) vote. */
export const castIn = async (db: Reader, voteId: number, deviceId: number): Promise<boolean> =>
  !!(await db.get('SELECT 1 AS x FROM vote_tablets WHERE vote_id = ? AND device_id = ?', [voteId, deviceId]));

/** The seal's summary of a secret vote (its close entry): the ballot count and box digest the server announced. */
export async function sealedSummary(db: Reader, voteId: number): Promise<{ ballots: number; box: string } | null> {
  const row = await db.get<{ ballots: number; box: string }>(
    `SELECT detail->'sealed'->>'ballots' AS ballots, detail->'sealed'->>'box' AS box FROM audit_events
     WHERE subject = ? AND action = 'vote.close' ORDER BY id DESC LIMIT 1`,
    [`vote:${voteId}`],
  );
  return row && row.box ? { ballots: Number(row.ballots), box: row.box } : null;
}
