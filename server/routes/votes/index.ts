// Votes: create, open, close, announce, cancel, and ballot casting.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../shared/schemas/common';
import { CancelVote, CastBallot, CreateVote, OpenVote, TrackerReport } from '../../../shared/schemas/votes';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import * as votes from '../../services/vote-service';
import { castFromSeat } from '../../services/ballot-service';
import { publishedBox, reportTracker } from '../../services/tracker-service';
import { actorOf } from '../actor';
import { authenticateDevice } from '../../plugins/device-auth';

export default async function voteRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  const voteParams = IdParams('voteId');

  /** The chair (or an admin) creates votes; clerks prepare the roster and the sitting, not what is voted on. */
  app.post('/api/agenda/:agendaItemId/votes', { config: { access: STAFF_RIGHTS.runVotes }, schema: { params: IdParams('agendaItemId'), body: CreateVote } }, async (req, reply) =>
    reply.status(201).send(await votes.createVote(ctx, req.params.agendaItemId, req.body, actorOf(req))),
  );

  app.get('/api/votes/:voteId', { config: { access: 'staff' }, schema: { params: voteParams } }, async (req) => votes.getVoteView(ctx, req.params.voteId));

  app.post('/api/votes/:voteId/open', { config: { access: STAFF_RIGHTS.runVotes }, schema: { params: voteParams, body: OpenVote } }, async (req) =>
    votes.openVote(ctx, req.params.voteId, req.body.overrideQuorumReason, actorOf(req)),
  );

  app.post('/api/votes/:voteId/close', { config: { access: STAFF_RIGHTS.runVotes }, schema: { params: voteParams } }, async (req) =>
    votes.closeVote(ctx, req.params.voteId, actorOf(req)),
  );

  app.post('/api/votes/:voteId/announce', { config: { access: STAFF_RIGHTS.runVotes }, schema: { params: voteParams } }, async (req) =>
    votes.announceVote(ctx, req.params.voteId, actorOf(req)),
  );

  app.post('/api/votes/:voteId/cancel', { config: { access: STAFF_RIGHTS.runVotes }, schema: { params: voteParams, body: CancelVote } }, async (req) =>
    votes.cancelVote(ctx, req.params.voteId, req.body.reason, actorOf(req)),
  );

  /**
   * Only a paired seat tablet casts, for the deputy it has just recognised (the voter token). 201 when recorded or
   * changed; 200 for a retry of a request already recorded (counted once). Kiosks cast over their live socket
   * (routes/live) with the same body and the same service; this is the HTTP form of it.
   */
  app.post('/api/votes/:voteId/ballots', { config: { access: 'device' }, schema: { params: voteParams, body: CastBallot } }, async (req, reply) => {
    const device = await authenticateDevice(ctx, req, ['seat']);
    const result = await castFromSeat(ctx, device, req.params.voteId, req.body);
    return reply.status(result.outcome === 'duplicate' ? 200 : 201).send(result);
  });

  /** Ballot tracker (计票核验): a closed secret vote's box (key → content, no deputies) for the seat tablets to check. */
  app.get('/api/votes/:voteId/ballot-box', { config: { access: 'device' }, schema: { params: voteParams } }, async (req) => {
    await authenticateDevice(ctx, req, ['seat']);
    return publishedBox(ctx, req.params.voteId);
  });

  /** A seat tablet's tracker report: how many of its ballots it checked, how many were not as cast. */
  app.post('/api/votes/:voteId/tracker', { config: { access: 'device' }, schema: { params: voteParams, body: TrackerReport } }, async (req) => {
    const device = await authenticateDevice(ctx, req, ['seat']);
    return reportTracker(ctx, device, req.params.voteId, req.body);
  });
}
