// 表决结果: the printable results sheet of one vote, from the server's report (stored result, rule in words).
import { describePassRule } from '../../../../shared/rules';
import { KIND_LABELS, STATE_LABELS } from '../../../../shared/labels';
import { getVoteReport, voteXlsxUrl } from '../../api/reports';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../router';
import { ErrorNote, Loading } from '../../ui/kit';
import { formatDateTime } from '../../ui/format';
import { useAsync } from '../../ui/use-async';
import { ResultView } from '../votes/ResultView';
import { AuditHead, PrintBar, Signatures } from './PrintBar';
import { RollCallTable } from './RollCallTable';

export function VoteReportPage({ voteId }: { voteId: number }) {
  const { t, pick } = useI18n();
  const report = useAsync(() => getVoteReport(voteId), [voteId]);
  if (report.error) return <ErrorNote error={report.error} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  const v = r.vote;
  const fixed = (v.state === 'closed' || v.state === 'announced') && v.tally;
  const info: Array<[string, string]> = [
    [t('body'), r.bodyName],
    [t('meeting'), `${r.meetingName} ${r.sittingName}`],
    [t('agendaItem'), r.agendaTitle],
    [t('voteKind'), `${pick(KIND_LABELS[v.kind])}${t('parenOpen')}${v.secrecy === 'secret' ? t('secrecySecret') : t('secrecyOpen')}${t('parenClose')}`],
    [t('passRule'), v.kind === 'rating' ? t('ratingRuleNote') : pick(describePassRule(v.passRule))],
    [t('state'), pick(STATE_LABELS[v.state])],
    // A time not reached yet says so, not "—".
    [t('timeOpened'), v.openedAt ? formatDateTime(v.openedAt) : t('notOpened')],
    [t('timeClosed'), v.closedAt ? formatDateTime(v.closedAt) : t('notClosed')],
    [t('timeAnnounced'), v.announcedAt ? formatDateTime(v.announcedAt) : t('notAnnounced')],
  ];
  if (v.quorumOverride) info.push([t('overrideReason'), v.quorumOverride]);
  return (
    <div className="report-page">
      <PrintBar xlsx={voteXlsxUrl(voteId)} back={href(`/meetings/${r.meetingId}/sittings/${r.sittingId}/votes`)} />
      <article className="sheet" data-testid="vote-report">
        <header className="sheet-head">
          <div className="sheet-org">{r.bodyName}</div>
          <h1>{t('voteReportTitle')}</h1>
          <h2>{v.title}</h2>
        </header>
        <dl className="sheet-info">
          {info.map(([k, val]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{val}</dd>
            </div>
          ))}
        </dl>
        {fixed ? <ResultView vote={v} tally={v.tally!} showNotVoted={r.showNotVoted} /> : <p className="sheet-pending">{t('noResultYet')}</p>}
        {r.rollCall && <RollCallTable vote={v} entries={r.rollCall} />}
        <AuditHead hash={r.auditHead} generatedAt={formatDateTime(r.generatedAt)} />
        <Signatures sheet="vote" />
      </article>
    </div>
  );
}
