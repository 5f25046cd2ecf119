// Face: the model config kiosks need, door check-in, seat identification, enrollment photos, thumbnails and
// evidence photos, erasure of a deputy's biometric data, and the evidence retention setting.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../../shared/errors';
import { Id, IdParams } from '../../../shared/schemas/common';
import { DoorGaveUp, FaceChallengeRequest, FaceCheckin, FaceFrameAhead, RetentionSettings, SeatIdentify } from '../../../shared/schemas/face';
import { faceCheckIn, issueChallenge, recentRefusals, recordGaveUp, seatIdentify, sendFrameAhead } from '../../services/face-checkin-service';
import { enrollPhotos, eraseDeputyBiometrics, importRosterFile } from '../../services/enrollment-service';
import { zipPhotos } from '../../services/photo-source';
import { getRetentionDays, setRetentionDays } from '../../services/retention-service';
import { getImportJob, latestImportJob, startImportJob } from '../../services/import-jobs';
import { evidence, thumbnail } from '../../repositories/faces-repository';
import { checkinFrame, refusalFrame } from '../../repositories/face-frames-repository';
import { actorOf } from '../actor';

function sendJpeg(reply: FastifyReply, bytes: Buffer | null, what: string) {
  if (!bytes) throw new AppError('ERR_NOT_FOUND', `没有${what} / No ${what === '照片' ? 'photo' : 'evidence'} stored`);
  return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, no-store').send(bytes);
}

/**
 * The uploaded files, read whole. A cut or malformed multipart body makes busboy throw a plain Error, which
 * would leave as a 500: it is the client's mistake, so it is answered 400. Limit errors keep their 413.
 */
async function uploadedFiles(req: FastifyRequest): Promise<Array<{ field: string; name: string; bytes: Buffer }>> {
  if (!req.isMultipart()) throw new AppError('ERR_UNSUPPORTED_MEDIA', '请以 multipart/form-data 上传 / Send multipart/form-data');
  const files: Array<{ field: string; name: string; bytes: Buffer }> = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') files.push({ field: part.fieldname, name: part.filename, bytes: await part.toBuffer() });
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) throw error;
    throw new AppError('ERR_VALIDATION', '上传内容不完整或格式错误 / Malformed or incomplete multipart upload');
  }
  return files;
}

/** The roster file and the optional photo zip of an import upload. */
async function rosterUpload(req: FastifyRequest) {
  let roster: { fileName: string; bytes: Buffer } | null = null;
  let photos: Buffer | null = null;
  for (const f of await uploadedFiles(req)) {
    if (f.field === 'roster') roster = { fileName: f.name, bytes: f.bytes };
    else if (f.field === 'photos') photos = f.bytes;
  }
  if (!roster) throw new AppError('ERR_VALIDATION', '请选择名册文件 / The roster file (field "roster") is missing');
  return { roster, photos: photos ? zipPhotos(photos) : null };
}

