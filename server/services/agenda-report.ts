// 会议议程 (the meeting report's agenda): a sitting's items in order with kind, presenter, their votes and their
// documents' names and hashes, under the audit chain's head, for print.
import { AppError } from '../../shared/errors';
import type { AgendaReport, AgendaReportDocument } from '../../shared/reports';
import { sittingPlace } from '../repositories/report-repository';
import { auditHead } from '../repositories/audit-repository';
import type { ServiceContext } from './context';
import { agendaWithVotes } from './agenda-service';
import { documentsOfItem } from './report-documents';

/**
 * The documents (会议文件) of an agenda item, or of the sitting as a whole when `itemId` is null, as the report lists
 * them: name and SHA-256 of the current version; withdrawn ones are left out (the 签到统计表 lists those too).
 */
async function itemDocuments(ctx: ServiceContext, sittingId: number, itemId: number | null): Promise<AgendaReportDocument[]> {
  return (await documentsOfItem(ctx, sittingId, itemId)).filter((d) => !d.withdrawn).map((d) => ({ name: d.name, sha256: d.sha256 }));
}

export async function agendaReport(ctx: ServiceContext, sittingId: number): Promise<AgendaReport> {
  const place = await sittingPlace(ctx.db, sittingId);
  if (!place) throw new AppError('ERR_NOT_FOUND', `找不到该次全体会议 / Sitting ${sittingId} not found`);
  const { bodyId: _bodyId, ...where } = place;
  const items = await agendaWithVotes(ctx, sittingId);
  return {
    ...where,
    items: await Promise.all(
      items.map(async ({ votes, ...item }) => ({
        ...item,
        votes: votes.map((v) => ({ id: v.id, title: v.title, kind: v.kind, state: v.state })),
        documents: await itemDocuments(ctx, sittingId, item.id),
      })),
    ),
    sittingDocuments: await itemDocuments(ctx, sittingId, null),
    auditHead: await auditHead(ctx.db),
    generatedAt: new Date().toISOString(),
    timeZone: ctx.timeZone,
  };
}
