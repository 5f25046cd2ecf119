// Meetings, sittings and participants (列席/staff); the agenda has its own routes (routes/agenda).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../shared/schemas/common';
import { AddParticipant, CreateMeeting, CreateSitting } from '../../../shared/schemas/meetings';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import * as meetings from '../../services/meeting-service';
import { actorOf } from '../actor';
import { PERSON_FIELD_NAMES } from '../../plugins/validation-message';

export default async function meetingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;

  app.get('/api/meetings', { config: { access: 'staff' } }, async () => meetings.listMeetings(ctx));

  app.get('/api/bodies/:bodyId/meetings', { config: { access: 'staff' }, schema: { params: IdParams('bodyId') } }, async (req) =>
    meetings.listMeetingsOfBody(ctx, req.params.bodyId),
  );

  app.post('/api/bodies/:bodyId/meetings', { config: { access: STAFF_RIGHTS.keepRecords }, schema: { params: IdParams('bodyId'), body: CreateMeeting } }, async (req, reply) =>
    reply.status(201).send(await meetings.createMeeting(ctx, req.params.bodyId, req.body, actorOf(req))),
  );

  app.get('/api/meetings/:meetingId', { config: { access: 'staff' }, schema: { params: IdParams('meetingId') } }, async (req) =>
    meetings.getMeeting(ctx, req.params.meetingId),
  );

  app.post('/api/meetings/:meetingId/sittings', { config: { access: STAFF_RIGHTS.keepRecords }, schema: { params: IdParams('meetingId'), body: CreateSitting } }, async (req, reply) =>
    reply.status(201).send(await meetings.addSitting(ctx, req.params.meetingId, req.body, actorOf(req))),
  );

  app.get('/api/meetings/:meetingId/participants', { config: { access: 'staff' }, schema: { params: IdParams('meetingId') } }, async (req) =>
    meetings.listParticipants(ctx, req.params.meetingId),
  );

  app.post(
    '/api/meetings/:meetingId/participants',
    { config: { access: STAFF_RIGHTS.keepRecords, fieldNames: PERSON_FIELD_NAMES }, schema: { params: IdParams('meetingId'), body: AddParticipant } },
    async (req, reply) => reply.status(201).send(await meetings.addParticipant(ctx, req.params.meetingId, req.body, actorOf(req))),
  );
}
