// "Who is voting here": the same face capture as the door; the server answers with a short-lived voter token,
// so the ballot is cast by the deputy it recognised, not by whoever holds the tablet.
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client';
import { seatIdentify, type SeatIdentifyReply } from '../../api/kiosk-api';
import { useFaceCapture, type Capture } from '../../face/use-face-capture';
import type { MessageKey } from '../../i18n';
import { FaceCamera } from '../../ui/FaceCamera';
import { useFaceConfig } from '../use-face-config';

export type Identified = Extract<SeatIdentifyReply, { status: 'identified' }>;

const NOTICE: Record<Exclude<SeatIdentifyReply['status'], 'identified'>, MessageKey> = {
  not_recognised: 'notRecognised',
  not_checked_in: 'notCheckedIn',
  not_on_roster: 'notOnRoster',
  liveness_failed: 'livenessFailed',
  challenge_expired: 'guideTurnAgain',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function IdentifyPanel({ notice, onIdentified, onRetrying }: { notice: MessageKey | null; onIdentified(who: Identified): void; onRetrying(on: boolean): void }) {
  const config = useFaceConfig();
  const [busy, setBusy] = useState<MessageKey | null>(null);
  const onCapture = useCallback(
    async (capture: Capture) => {
      setBusy('checking');
      try {
        const { body } = await seatIdentify(capture, () => onRetrying(true));
        onRetrying(false);
        if (body.status === 'identified') {
          onIdentified(body);
          return;
        }
        setBusy(NOTICE[body.status]);
      } catch (err) {
        onRetrying(false);
        setBusy(err instanceof ApiError && err.status === 401 ? 'pairRevoked' : 'notRecognised');
      }
      await sleep(3500);
      setBusy(null);
    },
    [onIdentified, onRetrying],
  );
  const view = useFaceCapture(config, true, onCapture);
  return (
    <div className="identify" data-screen="identify">
      <FaceCamera view={view} busy={busy ?? (view.state === 'running' && view.prompt === 'guideNoFace' ? notice ?? 'identifyTitle' : null)} />
    </div>
  );
}
