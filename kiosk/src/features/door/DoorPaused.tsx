// The door tablet paused by the server (可疑报到: it accepted faster than people walk up). The person in front of it
// is told what to do, in large type, not left in a loop; the tablet asks every few seconds whether a clerk has
// cleared the alarm and comes back by itself.
import { useEffect } from 'react';
import { ApiError } from '../../api/client';
import { faceChallenge } from '../../api/kiosk-api';
import { langTag, useI18n } from '../../i18n';
import { speak } from '../../speech';
import { ClauseText } from '../../ui/ClauseText';

const POLL_MS = 5000;

export const isDoorPaused = (err: unknown): boolean => err instanceof ApiError && err.code === 'ERR_DOOR_PAUSED';

export function DoorPaused({ onResumed }: { onResumed(): void }) {
  const { t, lang } = useI18n();
  useEffect(() => {
    speak(t('doorPaused'), langTag(lang));
  }, [t, lang]);
  useEffect(() => {
    const timer = setInterval(() => {
      // A challenge given means the alarm is cleared; any other failure (network) just waits for the next poll.
      faceChallenge().then(onResumed, () => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [onResumed]);
  return (
    <div className="result-overlay bad" role="alert" data-result="door_paused">
      <div className="result-card">
        <div className="result-icon" aria-hidden="true">
          !
        </div>
        <div className="result-text">
          <ClauseText className="result-headline" text={t('doorPaused')} />
          <p className="result-sub">{t('doorPausedHint')}</p>
        </div>
      </div>
    </div>
  );
}
