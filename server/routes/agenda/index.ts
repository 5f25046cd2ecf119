// The agenda (议程): items of a sitting, their order, the current item (当前议程), and the vote form that makes a
// vote with its item in one step.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../shared/schemas/common';
import { CreateAgendaItem, CreateVoteWithItem, EditAgendaItem, ReorderAgenda, SetCurrentItem } from '../../../shared/schemas/agenda';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import * as agenda from '../../services/agenda-service';
import { createVoteWithItem } from '../../services/vote-form';
import { actorOf } from '../actor';

export default async function agendaRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  const sittingParams = IdParams('sittingId');
  const itemParams = IdParams('itemId');
  const edit = { access: STAFF_RIGHTS.editAgenda };

  app.get('/api/sittings/:sittingId/agenda', { config: { access: 'staff' }, schema: { params: sittingParams } }, async (req) =>
    agenda.agendaWithVotes(ctx, req.params.sittingId),
  );

  app.post('/api/sittings/:sittingId/agenda', { config: edit, schema: { params: sittingParams, body: CreateAgendaItem } }, async (req, reply) =>
    reply.status(201).send(await agenda.addItem(ctx, req.params.sittingId, req.body, actorOf(req))),
  );

  app.patch('/api/agenda/:itemId', { config: edit, schema: { params: itemParams, body: EditAgendaItem } }, async (req) =>
    agenda.editItem(ctx, req.params.itemId, req.body, actorOf(req)),
  );

  app.delete('/api/agenda/:itemId', { config: edit, schema: { params: itemParams } }, async (req, reply) => {
    await agenda.deleteItem(ctx, req.params.itemId, actorOf(req));
    return reply.status(204).send();
  });

  app.put('/api/sittings/:sittingId/agenda/order', { config: edit, schema: { params: sittingParams, body: ReorderAgenda } }, async (req) =>
    agenda.reorder(ctx, req.params.sittingId, req.body.itemIds, actorOf(req)),
  );

  app.put('/api/sittings/:sittingId/agenda/current', { config: { access: STAFF_RIGHTS.moveAgenda }, schema: { params: sittingParams, body: SetCurrentItem } }, async (req) =>
    agenda.setCurrent(ctx, req.params.sittingId, req.body.itemId, actorOf(req)),
  );

  /** The vote form: a vote with the item it belongs to, chosen or made in the same step. */
  app.post('/api/sittings/:sittingId/votes', { config: { access: STAFF_RIGHTS.runVotes }, schema: { params: sittingParams, body: CreateVoteWithItem } }, async (req, reply) =>
    reply.status(201).send(await createVoteWithItem(ctx, req.params.sittingId, req.body, actorOf(req))),
  );
}
