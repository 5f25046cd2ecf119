// 发言记录: the printable list of a sitting's speeches, questions and answers, in the order they were spoken.
import { getSpeechReport } from '../../api/speaking';
import { useI18n } from '../../i18n/I18n';
import { Empty, ErrorNote, Loading } from '../../ui/kit';
import { formatDateTime } from '../../ui/format';
import { useAsync } from '../../ui/use-async';
import { AuditHead, PrintBar } from '../reports/PrintBar';
import { SpokenTable } from './SpokenTable';

export function SpeechReportPage({ sittingId }: { sittingId: number }) {
  const { t } = useI18n();
  const report = useAsync(() => getSpeechReport(sittingId), [sittingId]);
  if (report.error) return <ErrorNote error={report.error} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  return (
    <div className="report-page">
      <PrintBar />
      <article className="sheet" data-testid="speech-report">
        <header className="sheet-head">
          <div className="sheet-org">{r.bodyName}</div>
          <h1>{t('speechReport')}</h1>
          <h2>
            {r.meetingName} {r.sittingName}
          </h2>
        </header>
        {r.turns.length === 0 ? <Empty>{t('speechNone')}</Empty> : <SpokenTable turns={r.turns} who />}
        <AuditHead hash={r.auditHead} generatedAt={formatDateTime(r.generatedAt)} />
      </article>
    </div>
  );
}
