// 签到统计表: the printable attendance sheet of a sitting — summary and everyone with method, time and reason.
import { attendanceXlsxUrl, getAttendanceReport } from '../../api/reports';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../router';
import { ErrorNote, Loading } from '../../ui/kit';
import { formatDateTime, formatTime } from '../../ui/format';
import { useAsync } from '../../ui/use-async';
import { AuditHead, PrintBar, Signatures } from './PrintBar';
import { ReportDocuments } from '../documents/ReportDocuments';

export function AttendanceReportPage({ sittingId }: { sittingId: number }) {
  const { t } = useI18n();
  const report = useAsync(() => getAttendanceReport(sittingId), [sittingId]);
  if (report.error) return <ErrorNote error={report.error} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  const s = r.summary;
  const status = { present: t('statusPresent'), leave: t('onLeave'), absent: r.summary.started ? t('absent') : t('notArrived') };
  const role = { deputy: t('roleDeputy'), observer: t('roleObserver'), staff: t('roleStaff') };
  return (
    <div className="report-page">
      <PrintBar xlsx={attendanceXlsxUrl(sittingId)} back={href(`/meetings/${r.meetingId}/sittings/${sittingId}/attendance`)} />
      <article className="sheet" data-testid="attendance-report">
        <header className="sheet-head">
          <div className="sheet-org">{r.bodyName}</div>
          <h1>{t('attendanceSheet')}</h1>
          <h2>
            {r.meetingName} {r.sittingName}
          </h2>
        </header>
        <table className="sheet-summary">
          <thead>
            <tr>
              <th>{t('expected')}</th>
              <th>{t('present')}</th>
              <th>{t('onLeave')}</th>
              <th>{s.started ? t('absent') : t('notArrived')}</th>
              <th>{t('othersPresentShort')}</th>
              <th>{t('quorumShortLabel')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{s.expected}</td>
              <td>{s.present}</td>
              <td>{s.onLeave}</td>
              <td>{s.absent}</td>
              <td>{s.othersPresent}</td>
              <td>{s.quorum.met ? t('quorumMetShort', { n: s.quorum.required }) : t('quorumShort', { n: s.quorum.shortBy })}</td>
            </tr>
          </tbody>
        </table>
        <table className="table sheet-list">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('name')}</th>
              <th>{t('role')}</th>
              <th>{t('delegation')}</th>
              <th>{t('status')}</th>
              <th>{t('checkinMethod')}</th>
              <th>{t('checkinTime')}</th>
              <th>{t('note')}</th>
            </tr>
          </thead>
          <tbody>
            {r.entries.map((e, i) => (
              <tr key={e.participant.id} className={e.inOffice ? '' : 'row-muted'}>
                <td className="num">{i + 1}</td>
                <td className="strong nowrap">{e.participant.name}</td>
                <td className="nowrap">{role[e.participant.role]}</td>
                <td className="nowrap">{e.participant.delegation ?? e.participant.organisation ?? ''}</td>
                <td className="nowrap">
                  {status[e.status]}
                  {!e.inOffice && `${t('parenOpen')}${t('notInOffice')}${t('parenClose')}`}
                </td>
                <td className="nowrap">{e.checkin ? (e.checkin.method === 'face' ? t('methodFace') : t('methodManual')) : ''}</td>
                <td className="time nowrap">{formatTime(e.checkin?.at)}</td>
                <td>{e.leaveReason ?? e.checkin?.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ReportDocuments documents={r.documents} />
        <AuditHead hash={r.auditHead} generatedAt={formatDateTime(r.generatedAt)} />
        <Signatures sheet="attendance" />
      </article>
    </div>
  );
}
