// 投屏 routes: any staff member (and the big screen, signed in) reads what the sitting's screen shows; the chair
// (主席团) or an admin puts a page up or takes it down, as they move the agenda.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../shared/schemas/common';
import { SetProjection } from '../../../shared/schemas/projection';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import * as projection from '../../services/projection-service';
import { actorOf } from '../actor';

export default async function projectionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  const params = IdParams('sittingId');
  const chair = { access: STAFF_RIGHTS.moveAgenda };

  app.get('/api/sittings/:sittingId/projection', { config: { access: 'staff' }, schema: { params } }, async (req) => ({
    projection: await projection.getProjection(ctx, req.params.sittingId),
  }));

  app.put('/api/sittings/:sittingId/projection', { config: chair, schema: { params, body: SetProjection } }, async (req) => ({
    projection: await projection.setProjection(ctx, req.params.sittingId, req.body, actorOf(req)),
  }));

  app.delete('/api/sittings/:sittingId/projection', { config: chair, schema: { params } }, async (req, reply) => {
    await projection.clearProjection(ctx, req.params.sittingId, actorOf(req));
    return reply.status(204).send();
  });
}
