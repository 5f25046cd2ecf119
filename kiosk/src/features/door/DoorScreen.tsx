// Door check-in: the deputy looks at the camera, turns the head when asked, and sees their name — or is told to
// see a clerk. Back to ready by itself a few seconds later; nobody needs to touch the tablet.
import { useCallback, useState } from 'react';
import type { DeviceView } from '../../../../shared/views';
import { ApiError } from '../../api/client';
import { faceCheckin, newClientId, type FaceCheckinReply } from '../../api/kiosk-api';
import type { Capture } from '../../face/use-face-capture';
import { useFaceCapture } from '../../face/use-face-capture';
import { useI18n } from '../../i18n';
import { meetingLine } from '../../realtime/meeting-line';
import { isDisconnected, type Live } from '../../realtime/use-live';
import { mark } from '../../timeline';
import { FaceCamera } from '../../ui/FaceCamera';
import { OfflineBanner, TopBar } from '../../ui/TopBar';
import { useFaceConfig } from '../use-face-config';
import { DoorResult, type DoorOutcome } from './DoorResult';

/** How long a result stays up before the kiosk is ready for the next person. */
export const RESULT_MS: Record<DoorOutcome['kind'], number> = { reply: 4000, error: 5000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function DoorScreen({ device, live }: { device: DeviceView; live: Live }) {
  const { t } = useI18n();
  const config = useFaceConfig();
  const [checking, setChecking] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [outcome, setOutcome] = useState<DoorOutcome | null>(null);

  const onCapture = useCallback(async (capture: Capture) => {
    setChecking(true);
    let result: DoorOutcome;
    try {
      // One clientId for this check-in: a retry after a lost answer is the same request to the server.
      const { body } = await faceCheckin({ clientId: newClientId(), ...capture }, () => setRetrying(true));
      result = { kind: 'reply', reply: body as FaceCheckinReply };
    } catch (err) {
      result = { kind: 'error', message: err instanceof ApiError ? err.message : String(err) };
    }
    setRetrying(false);
    setChecking(false);
    setOutcome(result);
    mark('result-shown', result.kind === 'reply' ? result.reply.status : 'error');
    await sleep(RESULT_MS[result.kind]);
    setOutcome(null);
  }, []);

  const view = useFaceCapture(device.sittingId ? config : null, true, onCapture);
  const attendance = live.state?.attendance.find((a) => a.sittingId === device.sittingId);

  return (
    <div className="app door" data-screen="door">
      <TopBar title={t('doorTitle')} subtitle={meetingLine(live.state, device)}>
        {attendance && (
          <span className="pill" data-present={attendance.present}>
            {t('present', { present: attendance.present, expected: attendance.expected })}
          </span>
        )}
      </TopBar>
      <OfflineBanner show={isDisconnected(live)} retrying={retrying} />
      {device.sittingId ? (
        <main className="door-main">
          <FaceCamera view={view} busy={checking ? 'checking' : null} />
        </main>
      ) : (
        <main className="screen center">
          <p className="lead">{t('noSitting')}</p>
        </main>
      )}
      {outcome && <DoorResult outcome={outcome} />}
    </div>
  );
}
