// 人脸校对 and 可疑报到: the held check-ins (存疑 → 确认 / 驳回) and the door alarms, for door staff (clerks).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Id, IdParams } from '../../../shared/schemas/common';
import { ReviewReason as Reason } from '../../../shared/schemas/door-watch';
import * as review from '../../services/checkin-review';
import { clearDoorAlarm } from '../../services/door-pace';
import { actorOf } from '../actor';

const checkinParams = Type.Object({ sittingId: Id, participantId: Id }, { additionalProperties: false });
const DOOR_STAFF: ['admin', 'clerk'] = ['admin', 'clerk'];

export default async function doorWatchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;

  app.get('/api/sittings/:sittingId/door-watch', { config: { access: 'staff' }, schema: { params: IdParams('sittingId') } }, async (req) =>
    review.doorWatch(ctx, req.params.sittingId),
  );

  /** 存疑: one tap, no reason asked (the clerk who decides gives one). */
  app.post('/api/sittings/:sittingId/checkins/:participantId/doubt', { config: { access: DOOR_STAFF }, schema: { params: checkinParams } }, async (req) => {
    await review.doubtCheckin(ctx, req.params.sittingId, req.params.participantId, req.staff!.id, actorOf(req));
    return review.doorWatch(ctx, req.params.sittingId);
  });

  app.post('/api/sittings/:sittingId/checkins/:participantId/confirm', { config: { access: DOOR_STAFF }, schema: { params: checkinParams, body: Reason } }, async (req) => {
    await review.decideHeldCheckin(ctx, req.params.sittingId, req.params.participantId, 'confirmed', req.body.reason, req.staff!.id, actorOf(req));
    return review.doorWatch(ctx, req.params.sittingId);
  });

  app.post('/api/sittings/:sittingId/checkins/:participantId/refuse', { config: { access: DOOR_STAFF }, schema: { params: checkinParams, body: Reason } }, async (req) => {
    await review.decideHeldCheckin(ctx, req.params.sittingId, req.params.participantId, 'refused', req.body.reason, req.staff!.id, actorOf(req));
    return review.doorWatch(ctx, req.params.sittingId);
  });

  app.post('/api/door-alarms/:alarmId/clear', { config: { access: DOOR_STAFF }, schema: { params: IdParams('alarmId'), body: Reason } }, async (req) => {
    await clearDoorAlarm(ctx, req.params.alarmId, req.body.reason, req.staff!.id, actorOf(req));
    return { cleared: true };
  });
}
