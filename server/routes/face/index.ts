// Face: the model config kiosks need, door check-in (seat identification: routes/seat), enrollment photos, thumbnails and
// evidence photos, erasure of a deputy's biometric data, and the evidence retention setting.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../../shared/errors';
import { Id, IdParams } from '../../../shared/schemas/common';
import { DoorGaveUp, FaceChallengeRequest, FaceCheckin, FaceFrameAhead, RetentionSettings } from '../../../shared/schemas/face';
import { faceCheckIn, issueChallenge, recentRefusals, recordGaveUp, sendFrameAhead } from '../../services/face-checkin-service';
import { enrollPhotos, eraseDeputyBiometrics, importRosterFile } from '../../services/enrollment-service';
import { pixelsOnly } from '../../services/pixels-only';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_TOTAL_BYTES, zipPhotos } from '../../services/photo-source';
import type { ZipBytes } from '../../services/zip-reader';
import { drain, fileParts, MAX_DEPUTY_PHOTOS, MAX_ROSTER_BYTES, readLimited, spoolToFile } from './upload';
import { getRetentionDays, setRetentionDays } from '../../services/retention-service';
import { getImportJob, latestImportJob, startImportJob } from '../../services/import-jobs';
import { evidence, thumbnail } from '../../repositories/faces-repository';
import { checkinFrame, refusalFrame } from '../../repositories/face-frames-repository';
import { actorOf } from '../actor';
import { faceOperatingPoint } from '../../services/face-operating-point';

function sendJpeg(reply: FastifyReply, bytes: Buffer | null, what: string) {
  if (!bytes) throw new AppError('ERR_NOT_FOUND', `没有${what} / No ${what === '照片' ? 'photo' : 'evidence'} stored`);
  return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, no-store').send(bytes);
}

/** A frame a tablet sent, served as pixels only: also those stored before frames were re-encoded when kept. */
async function sendFrame(reply: FastifyReply, bytes: Buffer | null) {
  return sendJpeg(reply, bytes && (await pixelsOnly(bytes)), '现场照片');
}

/** The roster file and the optional photo zip of an import upload (the zip spooled to a file, not held). */
async function rosterUpload(req: FastifyRequest) {
  let roster: { fileName: string; bytes: Buffer } | null = null;
  let zip: ZipBytes | null = null;
  try {
    for await (const part of fileParts(req)) {
      if (part.fieldname === 'roster' && !roster) roster = { fileName: part.filename, bytes: await readLimited(part, MAX_ROSTER_BYTES) };
      else if (part.fieldname === 'photos' && !zip) zip = await spoolToFile(part, MAX_PHOTOS_TOTAL_BYTES);
      else await drain(part);
    }
    if (!roster) throw new AppError('ERR_VALIDATION', '请选择名册文件 / The roster file (field "roster") is missing');
    return { roster, photos: zip ? await zipPhotos(zip) : null };
  } catch (e) {
    await zip?.close();
    throw e;
  }
}

/** A deputy's uploaded photos one at a time, each read only when the previous one is described. */
async function* deputyPhotos(req: FastifyRequest) {
  let count = 0;
  for await (const part of fileParts(req)) {
    if (++count > MAX_DEPUTY_PHOTOS) {
      throw new AppError('ERR_VALIDATION', `一次最多上传 ${MAX_DEPUTY_PHOTOS} 张照片 / At most ${MAX_DEPUTY_PHOTOS} photos per upload`);
    }
    yield { name: part.filename, bytes: await readLimited(part, MAX_PHOTO_BYTES) };
  }
  if (count === 0) throw new AppError('ERR_VALIDATION', '请选择照片 / No photo uploaded');
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
    async (req, reply) => sendFrame(reply, await refusalFrame(ctx.db, req.params.sittingId, req.params.refusalId)),
  );

  // Staff only: a tablet gets no one's photo but, inline in its answer, the deputy it just recognised.
  /** The rate the face match stands for at this body's roll, for the rules page (issue 27 point 2). */
  app.get('/api/bodies/:bodyId/face/operating-point', { config: { access: 'staff' }, schema: { params: IdParams('bodyId') } }, async (req) =>
    faceOperatingPoint(ctx, req.params.bodyId),
  );

  app.get('/api/deputies/:deputyId/thumbnail', { config: { access: 'staff' }, schema: { params: IdParams('deputyId') } }, async (req, reply) =>
    sendJpeg(reply, await thumbnail(ctx.db, req.params.deputyId), '照片'),
  );

  app.get(
    '/api/sittings/:sittingId/checkins/:participantId/evidence',
    { config: { access: 'staff' }, schema: { params: Type.Object({ sittingId: Id, participantId: Id }, { additionalProperties: false }) } },
    async (req, reply) => sendFrame(reply, await evidence(ctx.db, req.params.sittingId, req.params.participantId)),
  );

  app.get(
    '/api/sittings/:sittingId/checkins/:participantId/frames/:label',
    {
      config: { access: 'staff' },
      schema: { params: Type.Object({ sittingId: Id, participantId: Id, label: Type.Union([Type.Literal('frontal'), Type.Literal('turned'), Type.Literal('back')]) }, { additionalProperties: false }) },
    },
    async (req, reply) => sendFrame(reply, await checkinFrame(ctx.db, req.params.sittingId, req.params.participantId, req.params.label)),
  );

  app.delete('/api/deputies/:deputyId/biometrics', { config: { access: ['admin'] }, schema: { params: IdParams('deputyId') } }, async (req) =>
    eraseDeputyBiometrics(ctx, req.params.deputyId, actorOf(req)),
  );

  /** Multipart: `roster` (.xlsx/.csv) and optionally `photos` (.zip). Reports bad rows and bad photos by row. */
  app.post('/api/bodies/:bodyId/roster/import', { config: { access: ['admin', 'clerk'] }, schema: { params: IdParams('bodyId') } }, async (req) => {
    const { roster, photos } = await rosterUpload(req);
    try {
      return await importRosterFile(ctx, req.params.bodyId, roster, photos, actorOf(req));
    } finally {
      await photos?.close();
    }
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
    return enrollPhotos(ctx, req.params.deputyId, deputyPhotos(req), actorOf(req));
  });

  app.get('/api/settings/retention', { config: { access: 'staff' } }, async () => ({ evidenceRetentionDays: await getRetentionDays(ctx) }));

  app.put('/api/settings/retention', { config: { access: ['admin'] }, schema: { body: RetentionSettings } }, async (req) => {
    await setRetentionDays(ctx, req.body.evidenceRetentionDays, actorOf(req));
    return { evidenceRetentionDays: await getRetentionDays(ctx) };
  });
}
