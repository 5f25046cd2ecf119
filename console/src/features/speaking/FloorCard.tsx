// Who has the floor now, with the time left, and 结束发言 for the chair.
import type { HeldSpeaking } from '../../realtime/use-live-meeting';
import { useI18n } from '../../i18n/I18n';
import { Badge } from '../../ui/kit';
import { Countdown } from './Countdown';
import { TURN_WORD } from './turn-words';

export function FloorCard({ view, mayChair, onEnd }: { view: HeldSpeaking; mayChair: boolean; onEnd(): void }) {
  const { t } = useI18n();
  const f = view.floor;
  return (
    <section className="card speak-floor-card" data-testid="floor">
      <div className="speak-floor-row">
        <div>
          <div className="muted">{t('speakingFloor')}</div>
          {f ? (
            <div className="speak-floor-who">
              <Badge tone="info">{t(TURN_WORD[f.turn])}</Badge> <strong>{f.name}</strong>
              <span className="muted"> {[f.delegation, f.seat].filter(Boolean).join(' · ')}</span>
            </div>
          ) : (
            <div className="speak-floor-who muted">{t('speakingNobody')}</div>
          )}
        </div>
        {f && <Countdown endsAt={f.endsAt} serverNow={view.serverNow} receivedAt={view.receivedAt} label={t('speakingLeft')} over={t('speakingOver')} />}
        {f && mayChair && (
          <button type="button" className="button button-danger" onClick={onEnd}>
            {t('speakingEnd')}
          </button>
        )}
      </div>
      <div className="muted">{t('speakingSpoken', { n: view.spoken })}</div>
    </section>
  );
}
