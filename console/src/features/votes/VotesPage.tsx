// Votes of a sitting for the chair: create, open (quorum or an audited override), live tally, close,
// announce, cancel. Every count and outcome shown comes from the server's VoteView.tally.
import { useMemo, useRef, useState } from 'react';
import type { ServerMessage } from '../../../../shared/protocol';
import { ProjectionControl } from '../screen/ProjectionControl';
import { useProjection } from '../screen/use-projection';
import { getBody } from '../../api/bodies';
import { listAgenda } from '../../api/meetings';
import { useI18n } from '../../i18n/I18n';
import { ConnectionBanner } from '../../realtime/ConnectionBanner';
import { useLiveMeeting } from '../../realtime/use-live-meeting';
import { Empty, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { AttendanceFigures } from '../attendance/AttendanceFigures';
import { useMay } from '../auth/session';
import { CreateVoteForm } from './CreateVoteForm';
import { VoteCard } from './VoteCard';

export function VotesPage({ meetingId, sittingId }: { meetingId: number; sittingId: number }) {
  const { t } = useI18n();
  // Only the chair (主席团) or an admin creates votes (the server refuses a clerk with 403): a clerk sees no button.
  const mayCreate = useMay()('runVotes');
  const hear = useRef<(m: ServerMessage) => void>(() => undefined);
  const live = useLiveMeeting(meetingId, (m) => hear.current(m));
  const projection = useProjection(sittingId, live.status);
  hear.current = projection.onMessage;
  const mayProject = useMay()('moveAgenda');
  const [creating, setCreating] = useState(false);
  const votes = useMemo(() => live.state?.votes.filter((v) => v.sittingId === sittingId) ?? [], [live.state, sittingId]);
  // Agenda titles change only when a vote is added: key the fetch on the number of votes.
  const agenda = useAsync(() => listAgenda(sittingId), [sittingId, votes.length]);
  const bodyId = live.state?.meeting.bodyId;
  const body = useAsync(() => (bodyId ? getBody(bodyId) : Promise.resolve(undefined)), [bodyId]);
  const summary = live.state?.attendance.find((a) => a.sittingId === sittingId);
  const sitting = live.state?.meeting.sittings.find((s) => s.id === sittingId);
  const itemTitle = (id: number) => agenda.data?.find((a) => a.id === id)?.title;
  return (
    <div className="stack">
      <ConnectionBanner status={live.status} everLive={live.everLive} />
      <div className="page-head">
        <h1 className="page-title">
          {t('votesTitle')} <span className="muted">{sitting?.name}</span>
        </h1>
        {mayCreate && !creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            + {t('newVote')}
          </button>
        )}
      </div>
      {summary && <AttendanceFigures summary={summary} />}
      {mayProject && <ProjectionControl sittingId={sittingId} projection={projection.projection} onChange={projection.set} />}
      {creating && body.data && (
        <CreateVoteForm sittingId={sittingId} rules={body.data.rules} agenda={agenda.data ?? []} onDone={() => setCreating(false)} />
      )}
      {!live.state && <Loading />}
      {live.state && votes.length === 0 && !creating && <Empty>{t('noVotes')}</Empty>}
      {[...votes].reverse().map((v) => (
        <VoteCard key={v.id} vote={v} agendaTitle={itemTitle(v.agendaItemId)} showNotVoted={body.data?.rules.showNotVoted ?? true} />
      ))}
    </div>
  );
}
