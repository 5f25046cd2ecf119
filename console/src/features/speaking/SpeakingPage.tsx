// 发言 for the chair: who has the floor with the time left, the queue in the server's arrival order with name,
// delegation and seat, 请发言 / 跳过 / 结束发言, the time per speech, and in an inquiry (询问) a clerk's answer turns.
// Everything shown comes from the live speaking view; the buttons follow shared/staff-rights.ts (the server refuses anyway).
import { useState } from 'react';
import { currentItem } from '../../../../shared/agenda';
import { addAnswer, endSpeech, giveFloor, skipTurn } from '../../api/speaking';
import { useI18n } from '../../i18n/I18n';
import { ConnectionBanner } from '../../realtime/ConnectionBanner';
import { useLiveMeeting } from '../../realtime/use-live-meeting';
import { ReasonDialog } from '../../ui/Modal';
import { ErrorNote, Loading } from '../../ui/kit';
import { useMay } from '../auth/session';
import { FloorCard } from './FloorCard';
import { LimitsCard } from './LimitsCard';
import { QueueTable } from './QueueTable';

export function SpeakingPage({ meetingId, sittingId }: { meetingId: number; sittingId: number }) {
  const { t } = useI18n();
  const may = useMay();
  const live = useLiveMeeting(meetingId);
  const [error, setError] = useState<Error | null>(null);
  const [answering, setAnswering] = useState<number | null>(null);
  const view = live.speaking[sittingId];
  const agenda = live.state?.agenda?.find((a) => a.sittingId === sittingId);
  const sitting = live.state?.meeting.sittings.find((s) => s.id === sittingId);
  const run = (action: () => Promise<unknown>) => () => {
    setError(null);
    action().catch((err: Error) => setError(err));
  };
  return (
    <div className="stack" data-testid="speaking-page">
      <ConnectionBanner status={live.status} everLive={live.everLive} />
      <div className="page-head">
        <h1 className="page-title">
          {t('speakingTitle')} <span className="muted">{sitting?.name}</span>
        </h1>
      </div>
      <ErrorNote error={error} />
      {!view && <Loading />}
      {view && <FloorCard view={view} mayChair={may('chairSpeakers')} onEnd={run(() => endSpeech(sittingId))} />}
      {view && (
        <section className="card">
          <h2 className="card-title">{t('speakingQueue')}</h2>
          <QueueTable
            queue={view.queue}
            items={agenda?.items ?? []}
            mayChair={may('chairSpeakers')}
            mayAnswer={may('nameAnswerers')}
            onGive={(id) => run(() => giveFloor(sittingId, id))()}
            onSkip={(id) => run(() => skipTurn(sittingId, id))()}
            onAnswer={setAnswering}
          />
        </section>
      )}
      {view && may('chairSpeakers') && <LimitsCard sittingId={sittingId} limits={view.limits} item={currentItem(agenda)} />}
      {answering !== null && (
        <ReasonDialog
          title={t('speakingAnswer')}
          label={t('speakingOfficial')}
          confirm={t('speakingAnswer')}
          onConfirm={async (official) => void (await addAnswer(sittingId, answering, official))}
          onClose={() => setAnswering(null)}
        />
      )}
    </div>
  );
}
