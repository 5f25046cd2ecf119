// Reports of a meeting: the attendance sheet and the agenda (会议议程) of each sitting and the results sheet of each vote.
import { KIND_LABELS, STATE_LABELS } from '../../../../shared/labels';
import { getMeeting, listAgenda } from '../../api/meetings';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../router';
import { Card, Empty, ErrorNote, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';

export function ReportsIndexPage({ meetingId }: { meetingId: number }) {
  const { t, pick } = useI18n();
  const data = useAsync(async () => {
    const meeting = await getMeeting(meetingId);
    const agendas = await Promise.all(meeting.sittings.map((s) => listAgenda(s.id)));
    return { meeting, agendas };
  }, [meetingId]);
  if (data.error) return <ErrorNote error={data.error} />;
  if (!data.data) return <Loading />;
  const { meeting, agendas } = data.data;
  return (
    <div className="stack">
      <h1 className="page-title">{t('navReports')}</h1>
      {meeting.sittings.map((s, i) => {
        const votes = agendas[i]!.flatMap((a) => a.votes);
        return (
          <Card key={s.id} title={s.name}>
            <ul className="link-list">
              <li>
                <a href={href(`/reports/sittings/${s.id}`)}>
                  <strong>{t('attendanceSheet')}</strong>
                </a>
              </li>
              <li>
                <a href={href(`/reports/sittings/${s.id}/agenda`)}>
                  <strong>{t('agendaSheet')}</strong>
                </a>
              </li>
              <li>
                <a href={href(`/reports/sittings/${s.id}/speeches`)}>
                  <strong>{t('speechReport')}</strong>
                </a>
              </li>
              {votes.map((v) => (
                <li key={v.id}>
                  <a href={href(`/reports/votes/${v.id}`)}>
                    <strong>
                      {t('voteReportTitle')}{t('colon')}{v.title}
                    </strong>
                    <span className="muted">
                      {pick(KIND_LABELS[v.kind])} · {pick(STATE_LABELS[v.state])}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
            {votes.length === 0 && <Empty>{t('noVotes')}</Empty>}
          </Card>
        );
      })}
    </div>
  );
}
