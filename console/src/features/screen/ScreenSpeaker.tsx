// The speaker on the big screen: 请 王某某 发言 (or 答复), their delegation and seat, and the time left in large
// figures, counted on the server's clock (the screen's PC may be minutes off); 已超时 in red once over.
import type { FloorEntry } from '../../../../shared/speaking';
import { useI18n } from '../../i18n/I18n';
import type { HeldSpeaking } from '../../realtime/use-live-meeting';
import { Countdown } from '../speaking/Countdown';
import { TURN_WORD } from '../speaking/turn-words';

export function ScreenSpeaker({ view, floor, itemTitle }: { view: HeldSpeaking; floor: FloorEntry; itemTitle: string | null }) {
  const { t } = useI18n();
  const detail = [floor.delegation, floor.seat].filter(Boolean).join(' · ');
  return (
    <div className="screen-speaker" data-testid="screen-speaker">
      <div className="screen-status-pill">
        <span className="pulse" aria-hidden="true" /> {t(TURN_WORD[floor.turn])}
      </div>
      {itemTitle && <div className="screen-kind">{itemTitle}</div>}
      <h1 className="screen-speaker-name">{t(floor.turn === 'answer' ? 'screenAnswerer' : 'screenSpeaker', { name: floor.name })}</h1>
      {detail && <div className="screen-speaker-detail">{detail}</div>}
      <Countdown className="screen-countdown" endsAt={floor.endsAt} serverNow={view.serverNow} receivedAt={view.receivedAt} label={t('speakingLeft')} over={t('speakingOver')} />
    </div>
  );
}
