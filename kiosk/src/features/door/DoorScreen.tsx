// Door check-in: the deputy looks at the camera, turns the head when asked, and sees their name — or is told to
// see a clerk. Back to ready by itself a few seconds later; nobody needs to touch the tablet.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceView } from '../../../../shared/views';
import { ApiError } from '../../api/client';
import { doorGaveUp, faceCheckin, newClientId, type FaceCheckinReply } from '../../api/kiosk-api';
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
import { DoorPaused, isDoorPaused } from './DoorPaused';

/** How long a result stays up before the kiosk is ready for the next person. */
export const RESULT_MS: Record<DoorOutcome['kind'], number> = { reply: 4000, error: 5000, gave_up: 6000 };
/**
 * The door never loops: after this many failed tries (a refusal from the server or a turn that did not come), or
 * this long with someone in front of it and no result, it says "ask staff" and goes back to ready.
 */
export const MAX_TRIES = 3;
export const GIVE_UP_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function DoorScreen({ device, live }: { device: DeviceView; live: Live }) {
  const { t } = useI18n();
  const config = useFaceConfig();
  const [checking, setChecking] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [outcome, setOutcome] = useState<DoorOutcome | null>(null);
  /** Paused by the server (可疑报到) until a clerk clears it: no camera loop, a screen that says what to do. */
  const [paused, setPaused] = useState(false);
  /** Failed tries and when the person in front of the kiosk started (null: nobody). */
  const attempt = useRef<{ tries: number; since: number | null }>({ tries: 0, since: null });

  const show = useCallback(async (result: DoorOutcome) => {
    setOutcome(result);
    mark('result-shown', result.kind === 'reply' ? result.reply.status : result.kind);
    await sleep(RESULT_MS[result.kind]);
    setOutcome(null);
  }, []);

  const giveUp = useCallback(async () => {
    const tries = attempt.current.tries;
    attempt.current = { tries: 0, since: null };
    doorGaveUp(tries).catch(() => undefined); // the clerks' list; the deputy is told either way
    await show({ kind: 'gave_up' });
  }, [show]);

  const onCapture = useCallback(async (capture: Capture) => {
    setChecking(true);
    let result: DoorOutcome;
    try {
      // One clientId for this check-in: a retry after a lost answer is the same request to the server.
      const { body } = await faceCheckin({ clientId: newClientId(), ...capture }, () => setRetrying(true));
      result = { kind: 'reply', reply: body as FaceCheckinReply };
    } catch (err) {
      if (isDoorPaused(err)) return void (setChecking(false), setRetrying(false), setPaused(true));
      result = { kind: 'error', message: err instanceof ApiError ? err.message : String(err) };
    }
    setRetrying(false);
    setChecking(false);
    const known = result.kind === 'reply' && (result.reply.status === 'checked_in' || result.reply.status === 'already_checked_in');
    attempt.current.tries = known ? 0 : attempt.current.tries + 1;
    if (known) attempt.current.since = null;
    if (attempt.current.tries >= MAX_TRIES) return giveUp();
    await show(result);
  }, [giveUp, show]);

  const onRefused = useCallback((err: unknown) => isDoorPaused(err) && setPaused(true), []);
  const resume = useCallback(() => {
    attempt.current = { tries: 0, since: null };
    setPaused(false);
  }, []);
  const view = useFaceCapture(device.sittingId ? config : null, outcome === null && !paused, onCapture, onRefused);

  // A turn that did not come counts as a try; nobody in front of the kiosk starts afresh; 20 s is the limit.
  useEffect(() => {
    const a = attempt.current;
    if (view.prompt === 'guideNoFace') a.since = null;
    else a.since ??= Date.now();
    if (view.prompt === 'guideTurnAgain') a.tries += 1;
    if (a.tries >= MAX_TRIES && outcome === null) void giveUp();
  }, [view.prompt, outcome, giveUp]);
  useEffect(() => {
    const timer = setInterval(() => {
      const since = attempt.current.since;
      if (since !== null && outcome === null && !checking && !paused && Date.now() - since > GIVE_UP_MS) void giveUp();
    }, 1000);
    return () => clearInterval(timer);
  }, [outcome, checking, paused, giveUp]);
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
      {paused ? <DoorPaused onResumed={resume} /> : outcome && <DoorResult outcome={outcome} />}
    </div>
  );
}
