// 人脸校对: the door staff's live screen. Every check-in of the sitting arrives over the live socket (the console's
// attendance state carries it: shared/door-watch.ts), newest first, with 可疑报到 alarms on top.
import { useMemo } from 'react';
import { useI18n } from '../../i18n/I18n';
import { ConnectionBanner } from '../../realtime/ConnectionBanner';
import { useLiveMeeting } from '../../realtime/use-live-meeting';
import { Empty, Loading } from '../../ui/kit';
import { DoorAlarms } from './DoorAlarms';
import { AwaySeats } from './AwaySeats';
import { WatchCard } from './WatchCard';

export function FaceWatchPage({ meetingId, sittingId }: { meetingId: number; sittingId: number }) {
  const { t } = useI18n();
  const live = useLiveMeeting(meetingId);
  const summary = live.state?.attendance.find((a) => a.sittingId === sittingId);
  const sitting = useMemo(() => live.state?.meeting.sittings.find((s) => s.id === sittingId), [live.state, sittingId]);
  const watch = summary?.watch;
  return (
    <div className="stack face-watch">
      <ConnectionBanner status={live.status} everLive={live.everLive} />
      <div className="page-head">
        <h1 className="page-title">
          {t('watchTitle')} <span className="muted">{sitting?.name}</span>
        </h1>
        {summary && (
          <strong className="watch-present" data-present={summary.present}>
            {t('watchPresent', { n: String(summary.present), m: String(summary.expected) })}
          </strong>
        )}
      </div>
      <p className="muted">{t('watchIntro')}</p>
      {!watch ? (
        <Loading />
      ) : (
        <>
          <DoorAlarms alarms={watch.alarms} />
          <AwaySeats sittingId={sittingId} />
          {watch.checkins.length === 0 ? (
            <Empty>{t('watchNone')}</Empty>
          ) : (
            <div className="watch-grid">
              {watch.checkins.map((c) => (
                <WatchCard key={c.participantId} sittingId={sittingId} c={c} />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
