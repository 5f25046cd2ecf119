// Archiving a congress (e.g. the demo every fresh start seeds): it leaves every list and picker (bodies, meetings,
// a tablet's sittings) but nothing is deleted — votes, attendance and the audit chain that vouches for them stay
// verifiable. The admin types the body's name to confirm, as for any step that is hard to see undone.
import { AppError } from '../../shared/errors';
import { setSetting } from '../repositories/settings-repository';
import { ARCHIVED_BODIES, archivedBodyIds } from '../repositories/bodies-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { getBody } from './roster-service';
import { noticeDocuments } from './document-notice';
import { listMeetingsOfBody } from './meeting-service';

/** The body's seat tablets drop its documents now (their manifest is empty once archived), not at their next poll. */
async function tellTablets(ctx: ServiceContext, bodyId: number): Promise<void> {
  for (const meeting of await listMeetingsOfBody(ctx, bodyId)) {
    for (const sitting of meeting.sittings) await noticeDocuments(ctx, sitting.id);
  }
}

export async function archiveBody(ctx: ServiceContext, bodyId: number, confirmName: string, actor: Actor): Promise<{ archived: true }> {
  const body = await getBody(ctx, bodyId);
  if (confirmName.trim() !== body.name) {
    throw new AppError('ERR_VALIDATION', '输入的名称与该人民代表大会的名称不一致 / The name typed does not match the congress');
  }
  await ctx.db.write(async (tx) => {
    const ids = await archivedBodyIds(tx);
    ids.add(bodyId);
    await setSetting(tx, ARCHIVED_BODIES, [...ids]);
    await appendAudit(tx, { actor, action: 'body.archive', subject: `body:${bodyId}`, detail: { name: body.name } });
  });
  await tellTablets(ctx, bodyId);
  return { archived: true };
}
