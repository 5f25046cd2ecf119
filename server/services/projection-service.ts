// 投屏: the page of a document the chair puts on the big screen, one per sitting. Kept in the settings table (no
// schema of its own: it is one small value per sitting, and it survives a restart), audited, and told at once to
// the consoles and big screens watching the meeting. Seat tablets never hear it.
import { AppError } from '../../shared/errors';
import type { Projection, ProjectionMessage } from '../../shared/projection';
import type { SetProjection } from '../../shared/schemas/projection';
import { appendAudit } from '../repositories/audit-repository';
import { findDocument } from '../repositories/documents-repository';
import { getSetting, setSetting } from '../repositories/settings-repository';
import type { Actor, ServiceContext } from './context';
import { getSitting } from './meeting-service';

const keyOf = (sittingId: number) => `projection.sitting.${sittingId}`;

/** What the sitting's screen shows now, or null. */
export async function getProjection(ctx: ServiceContext, sittingId: number): Promise<Projection | null> {
  await getSitting(ctx, sittingId);
  return (await getSetting<Projection | null>(ctx.db, keyOf(sittingId))) ?? null;
}

async function store(ctx: ServiceContext, sittingId: number, projection: Projection | null, actor: Actor): Promise<void> {
  const { meetingId } = await getSitting(ctx, sittingId);
  await ctx.db.write(async (tx) => {
    await setSetting(tx, keyOf(sittingId), projection);
    const detail = projection ? { documentId: projection.documentId, sha256: projection.sha256, page: projection.page, view: projection.view } : undefined;
    await appendAudit(tx, { actor, action: projection ? 'projection.set' : 'projection.clear', subject: `sitting:${sittingId}`, detail });
  });
  const message: ProjectionMessage = { type: 'projection', sittingId, projection };
  ctx.hub.tellConsoles(meetingId, sittingId, message);
}

export async function setProjection(ctx: ServiceContext, sittingId: number, input: SetProjection, actor: Actor): Promise<Projection> {
  await getSitting(ctx, sittingId);
  // The repository, not document-service: that service tells this one when a document is withdrawn.
  const doc = await findDocument(ctx.db, input.documentId);
  if (!doc) throw new AppError('ERR_NOT_FOUND', `找不到该文件 / Document ${input.documentId} not found`);
  if (doc.sittingId !== sittingId) throw new AppError('ERR_VALIDATION', '该文件不属于本次会议 / The document belongs to another sitting');
  if (doc.withdrawn) throw new AppError('ERR_CONFLICT', '该文件已撤回，不能投屏 / A withdrawn document cannot be shown');
  if (input.page > doc.current.pages) {
    throw new AppError('ERR_VALIDATION', `页码超出范围：该文件共 ${doc.current.pages} 页 / The document has ${doc.current.pages} pages`);
  }
  const projection: Projection = {
    sittingId,
    documentId: doc.id,
    title: doc.title,
    sha256: doc.current.sha256,
    page: input.page,
    pages: doc.current.pages,
    view: input.view,
    setAt: new Date().toISOString(),
  };
  await store(ctx, sittingId, projection, actor);
  return projection;
}

export async function clearProjection(ctx: ServiceContext, sittingId: number, actor: Actor): Promise<void> {
  await store(ctx, sittingId, null, actor);
}

/** A withdrawn document leaves the screen (it must not keep showing what the clerk took back). A replaced one stays,
 * at the version put up, until the chair puts the new one up. */
export async function documentChangedUnderScreen(ctx: ServiceContext, sittingId: number, documentId: number, actor: Actor): Promise<void> {
  const now = await getProjection(ctx, sittingId);
  if (now?.documentId === documentId) await clearProjection(ctx, sittingId, actor);
}
