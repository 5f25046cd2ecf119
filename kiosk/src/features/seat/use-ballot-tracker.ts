// Ballot tracker (计票核验) on the seat tablet: when a secret vote this tablet cast in closes, fetch the published box,
// check it is the box the close announced (count, digest) and each of its ballots is there as cast (shared/ballot-tracker.ts), report to the server, then forget the
// secrets. A vote cancelled, or no longer in this tablet's meeting, is forgotten without a check.
import { useEffect, useRef, useState } from 'react';
import { ballotKeyOf, boxAsAnnounced, trackBallot } from '../../../../shared/ballot-tracker';
import type { VoteView } from '../../../../shared/views';
import { fetchBallotBox, sendTrackerReport } from '../../api/kiosk-api';
import { castBallots, forgetVote, votesWithSecrets } from './ballot-secret';

export type TrackerOutcome = 'counted' | 'mismatch';

async function check(voteId: number): Promise<TrackerOutcome | null> {
  const mine = castBallots(voteId);
  if (mine.length === 0) return null;
  const { body: box } = await fetchBallotBox(voteId);
  const outcomes = await Promise.all(mine.map(async (b) => trackBallot(box, await ballotKeyOf(voteId, b.secret), b.content)));
  // A box that is not the one the close announced (count, digest) fails every ballot checked against it.
  const mismatched = (await boxAsAnnounced(box)) ? outcomes.filter((o) => o === 'mismatch').length : outcomes.length;
  await sendTrackerReport(voteId, { checked: outcomes.length, mismatched });
  return mismatched > 0 ? 'mismatch' : 'counted';
}

/** Outcomes of the checks this tablet ran, by vote. `votes`: the live state's votes (null before the first snapshot). */
export function useBallotTracker(votes: VoteView[] | null): Map<number, TrackerOutcome> {
  const [outcomes, setOutcomes] = useState(new Map<number, TrackerOutcome>());
  const running = useRef(new Set<number>());
  useEffect(() => {
    if (!votes) return;
    for (const voteId of votesWithSecrets()) {
      const vote = votes.find((v) => v.id === voteId);
      if (vote?.state === 'open' || vote?.state === 'draft' || running.current.has(voteId)) continue;
      if (!vote || vote.state === 'cancelled') {
        forgetVote(voteId);
        continue;
      }
      running.current.add(voteId);
      check(voteId)
        .then((outcome) => {
          forgetVote(voteId);
          if (outcome) setOutcomes((m) => new Map(m).set(voteId, outcome));
        })
        // Not reachable now: keep the secrets and try at the next state change. Without WebCrypto (only outside a
        // secure origin, where the camera does not work either) it never could: forget them unchecked.
        .catch(() => {
          if (!globalThis.crypto?.subtle) forgetVote(voteId);
        })
        .finally(() => running.current.delete(voteId));
    }
  }, [votes]);
  return outcomes;
}
