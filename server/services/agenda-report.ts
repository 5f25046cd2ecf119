// 会议议程 (the meeting report's agenda): a sitting's items in order with kind, presenter, their votes and their
// documents' names and hashes, under the audit chain's head, for print.
import { AppError } from '../../shared/errors';
import type { AgendaReport, AgendaReportDocument } from '../../shared/reports';
import { sittingPlace } from '../repositories/report-repository';
import { auditHead } from '../repositories/audit-repository';
import type { ServiceContext } from './context';
import { agendaWithVotes } from './agenda-service';

/**
 * The documents (会议文件) of an agenda item, or of the sitting as a whole when `itemId` is null, as the report lists
 * them: name and SHA-256, current versions only. The hook for the documents' part (issue 25 points 2 and 7): it
 * lists none until the documents' table exists; fill it from their repository.
 */
export async function reportDocuments(_ctx: ServiceContext, _sittingId: number, _itemId: number | null): Promise<AgendaReportDocument[]> {
  return [];
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
        documents: await reportDocuments(ctx, sittingId, item.id),
      })),
    ),
    sittingDocuments: await reportDocuments(ctx, sittingId, null),
    auditHead: await auditHead(ctx.db),
    generatedAt: new Date().toISOString(),
    timeZone: ctx.timeZone,
  };
}
