// Bodies (届) and rosters.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../shared/schemas/common';
import { ArchiveBody, BodyRulesInput, CreateBody, DeputyInput, ImportRoster, UpdateDeputy } from '../../../shared/schemas/bodies';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import * as roster from '../../services/roster-service';
import { archiveBody } from '../../services/archive-service';
import { actorOf } from '../actor';
import { PERSON_FIELD_NAMES } from '../../plugins/validation-message';

export default async function bodyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;

  app.get('/api/bodies', { config: { access: 'staff' } }, async () => roster.listBodies(ctx));

  app.post('/api/bodies', { config: { access: STAFF_RIGHTS.administer }, schema: { body: CreateBody } }, async (req, reply) =>
    reply.status(201).send(await roster.createBody(ctx, req.body, actorOf(req))),
  );

  app.get('/api/bodies/archived', { config: { access: 'staff' } }, async () => roster.listArchivedBodies(ctx));

  app.get('/api/bodies/:bodyId', { config: { access: 'staff' }, schema: { params: IdParams('bodyId') } }, async (req) =>
    roster.bodyPage(ctx, req.params.bodyId),
  );

  app.patch('/api/bodies/:bodyId/rules', { config: { access: STAFF_RIGHTS.administer }, schema: { params: IdParams('bodyId'), body: BodyRulesInput } }, async (req) =>
    roster.updateRules(ctx, req.params.bodyId, req.body, actorOf(req)),
  );

  /** Archives the body after its name is typed to confirm: it leaves every list and picker; nothing is deleted. */
  app.post('/api/bodies/:bodyId/archive', { config: { access: STAFF_RIGHTS.administer }, schema: { params: IdParams('bodyId'), body: ArchiveBody } }, async (req) =>
    archiveBody(ctx, req.params.bodyId, req.body.confirmName, actorOf(req)),
  );

  app.get('/api/bodies/:bodyId/deputies', { config: { access: 'staff' }, schema: { params: IdParams('bodyId') } }, async (req) =>
    roster.listDeputies(ctx, req.params.bodyId),
  );

  app.post('/api/bodies/:bodyId/deputies', { config: { access: STAFF_RIGHTS.keepRecords, fieldNames: PERSON_FIELD_NAMES }, schema: { params: IdParams('bodyId'), body: DeputyInput } }, async (req, reply) => {
    const { deputy, created } = await roster.addDeputy(ctx, req.params.bodyId, req.body, actorOf(req));
    return reply.status(created ? 201 : 200).send(deputy);
  });

  /** Rows are checked one by one: the reply lists each bad row with its number; the good rows are imported. */
  app.post('/api/bodies/:bodyId/roster', { config: { access: STAFF_RIGHTS.keepRecords, fieldNames: PERSON_FIELD_NAMES }, schema: { params: IdParams('bodyId'), body: ImportRoster } }, async (req) =>
    roster.importRows(ctx, req.params.bodyId, req.body.rows, actorOf(req)),
  );

  app.get('/api/deputies/:deputyId', { config: { access: 'staff' }, schema: { params: IdParams('deputyId') } }, async (req) =>
    roster.getDeputy(ctx, req.params.deputyId),
  );

  app.patch('/api/deputies/:deputyId', { config: { access: STAFF_RIGHTS.keepRecords, fieldNames: PERSON_FIELD_NAMES }, schema: { params: IdParams('deputyId'), body: UpdateDeputy } }, async (req) =>
    roster.updateDeputy(ctx, req.params.deputyId, req.body, actorOf(req)),
  );
}
