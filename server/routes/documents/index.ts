// 会议文件, staff side: upload, list, replace, change, withdraw (shared/documents.ts has the whole API).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../../shared/errors';
import { DOCUMENT_VISIBILITIES, type DocumentVisibility } from '../../../shared/documents';
import { IdParams } from '../../../shared/schemas/common';
import { PatchDocument, WithdrawDocument } from '../../../shared/schemas/documents';
import { isCleanLine, TEXT_RULE_MESSAGE } from '../../../shared/text';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import * as documents from '../../services/document-service';
import { actorOf } from '../actor';
import { readUploadForm, type UploadForm } from './upload-form';

const cleanLine = (value: string, max: number, what: string): string => {
  const v = value.normalize('NFC').trim();
  if (v.length === 0 || v.length > max || !isCleanLine(v)) throw new AppError('ERR_VALIDATION', `${what}：${TEXT_RULE_MESSAGE}（最多 ${max} 字）`);
  return v;
};

/** The upload form's fields, checked as a JSON body would be. */
function uploadFields(form: UploadForm): documents.UploadFields {
  const { visibility = 'tablets', agendaItemId, title } = form.fields;
  if (!DOCUMENT_VISIBILITIES.includes(visibility as DocumentVisibility)) {
    throw new AppError('ERR_VALIDATION', '可见范围须为 tablets、presidium 或 paper / visibility must be tablets, presidium or paper');
  }
  if (agendaItemId !== undefined && agendaItemId !== '' && !/^[1-9]\d{0,9}$/.test(agendaItemId)) {
    throw new AppError('ERR_VALIDATION', '议程编号无效 / agendaItemId must be a positive integer');
  }
  return {
    visibility: visibility as DocumentVisibility,
    agendaItemId: agendaItemId ? Number(agendaItemId) : null,
    ...(title ? { title: cleanLine(title, 200, '文件标题 / title') } : {}),
  };
}

/** Reads the form; the file's name must be a clean line too. Drops the spooled file when anything is refused. */
async function readForm(req: Parameters<typeof readUploadForm>[0], app: FastifyInstance): Promise<{ form: UploadForm; fields: documents.UploadFields }> {
  const form = await readUploadForm(req, app.ctx.documents);
  try {
    form.name = cleanLine(form.name, 200, '文件名 / file name');
    return { form, fields: uploadFields(form) };
  } catch (error) {
    await app.ctx.documents.discard(form.file);
    throw error;
  }
}

export default async function documentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  const keep = { access: STAFF_RIGHTS.keepRecords };

  app.get('/api/sittings/:sittingId/documents', { config: { access: 'staff' }, schema: { params: IdParams('sittingId') } }, async (req) =>
    documents.listDocuments(ctx, req.params.sittingId),
  );

  app.post('/api/sittings/:sittingId/documents', { config: keep, schema: { params: IdParams('sittingId') } }, async (req, reply) => {
    const { form, fields } = await readForm(req, app);
    return reply.status(201).send(await documents.uploadDocument(ctx, req.params.sittingId, fields, form.file, form.name, actorOf(req)));
  });

  app.post('/api/documents/:documentId/versions', { config: keep, schema: { params: IdParams('documentId') } }, async (req, reply) => {
    const { form } = await readForm(req, app);
    return reply.status(201).send(await documents.replaceDocument(ctx, req.params.documentId, form.file, form.name, actorOf(req)));
  });

  app.patch('/api/documents/:documentId', { config: keep, schema: { params: IdParams('documentId'), body: PatchDocument } }, async (req) =>
    documents.patchDocument(ctx, req.params.documentId, req.body, actorOf(req)),
  );

  app.post('/api/documents/:documentId/withdraw', { config: keep, schema: { params: IdParams('documentId'), body: WithdrawDocument } }, async (req) =>
    documents.withdrawDocument(ctx, req.params.documentId, req.body.reason, actorOf(req)),
  );
}
