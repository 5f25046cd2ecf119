// 会议文件 on a printed report: each document's name and SHA-256 (what audit:verify checks the stored file against),
// the versions it replaced, and any withdrawal. The agenda list can render it per item with `documents` filtered.
import type { ReportDocument } from '../../../../shared/documents';
import { useI18n } from '../../i18n/I18n';
import { useVisibilityLabel } from './visibility';

export function ReportDocuments({ documents, itemTitle }: { documents: ReportDocument[]; itemTitle?(id: number | null): string }) {
  const { t } = useI18n();
  const label = useVisibilityLabel();
  if (documents.length === 0) return null;
  const item = itemTitle ?? ((id: number | null) => (id === null ? t('docsWholeSitting') : t('docsReportItem', { id })));
  return (
    <section className="sheet-documents" data-testid="report-documents">
      <h3>{t('docsReportTitle')}</h3>
      <table className="table sheet-list">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('docsItem')}</th>
            <th>{t('docsFile')}</th>
            <th>{t('docsVisibility')}</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d, i) => (
            <tr key={d.id} className={d.withdrawn ? 'row-muted' : ''}>
              <td className="num">{i + 1}</td>
              <td>{item(d.agendaItemId)}</td>
              <td>
                <strong>{d.title}</strong>
                <div>
                  {d.name} · {t('docsVersion', { n: d.version })} · {t('docsPages', { n: d.pages })}
                </div>
                {d.withdrawn && <div>{t('docsWithdrawn', { reason: d.withdrawn.reason })}</div>}
              </td>
              <td className="nowrap">{label(d.visibility)}</td>
              <td>
                <code className="doc-hash">{d.sha256}</code>
                {d.earlier.map((e) => (
                  <code key={e.version} className="doc-hash">
                    {t('docsReportEarlier')}
                    {t('docsVersion', { n: e.version })} {e.name} {e.sha256}
                  </code>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
