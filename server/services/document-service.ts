// 会议文件 for staff: upload (a new document), replace (a new version; the old one's record and file stay), change
// title / visibility / agenda item, withdraw with a reason. Each is one audit entry carrying the file's hash, and
// each tells the sitting's tablets to fetch their manifest again (document-notice.ts).
import { AppError } from '../../shared/errors';
import type { DocumentView, DocumentVisibility } from '../../shared/documents';
import type { PatchDocument } from '../../shared/schemas/documents';
import * as docs from '../repositories/documents-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { checkFileType, checkPdf } from './pdf-check';
import type { Spooled } from './document-store';
import { noticeDocuments } from './document-notice';
import { documentChangedUnderScreen } from './projection-service';
import { assertSittingOpenForDocuments } from './document-manifest';

/** What the upload form says besides the file. */
export interface UploadFields {
  title?: string;
  visibility: DocumentVisibility;
  agendaItemId: number | null;
}

export async function listDocuments(ctx: ServiceContext, sittingId: number): Promise<DocumentView[]> {
  await getSitting(ctx, sittingId);
  return docs.listSittingDocuments(ctx.db, sittingId);
}

export async function getDocument(ctx: ServiceContext, id: number): Promise<DocumentView> {
  const d = await docs.findDocument(ctx.db, id);
  if (!d) throw new AppError('ERR_NOT_FOUND', `找不到该会议文件 / Document ${id} not found`);
  return d;
}

async function assertItemOfSitting(ctx: ServiceContext, agendaItemId: number | null, sittingId: number): Promise<void> {
  if (agendaItemId === null) return;
  if ((await docs.agendaItemSitting(ctx.db, agendaItemId)) !== sittingId) {
    throw new AppError('ERR_VALIDATION', '所选议程不属于本次全体会议 / That agenda item is not of this sitting');
  }
}

/** Checks the spooled file is a readable PDF and moves it into the store; discards it on any refusal. */
async function checkAndKeep(ctx: ServiceContext, file: Spooled, name: string): Promise<docs.StoredFile> {
  try {
    if (file.size === 0) throw new AppError('ERR_VALIDATION', `「${name}」是空文件 / ${name} is empty`);
    checkFileType(file.head, name);
    const facts = await checkPdf(file.path, name);
    await ctx.documents.keep(file);
    return { name, sha256: file.sha256, size: file.size, pages: facts.pages, outline: facts.outline };
  } catch (error) {
    await ctx.documents.discard(file);
    throw error;
  }
}

/** The name without its extension: the title when the clerk gives none. */
const titleOf = (name: string) => name.replace(/\.pdf$/i, '').trim() || name;

export async function uploadDocument(ctx: ServiceContext, sittingId: number, fields: UploadFields, file: Spooled, name: string, actor: Actor): Promise<DocumentView> {
  try {
    await assertSittingOpenForDocuments(ctx, sittingId);
    await assertItemOfSitting(ctx, fields.agendaItemId, sittingId);
  } catch (error) {
    await ctx.documents.discard(file);
    throw error;
  }
  const stored = await checkAndKeep(ctx, file, name);
  const title = fields.title ?? titleOf(name);
  const id = await ctx.db.write(async (tx) => {
    const documentId = await docs.insertDocument(tx, { sittingId, agendaItemId: fields.agendaItemId, title, visibility: fields.visibility });
    await docs.insertVersion(tx, documentId, stored, actor);
    const detail = { sittingId, agendaItemId: fields.agendaItemId, title, visibility: fields.visibility, version: 1, ...fileDetail(stored) };
    await appendAudit(tx, { actor, action: 'document.upload', subject: `document:${documentId}`, detail });
    return documentId;
  });
  await noticeDocuments(ctx, sittingId);
  return getDocument(ctx, id);
}

const fileDetail = (f: docs.StoredFile) => ({ name: f.name, sha256: f.sha256, size: f.size, pages: f.pages });

export async function replaceDocument(ctx: ServiceContext, id: number, file: Spooled, name: string, actor: Actor): Promise<DocumentView> {
  let doc: DocumentView;
  try {
    doc = await getDocument(ctx, id);
    if (doc.withdrawn) throw new AppError('ERR_CONFLICT', '该文件已撤回，不能替换 / This document was withdrawn and cannot be replaced');
    await assertSittingOpenForDocuments(ctx, doc.sittingId);
  } catch (error) {
    await ctx.documents.discard(file);
    throw error;
  }
  const stored = await checkAndKeep(ctx, file, name);
  await ctx.db.write(async (tx) => {
    const version = await docs.insertVersion(tx, id, stored, actor);
    const detail = { version, replaces: { version: doc.current.version, sha256: doc.current.sha256 }, ...fileDetail(stored) };
    await appendAudit(tx, { actor, action: 'document.replace', subject: `document:${id}`, detail });
  });
  await noticeDocuments(ctx, doc.sittingId);
  return getDocument(ctx, id);
}

export async function patchDocument(ctx: ServiceContext, id: number, patch: PatchDocument, actor: Actor): Promise<DocumentView> {
  const doc = await getDocument(ctx, id);
  await assertSittingOpenForDocuments(ctx, doc.sittingId);
  const next = {
    title: patch.title?.trim() ?? doc.title,
    visibility: patch.visibility ?? doc.visibility,
    agendaItemId: patch.agendaItemId === undefined ? doc.agendaItemId : patch.agendaItemId,
  };
  await assertItemOfSitting(ctx, next.agendaItemId, doc.sittingId);
  await ctx.db.write(async (tx) => {
    await docs.updateDocument(tx, id, next);
    const before = { title: doc.title, visibility: doc.visibility, agendaItemId: doc.agendaItemId };
    await appendAudit(tx, { actor, action: 'document.update', subject: `document:${id}`, detail: { before, after: next, sha256: doc.current.sha256 } });
  });
  await noticeDocuments(ctx, doc.sittingId);
  return getDocument(ctx, id);
}

export async function withdrawDocument(ctx: ServiceContext, id: number, reason: string, actor: Actor): Promise<DocumentView> {
  const doc = await getDocument(ctx, id);
  if (doc.withdrawn) throw new AppError('ERR_CONFLICT', '该文件已撤回 / This document is already withdrawn');
  await ctx.db.write(async (tx) => {
    await docs.withdrawDocument(tx, id, reason.trim(), actor);
    const detail = { reason: reason.trim(), version: doc.current.version, sha256: doc.current.sha256, name: doc.current.name };
    await appendAudit(tx, { actor, action: 'document.withdraw', subject: `document:${id}`, detail });
  });
  await noticeDocuments(ctx, doc.sittingId);
  await documentChangedUnderScreen(ctx, doc.sittingId, id, actor);
  return getDocument(ctx, id);
}
