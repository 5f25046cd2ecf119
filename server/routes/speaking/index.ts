// Speaking (发言): a seat tablet's request and withdrawal; the chair's queue, floor and time limits; a clerk's
// answer turn in an inquiry. Thin: schema, one service call, reply.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../shared/schemas/common';
import { AddAnswer, SetSpeechLimit, SpeakRequest, SpeechTurnBody, WithdrawSpeech } from '../../../shared/schemas/speaking';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import { addAnswer, endSpeech, giveFloor, setSpeechLimit, skipRequest } from '../../services/speaking-chair';
import { requestToSpeak, withdrawRequest } from '../../services/speaking-service';
import { speakingView } from '../../services/speaking-view';
import { ArrivalGate } from '../../services/speaking-arrival';
import { startSpeakingFeed } from '../../services/speaking-feed';
import { speechReport } from '../../services/speaking-report';
import { actorOf } from '../actor';

const ARRIVAL = Symbol('speech arrival');
const ticketOf = (req: object): number => (req as Record<symbol, number>)[ARRIVAL]!;

export default async function speakingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  startSpeakingFeed(ctx);
  const sittingParams = IdParams('sittingId');
  const gate = new ArrivalGate();
  app.post(
    '/api/seat/speech-requests',
    {
      config: { access: 'device' },
      schema: { body: SpeakRequest },
      // The arrival ticket is taken once the whole request is in (not at its first byte: a client trickling its body
      // would hold up everyone behind it), before the tablet's signature and the deputy are checked; it is released
      // however the request ends (a refused signature never reaches the service).
      preValidation: async (req) => void ((req as unknown as Record<symbol, number>)[ARRIVAL] = gate.take()),
      onResponse: async (req) => gate.release(ticketOf(req)),
      preHandler: app.requireDevice('seat'),
    },
    async (req, reply) => {
      const result = await requestToSpeak(ctx, req.device!, req.body, ticketOf(req), gate);
      return reply.status(result.outcome === 'queued' ? 201 : 200).send(result);
    },
  );

  app.post(
    '/api/seat/speech-requests/:requestId/withdraw',
    { config: { access: 'device' }, schema: { params: IdParams('requestId'), body: WithdrawSpeech }, preHandler: app.requireDevice('seat') },
    async (req) => withdrawRequest(ctx, req.device!, req.params.requestId, req.body.voterToken),
  );

  app.get('/api/sittings/:sittingId/speaking', { config: { access: 'staff' }, schema: { params: sittingParams } }, async (req) => speakingView(ctx, req.params.sittingId));
  app.get('/api/reports/sittings/:sittingId/speeches', { config: { access: 'staff' }, schema: { params: sittingParams } }, async (req) => speechReport(ctx, req.params.sittingId));

  const chair = { config: { access: STAFF_RIGHTS.chairSpeakers } };
  app.post('/api/sittings/:sittingId/speaking/floor', { ...chair, schema: { params: sittingParams, body: SpeechTurnBody } }, async (req) =>
    giveFloor(ctx, req.params.sittingId, req.body.requestId, actorOf(req)),
  );
  app.post('/api/sittings/:sittingId/speaking/skip', { ...chair, schema: { params: sittingParams, body: SpeechTurnBody } }, async (req) =>
    skipRequest(ctx, req.params.sittingId, req.body.requestId, actorOf(req)),
  );
  app.post('/api/sittings/:sittingId/speaking/end', { ...chair, schema: { params: sittingParams } }, async (req) => endSpeech(ctx, req.params.sittingId, actorOf(req)));
  app.put('/api/sittings/:sittingId/speaking/limit', { ...chair, schema: { params: sittingParams, body: SetSpeechLimit } }, async (req) =>
    setSpeechLimit(ctx, req.params.sittingId, req.body, actorOf(req)),
  );
  app.post(
    '/api/sittings/:sittingId/speaking/answers',
    { config: { access: STAFF_RIGHTS.nameAnswerers }, schema: { params: sittingParams, body: AddAnswer } },
    async (req, reply) => reply.status(201).send(await addAnswer(ctx, req.params.sittingId, req.body, actorOf(req))),
  );
}
