// The hall (会场), seat assignment (座位编排) and the seat map (点位图). Thin: validate, call one service, reply.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../../shared/errors';
import { IdParams } from '../../../shared/schemas/common';
import { CreateSection, MoveSeat, Unseat } from '../../../shared/schemas/hall';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import * as hall from '../../services/hall-service';
import * as seating from '../../services/seating-service';
import { seatChoices, seatMap } from '../../services/seat-map-service';
import { drain, fileParts, MAX_ROSTER_BYTES, readLimited } from '../face/upload';
import { sendXlsx } from '../reports/xlsx';
import { actorOf } from '../actor';

/** The 座次表 file of a multipart upload: its first file, whatever the field's name (field "hall" in the console). */
async function hallFile(req: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  let file: { fileName: string; bytes: Buffer } | null = null;
  for await (const part of fileParts(req)) {
    if (!file) file = { fileName: part.filename, bytes: await readLimited(part, MAX_ROSTER_BYTES) };
    else await drain(part);
  }
  if (!file) throw new AppError('ERR_VALIDATION', '请选择座次表文件 / The seating plan file is missing');
  return file;
}

export default async function hallRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  const body = { params: IdParams('bodyId') };
  const sitting = { params: IdParams('sittingId') };
  const keep = { access: STAFF_RIGHTS.keepRecords };

  app.get('/api/bodies/:bodyId/hall', { config: { access: 'staff' }, schema: body }, async (req) => hall.getHall(ctx, req.params.bodyId));

  app.post('/api/bodies/:bodyId/hall/sections', { config: keep, schema: { ...body, body: CreateSection } }, async (req, reply) =>
    reply.status(201).send(await hall.addSection(ctx, req.params.bodyId, req.body, actorOf(req))),
  );

  app.delete('/api/hall/sections/:sectionId', { config: keep, schema: { params: IdParams('sectionId') } }, async (req) =>
    hall.removeSection(ctx, req.params.sectionId, actorOf(req)),
  );

  /** Lines are checked one by one: the reply lists each bad line by its number; the good ones are imported. */
  app.post('/api/bodies/:bodyId/hall/import', { config: keep, schema: body }, async (req) =>
    hall.importHall(ctx, req.params.bodyId, await hallFile(req), actorOf(req)),
  );

  app.get('/api/sittings/:sittingId/seating', { config: { access: 'staff' }, schema: sitting }, async (req) => seating.getSeating(ctx, req.params.sittingId));

  app.post('/api/sittings/:sittingId/seating/fill', { config: keep, schema: sitting }, async (req) =>
    seating.fillByOrder(ctx, req.params.sittingId, actorOf(req)),
  );

  app.post('/api/sittings/:sittingId/seating/move', { config: keep, schema: { ...sitting, body: MoveSeat } }, async (req) =>
    seating.moveTo(ctx, req.params.sittingId, req.body.participantId, req.body.seatId, actorOf(req)),
  );

  app.post('/api/sittings/:sittingId/seating/unseat', { config: keep, schema: { ...sitting, body: Unseat } }, async (req) =>
    seating.unseat(ctx, req.params.sittingId, req.body.participantId, actorOf(req)),
  );

  app.post('/api/sittings/:sittingId/seating/clear', { config: keep, schema: sitting }, async (req) =>
    seating.clearSeating(ctx, req.params.sittingId, actorOf(req)),
  );

  app.get('/api/sittings/:sittingId/seating/xlsx', { config: { access: 'staff' }, schema: sitting }, async (req, reply) => {
    const { bytes, title } = await seating.seatingExport(ctx, req.params.sittingId);
    return sendXlsx(reply, bytes, `seating-${req.params.sittingId}.xlsx`, `座次表-${title}.xlsx`);
  });

  app.get('/api/sittings/:sittingId/seat-map', { config: { access: 'staff' }, schema: sitting }, async (req) => seatMap(ctx, req.params.sittingId));

  /** A closed 记名 vote's choices by seat; a 无记名 vote is refused before any ballot is read. */
  app.get('/api/votes/:voteId/seat-choices', { config: { access: 'staff' }, schema: { params: IdParams('voteId') } }, async (req) =>
    seatChoices(ctx, req.params.voteId),
  );
}
