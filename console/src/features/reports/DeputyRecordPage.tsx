// 履职档案: a deputy's sittings (present, leave, absent) and votes across meetings. For 无记名 votes only
// participation is shown; the server never sends a choice for them.
import { KIND_LABELS, markLabel, STATE_LABELS } from '../../../../shared/labels';
import { getDeputyRecord } from '../../api/reports';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../router';
import { Badge, ErrorNote, Loading } from '../../ui/kit';
import { formatDateTime } from '../../ui/format';
import { useAsync } from '../../ui/use-async';
import { STATUS_KEYS } from '../setup/DeputyTable';
import { PrintBar } from './PrintBar';
import { SpokenTable } from '../speaking/SpokenTable';

export function DeputyRecordPage({ deputyId }: { deputyId: number }) {
  const { t, pick } = useI18n();
  const record = useAsync(() => getDeputyRecord(deputyId), [deputyId]);
  if (record.error) return <ErrorNote error={record.error} />;
  if (!record.data) return <Loading />;
  const r = record.data;
  const d = r.deputy;
  const status = { present: t('statusPresent'), leave: t('onLeave'), absent: t('absent'), pending: t('sittingPending') };
  const tone = { present: 'good', leave: 'warn', absent: 'bad', pending: 'neutral' } as const;
  return (
    <div className="report-page">
      <PrintBar back={href(`/bodies/${d.bodyId}`)} />
      <article className="sheet" data-testid="deputy-record">
        <header className="sheet-head">
          <div className="sheet-org">{r.bodyName}</div>
          <h1>{t('deputyRecord')}</h1>
          <h2>
            {d.name} <span className="muted">{[d.delegation, d.cardNo, t(STATUS_KEYS[d.status])].filter(Boolean).join(' · ')}</span>
          </h2>
        </header>
        <div className="record-totals">
          <div><b>{r.totals.sittings}</b>{t('recordSittings')}</div>
          <div><b>{r.totals.present}</b>{t('present')}</div>
          <div><b>{r.totals.leave}</b>{t('onLeave')}</div>
          <div><b>{r.totals.absent}</b>{t('absent')}</div>
          <div><b>{r.totals.participated}/{r.totals.votes}</b>{t('recordVotes')}</div>
          <div data-testid="record-speeches"><b>{r.speeches.length}</b>{t('recordSpeeches')}</div>
        </div>
        <h3>{t('recordAttendance')}</h3>
        <table className="table">
          <thead>
            <tr>
              <th>{t('meeting')}</th>
              <th>{t('sitting')}</th>
              <th>{t('status')}</th>
              <th>{t('checkinMethod')}</th>
              <th>{t('checkinTime')}</th>
              <th>{t('leaveReason')}</th>
            </tr>
          </thead>
          <tbody>
            {r.sittings.map((s) => (
              <tr key={s.sittingId}>
                <td>{s.meetingName}</td>
                <td>{s.sittingName}</td>
                <td><Badge tone={tone[s.status]}>{status[s.status]}</Badge></td>
                <td>{s.method === 'face' ? t('methodFace') : s.method === 'manual' ? t('methodManual') : ''}</td>
                <td className="time">{s.at ? formatDateTime(s.at) : ''}</td>
                <td>{s.leaveReason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('recordVoteList')}</h3>
        <table className="table">
          <thead>
            <tr>
              <th>{t('voteTitle')}</th>
              <th>{t('voteKind')}</th>
              <th>{t('state')}</th>
              <th>{t('participated')}</th>
              <th>{t('choice')}</th>
            </tr>
          </thead>
          <tbody>
            {r.votes.map((v) => (
              <tr key={v.voteId}>
                <td className="strong">{v.title}<div className="muted small">{v.meetingName} {v.sittingName}</div></td>
                <td>{pick(KIND_LABELS[v.kind])}<div className="muted small">{v.secrecy === 'secret' ? t('secrecySecret') : t('secrecyOpen')}</div></td>
                <td>{pick(STATE_LABELS[v.state])}</td>
                <td>{v.participated ? <Badge tone="good">{t('voted')}</Badge> : <Badge>{t('notVoted')}</Badge>}</td>
                <td>
                  {v.secrecy === 'secret' ? (
                    <span className="muted">{t('secretNoChoice')}</span>
                  ) : v.choice ? (
                    [...v.choice.map((c) => (v.kind === 'resolution' ? pick(markLabel(v.kind, c.mark)) : `${c.label}${t('colon')}${pick(markLabel(v.kind, c.mark))}`)), ...v.writeIns.map((w) => `${t('writeIn')}${t('colon')}${w}`)].join(t('listSep'))
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('recordSpeechList')}</h3>
        {r.speeches.length > 0 ? <SpokenTable turns={r.speeches} who={false} /> : <p className="muted">{t('speechNone')}</p>}
      </article>
    </div>
  );
}
