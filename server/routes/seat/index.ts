// A seat tablet's identification, its bound deputy's quick checks and presence frames, its seat and greeting; the
// clerks' list of bound seats (代表未在本座位) and the presence timeout setting. Thin: each calls one service.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../shared/schemas/common';
import { SeatCheck, SeatIdentify, SeatPresence, SeatPresenceSetting } from '../../../shared/schemas/face';
import { seatIdentify } from '../../services/seat-identify';
import { presence, quickCheck } from '../../services/seat-check';
import { seatChoices, seatHome, sittingBindings } from '../../services/device-seats';
import { listDevices } from '../../services/device-service';
import { presenceTimeoutS, setPresenceTimeout } from '../../services/seat-bindings';
import { actorOf } from '../actor';

export default async function seatRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  const seatOnly = { config: { access: 'device' as const }, preHandler: app.requireDevice('seat') };

  /** Full identification (head-turn challenge): binds the seat to the deputy for the sitting. */
  app.post('/api/seat/identify', { ...seatOnly, schema: { body: SeatIdentify } }, async (req) => seatIdentify(ctx, req.device!, req.body));

  /** A ballot's quick check at a bound seat: one fresh frame → a voter token for one ballot. */
  app.post('/api/seat/check', { ...seatOnly, schema: { body: SeatCheck } }, async (req) => quickCheck(ctx, req.device!, req.body.frame));

  /** A frame of whoever sits there (or none), every few seconds while bound. */
  app.post('/api/seat/presence', { ...seatOnly, schema: { body: SeatPresence } }, async (req) => presence(ctx, req.device!, req.body.frame));

  /** The tablet's seat and its deputy for the sitting (本座位：王某某代表), and whom it is bound to now. */
  app.get('/api/seat/home', seatOnly, async (req) => seatHome(ctx, req.device!));

  app.get('/api/sittings/:sittingId/seat-bindings', { config: { access: 'staff' }, schema: { params: IdParams('sittingId') } }, async (req) =>
    sittingBindings(ctx, req.params.sittingId, await listDevices(ctx)),
  );

  app.get('/api/sittings/:sittingId/seat-choices', { config: { access: 'staff' }, schema: { params: IdParams('sittingId') } }, async (req) =>
    seatChoices(ctx, req.params.sittingId),
  );

  app.get('/api/settings/seat-presence', { config: { access: 'staff' } }, async () => ({ noFaceSeconds: await presenceTimeoutS(ctx) }));

  app.put('/api/settings/seat-presence', { config: { access: ['admin'] }, schema: { body: SeatPresenceSetting } }, async (req) => ({
    noFaceSeconds: await setPresenceTimeout(ctx, req.body.noFaceSeconds, actorOf(req)),
  }));
}
