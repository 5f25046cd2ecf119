// computeResult: the one entry point the server calls when a vote closes (and for live tallies).
import type { BallotContent, Headcount, VoteSpec } from '../types';
import type { VoteResult } from './result-types';
import { assertSpec } from './spec';
import { assertHeadcount } from './quorum';
import { tallyResolution } from './tally-resolution';
import { tallyProject } from './tally-project';
import { tallyElection } from './tally-election';
import { tallyRating } from './tally-rating';

/**
 * The result of a vote from its ballots.
 *
 * `head.inOffice` is the number of deputies in office when the vote opened (the 'all' base) and
 * `head.present` those checked in (the 'present' base). Suspended and terminated deputies never
 * count: the caller leaves them out of both headcounts (see countInOffice) and never passes their
 * ballots. `ballots` holds one content per deputy who voted (the last one under a last-press-valid
 * policy); their order never changes the result.
 *
 * The 'cast' base: every ballot cast for a resolution; valid ballots for a project vote and an
 * election; per subject, the valid marks for a rating. Throws a RangeError on an invalid spec or
 * headcount (a server bug); never throws because of a ballot's content.
 */
export function computeResult(spec: VoteSpec, ballots: readonly BallotContent[], head: Headcount): VoteResult {
  assertSpec(spec);
  assertHeadcount(head);
  switch (spec.kind) {
    case 'resolution':
      return tallyResolution(spec, ballots, head);
    case 'project':
      return tallyProject(spec, ballots, head);
    case 'election':
      return tallyElection(spec, ballots, head);
    case 'rating':
      return tallyRating(spec, ballots, head);
  }
}
