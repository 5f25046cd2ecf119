// 会议议程: the printable agenda of a sitting — each item in order with kind, presenter, its votes (title and state)
// and its documents (name and SHA-256), then the sitting's own documents, under the audit chain's head.
import { AGENDA_KIND_LABELS } from '../../../../shared/agenda';
import { KIND_LABELS, STATE_LABELS } from '../../../../shared/labels';
import type { AgendaReportDocument } from '../../../../shared/reports';
import { getAgendaReport } from '../../api/reports';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../router';
import { ErrorNote, Loading } from '../../ui/kit';
import { formatDateTime } from '../../ui/format';
import { useAsync } from '../../ui/use-async';
import { AuditHead, PrintBar } from './PrintBar';

function Documents({ documents }: { documents: AgendaReportDocument[] }) {
  const { t } = useI18n();
  if (documents.length === 0) return <span className="muted">{t('agendaSheetNoDocuments')}</span>;
  return (
    <ul className="sheet-documents">
      {documents.map((d) => (
        <li key={d.sha256}>
          {d.name} <code className="hash">{d.sha256}</code>
        </li>
      ))}
    </ul>
  );
}

export function AgendaReportPage({ sittingId }: { sittingId: number }) {
  const { t, pick } = useI18n();
  const report = useAsync(() => getAgendaReport(sittingId), [sittingId]);
  if (report.error) return <ErrorNote error={report.error} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  return (
    <div className="report-page">
      <PrintBar back={href(`/meetings/${r.meetingId}/sittings/${sittingId}/agenda`)} />
      <article className="sheet" data-testid="agenda-report">
        <header className="sheet-head">
          <div className="sheet-org">{r.bodyName}</div>
          <h1>{t('agendaSheet')}</h1>
          <h2>
            {r.meetingName} {r.sittingName}
          </h2>
        </header>
        <table className="table sheet-list">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('agendaItemTitle')}</th>
              <th>{t('agendaKind')}</th>
              <th>{t('agendaPresenter')}</th>
              <th>{t('agendaSheetVotes')}</th>
              <th>{t('agendaSheetDocuments')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((item) => (
              <tr key={item.id} data-item={item.id}>
                <td className="num">{item.position}</td>
                <td className="strong">{item.title}</td>
                <td className="nowrap">{pick(AGENDA_KIND_LABELS[item.kind])}</td>
                <td>{item.presenter ?? ''}</td>
                <td>
                  {item.votes.map((v) => (
                    <div key={v.id}>
                      {v.title}
                      {t('parenOpen')}
                      {pick(KIND_LABELS[v.kind])} · {pick(STATE_LABELS[v.state])}
                      {t('parenClose')}
                    </div>
                  ))}
                </td>
                <td>
                  <Documents documents={item.documents} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="sheet-sitting-documents">
          <strong>{t('agendaSheetSitting')}</strong>
          {t('colon')}
          <Documents documents={r.sittingDocuments} />
        </div>
        <AuditHead hash={r.auditHead} generatedAt={formatDateTime(r.generatedAt)} />
      </article>
    </div>
  );
}
