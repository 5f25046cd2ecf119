// 会议文件 in the meeting's report: each document's name and SHA-256 (the file's identity, checked by audit:verify),
// with the versions it replaced and any withdrawal. By agenda item, so the report's agenda list can place each
// item's documents under it (documentsOfItem), and the sitting's own documents (agendaItemId null) apart.
import type { DocumentView, ReportDocument } from '../../shared/documents';
import { listSittingDocuments } from '../repositories/documents-repository';
import type { ServiceContext } from './context';

const toReport = (d: DocumentView): ReportDocument => ({
  id: d.id,
  agendaItemId: d.agendaItemId,
  title: d.title,
  visibility: d.visibility,
  name: d.current.name,
  sha256: d.current.sha256,
  version: d.current.version,
  pages: d.current.pages,
  earlier: d.versions.filter((v) => v.version !== d.current.version).map(({ version, name, sha256 }) => ({ version, name, sha256 })),
  withdrawn: d.withdrawn && { at: d.withdrawn.at, reason: d.withdrawn.reason },
});

/** Every document of the sitting, in upload order. */
export async function reportDocuments(ctx: ServiceContext, sittingId: number): Promise<ReportDocument[]> {
  return (await listSittingDocuments(ctx.db, sittingId)).map(toReport);
}

/** One agenda item's documents (null: those of the sitting as a whole). */
export async function documentsOfItem(ctx: ServiceContext, sittingId: number, agendaItemId: number | null): Promise<ReportDocument[]> {
  return (await reportDocuments(ctx, sittingId)).filter((d) => d.agendaItemId === agendaItemId);
}