export default async function faceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;

  app.get('/api/face/config', { config: { access: 'device-or-staff' } }, async () => ctx.face.config());
  /** A door or seat tablet starts a face check: a nonce and the side to turn to, valid 30 s, decided once. */
  app.post('/api/face/challenge', { config: { access: 'device' }, schema: { body: FaceChallengeRequest }, preHandler: app.requireDevice('door', 'seat') }, async (req) =>
    issueChallenge(ctx, req.device!),
  );

  /** A frame of the challenge sent ahead of its set (frontal, turned): 202 once examined, 409 if the challenge cannot take it. */
  app.post('/api/face/frames', { config: { access: 'device' }, schema: { body: FaceFrameAhead }, preHandler: app.requireDevice('door', 'seat') }, async (req, reply) => {
    await sendFrameAhead(ctx, req.device!, req.body);
    return reply.code(202).send({ accepted: true });
  });

  app.post('/api/checkins/face', { config: { access: 'device' }, schema: { body: FaceCheckin }, preHandler: app.requireDevice('door') }, async (req) =>
    faceCheckIn(ctx, req.device!, req.body),
  );

  /** The door kiosk stopped trying for someone: listed for the clerks with its last frame. */
  app.post('/api/checkins/face/gave-up', { config: { access: 'device' }, schema: { body: DoorGaveUp }, preHandler: app.requireDevice('door') }, async (req, reply) => {
    await recordGaveUp(ctx, req.device!, req.body.frame);
    return reply.code(204).send();
  });

  app.get(
    '/api/sittings/:sittingId/refusals',
    { config: { access: 'staff' }, schema: { params: IdParams('sittingId') } },
    async (req) => recentRefusals(ctx, req.params.sittingId),
  );

  app.get(
    '/api/sittings/:sittingId/refusals/:refusalId/frame',
    { config: { access: 'staff' }, schema: { params: Type.Object({ sittingId: Id, refusalId: Id }, { additionalProperties: false }) } },
    async (req, reply) => sendJpeg(reply, await refusalFrame(ctx.db, req.params.sittingId, req.params.refusalId), '现场照片'),
  );

  app.post('/api/seat/identify', { config: { access: 'device' }, schema: { body: SeatIdentify }, preHandler: app.requireDevice('seat') }, async (req) =>
    seatIdentify(ctx, req.device!, req.body),
  );

  // Staff only: a tablet gets no one's photo but, inline in its answer, the deputy it just recognised.
  app.get('/api/deputies/:deputyId/thumbnail', { config: { access: 'staff' }, schema: { params: IdParams('deputyId') } }, async (req, reply) =>
    sendJpeg(reply, await thumbnail(ctx.db, req.params.deputyId), '照片'),
  );

  app.get(
    '/api/sittings/:sittingId/checkins/:participantId/evidence',
    { config: { access: 'staff' }, schema: { params: Type.Object({ sittingId: Id, participantId: Id }, { additionalProperties: false }) } },
    async (req, reply) => sendJpeg(reply, await evidence(ctx.db, req.params.sittingId, req.params.participantId), '现场照片'),
  );

  app.get(
    '/api/sittings/:sittingId/checkins/:participantId/frames/:label',
    {
      config: { access: 'staff' },
      schema: { params: Type.Object({ sittingId: Id, participantId: Id, label: Type.Union([Type.Literal('frontal'), Type.Literal('turned'), Type.Literal('back')]) }, { additionalProperties: false }) },
    },
    async (req, reply) => sendJpeg(reply, await checkinFrame(ctx.db, req.params.sittingId, req.params.participantId, req.params.label), '现场照片'),
  );

  app.delete('/api/deputies/:deputyId/biometrics', { config: { access: ['admin'] }, schema: { params: IdParams('deputyId') } }, async (req) =>
    eraseDeputyBiometrics(ctx, req.params.deputyId, actorOf(req)),
  );

  /** Multipart: `roster` (.xlsx/.csv) and optionally `photos` (.zip). Reports bad rows and bad photos by row. */
  app.post('/api/bodies/:bodyId/roster/import', { config: { access: ['admin', 'clerk'] }, schema: { params: IdParams('bodyId') } }, async (req) => {
    const { roster, photos } = await rosterUpload(req);
    return importRosterFile(ctx, req.params.bodyId, roster, photos, actorOf(req));
  });

  /** The same upload as a job: answers at once; GET the job for photos done / total and problems so far. */
  app.post('/api/bodies/:bodyId/roster/import-jobs', { config: { access: ['admin', 'clerk'] }, schema: { params: IdParams('bodyId') } }, async (req, reply) => {
    const { roster, photos } = await rosterUpload(req);
    return reply.status(202).send(await startImportJob(ctx, req.params.bodyId, roster, photos, actorOf(req)));
  });

  app.get('/api/bodies/:bodyId/import-jobs/latest', { config: { access: 'staff' }, schema: { params: IdParams('bodyId') } }, async (req) => ({
    job: await latestImportJob(ctx, req.params.bodyId),
  }));

  app.get('/api/import-jobs/:jobId', { config: { access: 'staff' }, schema: { params: IdParams('jobId') } }, async (req) =>
    getImportJob(ctx, req.params.jobId),
  );

  /** Multipart: one or more `photo` files for one deputy; replaces that deputy's enrolled faces when one is good. */
  app.post('/api/deputies/:deputyId/photos', { config: { access: ['admin', 'clerk'] }, schema: { params: IdParams('deputyId') } }, async (req) => {
    const files = (await uploadedFiles(req)).map((f) => ({ name: f.name, bytes: f.bytes }));
    if (files.length === 0) throw new AppError('ERR_VALIDATION', '请选择照片 / No photo uploaded');
    return enrollPhotos(ctx, req.params.deputyId, files, actorOf(req));
  });

  app.get('/api/settings/retention', { config: { access: 'staff' } }, async () => ({ evidenceRetentionDays: await getRetentionDays(ctx) }));

  app.put('/api/settings/retention', { config: { access: ['admin'] }, schema: { body: RetentionSettings } }, async (req) => {
    await setRetentionDays(ctx, req.body.evidenceRetentionDays, actorOf(req));
    return { evidenceRetentionDays: await getRetentionDays(ctx) };
  });
}
