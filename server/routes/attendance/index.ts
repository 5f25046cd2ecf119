// Attendance of a sitting: summary, list, leave (请假) and manual check-in (人工补签).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Id, IdParams } from '../../../shared/schemas/common';
import { ManualCheckin, RecordLeave } from '../../../shared/schemas/meetings';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import * as attendance from '../../services/attendance-service';
import { actorOf } from '../actor';
import doorWatchRoutes from './door-watch';

export default async function attendanceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  const sittingParams = IdParams('sittingId');
  await app.register(doorWatchRoutes);

  app.get('/api/sittings/:sittingId/attendance', { config: { access: 'staff' }, schema: { params: sittingParams } }, async (req) => ({
    summary: await attendance.summary(ctx, req.params.sittingId),
    entries: await attendance.entries(ctx, req.params.sittingId),
  }));

  app.post('/api/sittings/:sittingId/leaves', { config: { access: STAFF_RIGHTS.keepRecords }, schema: { params: sittingParams, body: RecordLeave } }, async (req, reply) => {
    await attendance.recordLeave(ctx, req.params.sittingId, req.body.participantId, req.body.reason, actorOf(req));
    return reply.status(201).send(await attendance.summary(ctx, req.params.sittingId));
  });

  app.delete(
    '/api/sittings/:sittingId/leaves/:participantId',
    { config: { access: STAFF_RIGHTS.keepRecords }, schema: { params: Type.Object({ sittingId: Id, participantId: Id }, { additionalProperties: false }) } },
    async (req) => {
      await attendance.removeLeave(ctx, req.params.sittingId, req.params.participantId, actorOf(req));
      return attendance.summary(ctx, req.params.sittingId);
    },
  );

  /** 人工补签: answers 201 when it checked the person in, 200 "already checked in" otherwise. */
  app.post('/api/sittings/:sittingId/checkins/manual', { config: { access: STAFF_RIGHTS.keepRecords }, schema: { params: sittingParams, body: ManualCheckin } }, async (req, reply) => {
    const outcome = await attendance.manualCheckIn(ctx, req.params.sittingId, req.body, req.staff!.id, actorOf(req));
    return reply.status(outcome.status === 'checked_in' ? 201 : 200).send(outcome);
  });
}
