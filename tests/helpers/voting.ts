// Casting the only way a ballot can be cast: from a paired seat tablet, by a deputy it has just recognised.
// Identification by face needs camera frames (tests/integration/face-checkin*.test.ts); for the voting tests the
// seat's voter token is issued as the identify route issues it once the face is recognised, under the same rule
// (seatStanding: in office, on the roster, checked in), so tests need no photos. The cast goes through the real routes.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BallotContent } from '../../shared/types';
import { getVote } from '../../server/services/vote-service';
import { getSitting } from '../../server/services/meeting-service';
import { findDeputy } from '../../server/repositories/deputies-repository';
import { seatStanding } from '../../server/services/seat-eligibility';
import { inject, pairDevice, type PairedDevice } from './devices';
import type { Sitting } from './fixtures';

export interface Voters {
  seat: PairedDevice;
  /** Identifies the deputy at the seat tablet and returns the voter token (throws if not identified). */
  identify(deputyId: number): Promise<string>;
  /** Identifies, then casts; answers the HTTP status and body. */
  cast(voteId: number, deputyId: number, content: BallotContent, opts?: CastOptions): Promise<{ status: number; body: CastBody }>;
  /** Casts with a voter token already got (e.g. to send the same request many times at once). */
  castWith(voteId: number, deputyId: number, voterToken: string, content: BallotContent, opts?: CastOptions): Promise<{ status: number; body: CastBody }>;
}

export interface CastOptions {
  clientId?: string;
  /** Secret votes: the tablet's secret for this vote and deputy (made once per deputy and vote when omitted). */
  ballotSecret?: string;
}

export interface CastBody {
  outcome?: 'recorded' | 'changed' | 'duplicate';
  error?: { code: string; message: string };
}

/** Pairs one seat tablet for the sitting's deputies. */
export async function seatVoters(app: FastifyInstance, s: Pick<Sitting, 'sittingId'>): Promise<Voters> {
  const seat = await pairDevice(app, 'seat', s.sittingId);
  const secrets = new Map<string, string>();
  const identify = async (deputyId: number) => {
    const deputy = await findDeputy(app.ctx.db, deputyId);
    const sitting = await getSitting(app.ctx, s.sittingId); // some tests pass only the sitting's id
    const standing = deputy ? await seatStanding(app.ctx.db, sitting, deputy) : { ok: false as const, reason: 'not_on_roster' };
    if (!standing.ok) throw new Error(`deputy ${deputyId} not identified: ${standing.reason}`);
    return app.ctx.voterTokens.issue(deputyId, seat.device.id).token;
  };
  const castWith: Voters['castWith'] = async (voteId, deputyId, voterToken, content, opts = {}) => {
      const secretKey = `${voteId}:${deputyId}`;
      const vote = await getVote(app.ctx, voteId);
      let ballotSecret = opts.ballotSecret;
      if (ballotSecret === undefined && vote.secrecy === 'secret') {
        if (!secrets.has(secretKey)) secrets.set(secretKey, randomBytes(16).toString('hex'));
        ballotSecret = secrets.get(secretKey);
      }
      const res = await inject(app, {
        method: 'POST',
        url: `/api/votes/${voteId}/ballots`,
        headers: seat.headers,
        payload: { clientId: opts.clientId ?? randomUUID(), voterToken, content, ...(ballotSecret ? { ballotSecret } : {}) },
      });
      return { status: res.statusCode, body: JSON.parse(res.body) as CastBody };
  };
  return {
    seat,
    identify,
    castWith,
    cast: async (voteId, deputyId, content, opts) => castWith(voteId, deputyId, await identify(deputyId), content, opts),
  };
}
