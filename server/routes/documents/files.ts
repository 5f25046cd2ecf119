// 会议文件, tablet side: the manifest of the tablet's sitting, and the files by hash. A file's name is its SHA-256,
// so its bytes never change: ETag is the hash, it may be cached for ever (immutable), and a download cut halfway
// resumes with a Range request (206). @fastify/send does the Range and streaming; the file gate bounds how many
// stream at once.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import send from '@fastify/send';
import { AppError } from '../../../shared/errors';
import { Sha256Params } from '../../../shared/schemas/documents';
import { assertMayReadFile, deviceManifest, READING_MODES } from '../../services/document-manifest';

/** Whether an If-None-Match / If-Range header names this entity tag. */
const names = (header: string | string[] | undefined, etag: string): boolean =>
  header !== undefined && String(header).split(',').some((t) => t.trim().replace(/^W\//, '') === etag);

/** The request's headers as @fastify/send should see them: conditions on our hash-ETag already settled here. */
function rangeHeaders(req: FastifyRequest, etag: string): Record<string, string | string[] | undefined> {
  const { 'if-none-match': _n, 'if-modified-since': _m, 'if-match': _a, 'if-unmodified-since': _u, 'if-range': ifRange, ...rest } = req.headers;
  // The bytes never change, so an If-Range naming the hash is always fresh; one naming anything else is not.
  if (ifRange !== undefined && !names(ifRange, etag)) delete rest.range;
  return rest;
}

export default async function documentFileRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;

  app.get('/api/device/documents', { config: { access: 'device' }, preHandler: app.requireDevice(...READING_MODES) }, async (req, reply) => {
    const manifest = await deviceManifest(ctx, req.device!);
    const etag = `"${manifest.etag}"`;
    reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
    if (names(req.headers['if-none-match'], etag)) return reply.status(304).send();
    return manifest;
  });

  app.get('/api/files/:sha256', { config: { access: 'device-or-staff' }, schema: { params: Sha256Params } }, async (req, reply) => {
    const { sha256 } = req.params;
    await assertMayReadFile(ctx, sha256, { staff: req.staff !== null, device: req.device });
    const etag = `"${sha256}"`;
    reply.header('ETag', etag).header('Cache-Control', 'private, max-age=31536000, immutable');
    if (names(req.headers['if-none-match'], etag)) return reply.status(304).send();
    const release = await ctx.fileGate.enter();
    const request = Object.assign(Object.create(req.raw) as typeof req.raw, { headers: rangeHeaders(req, etag) });
    const result = await send(request, `/${ctx.documents.relativePath(sha256)}`, {
      root: ctx.documents.root, etag: false, lastModified: false, cacheControl: false, acceptRanges: true, dotfiles: 'deny',
    }).catch((error: unknown) => {
      release();
      throw error;
    });
    if (result.type !== 'file') {
      release();
      result.stream.destroy();
      if (result.statusCode === 416) {
        return reply.status(416).header('Content-Range', result.headers['Content-Range']).send({ error: { code: 'ERR_RANGE', message: '请求的字节范围超出文件长度 / Requested range not satisfiable' } });
      }
      throw new AppError('ERR_NOT_FOUND', '服务器上缺少该文件，请联系工作人员 / The file is missing on the server: ask a clerk');
    }
    result.stream.once('close', release);
    return reply.status(result.statusCode).headers(result.headers).type('application/pdf').send(result.stream);
  });
}
