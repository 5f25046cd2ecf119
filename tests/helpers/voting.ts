// Casting the only way a ballot can be cast: from a paired seat tablet, by a deputy it has just recognised.
// Deputies get synthetic face descriptors (random directions, far apart) so tests need no photos. Identification
// by face needs camera frames (tests/integration/face-checkin*.test.ts); for the voting tests the seat's voter token
// is issued as the identify route issues it once the face is recognised: only to a deputy in office and checked in. The cast goes
// through the real routes.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BallotContent } from '../../shared/types';
import { insertDescriptor } from '../../server/repositories/faces-repository';
import { getVote } from '../../server/services/vote-service';
import { getSitting } from '../../server/services/meeting-service';
import { findDeputyParticipant } from '../../server/repositories/meetings-repository';
import { findCheckin } from '../../server/repositories/attendance-repository';
import { findDeputy } from '../../server/repositories/deputies-repository';
import { pairDevice, type PairedDevice } from './devices';
import type { Sitting } from './fixtures';

function randomUnit(dimensions: number): Float32Array {
  const v = Float32Array.from({ length: dimensions }, () => Math.random() - 0.5);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

export interface Voters {
  seat: PairedDevice;
  faces: Map<number, Float32Array>;
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

/** Enrolls synthetic faces for the sitting's deputies and pairs one seat tablet for them. */
export async function seatVoters(app: FastifyInstance, s: Sitting, deputyIds = s.deputyIds): Promise<Voters> {
  const { model, dimensions } = app.ctx.face.config();
  const faces = new Map(deputyIds.map((id) => [id, randomUnit(dimensions)]));
  await app.ctx.db.write(async (tx) => {
    for (const [deputyId, descriptor] of faces) await insertDescriptor(tx, { deputyId, model, descriptor, source: 'synthetic', score: 1 });
  });
  for (const id of deputyIds) await app.ctx.face.refreshDeputy(s.body.id, id);
  const seat = await pairDevice(app, 'seat', s.sittingId);
  const secrets = new Map<string, string>();
  const identify = async (deputyId: number) => {
    const deputy = await findDeputy(app.ctx.db, deputyId);
    if (deputy?.status !== 'active') throw new Error(`deputy ${deputyId} not identified: not_on_roster`);
    const { meetingId } = await getSitting(app.ctx, s.sittingId); // some tests pass only the sitting's id
    const participant = await findDeputyParticipant(app.ctx.db, meetingId, deputyId);
    if (!participant || !(await findCheckin(app.ctx.db, s.sittingId, participant.id))) throw new Error(`deputy ${deputyId} not identified: not_checked_in`);
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
      const res = await app.inject({
        method: 'POST',
        url: `/api/votes/${voteId}/ballots`,
        headers: seat.headers,
        payload: { clientId: opts.clientId ?? randomUUID(), voterToken, content, ...(ballotSecret ? { ballotSecret } : {}) },
      });
      return { status: res.statusCode, body: JSON.parse(res.body) as CastBody };
  };
  return {
    seat,
    faces,
    identify,
    castWith,
    cast: async (voteId, deputyId, content, opts) => castWith(voteId, deputyId, await identify(deputyId), content, opts),
  };
}
