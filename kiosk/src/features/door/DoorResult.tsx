import { useEffect } from 'react';
import type { FaceCheckinReply } from '../../api/kiosk-api';
import { langTag, useI18n } from '../../i18n';
import { speak } from '../../speech';
import { venueHourMinute } from '../../venue-clock';
import { ClauseText } from '../../ui/ClauseText';

export type DoorOutcome = { kind: 'reply'; reply: FaceCheckinReply } | { kind: 'error'; message: string } | { kind: 'gave_up' };

/** The venue's clock, not the tablet's (shared/venue-time.ts). */
export const hhmm = venueHourMinute;

export function DoorResult({ outcome }: { outcome: DoorOutcome }) {
  const { t, lang } = useI18n();
  const reply = outcome.kind === 'reply' ? outcome.reply : null;
  const known = reply && (reply.status === 'checked_in' || reply.status === 'already_checked_in') ? reply : null;
  const name = known ? `${known.deputy.name}${t('deputySuffix')}` : '';
  let tone: 'good' | 'info' | 'bad';
  let headline: string;
  let line: string;
  if (known?.status === 'checked_in') {
    tone = 'good';
    headline = name;
    line = `${t('checkedIn')}  ${hhmm(known.at)}`;
  } else if (known) {
    tone = 'info';
    headline = name;
    line = t('alreadyAt', { time: hhmm(known.at) });
  } else {
    tone = 'bad';
    headline = outcome.kind === 'gave_up' ? t('gaveUp') :
      reply?.status === 'not_on_roster' ? t('notOnRoster') : reply?.status === 'liveness_failed' ? t('livenessFailed') : reply ? t('notRecognised') : t('failed', { message: outcome.kind === 'error' ? outcome.message : '' });
    line = '';
  }
  useEffect(() => {
    speak(known ? `${name},${line}${known.seat ? `,${t('yourSeat', { seat: known.seat })}` : ''}` : headline, langTag(lang));
  }, [known, name, line, headline, lang, t]);
  return (
    <div className={`result-overlay ${tone}`} role="status" data-result={reply?.status ?? (outcome.kind === 'gave_up' ? 'gave_up' : 'error')}>
      <div className="result-card">
        {known ? (
          known.thumbnail ? (
            <img className="result-photo" src={known.thumbnail} alt="" />
          ) : (
            <div className="result-photo placeholder" aria-hidden="true">
              {known.deputy.name.slice(0, 1)}
            </div>
          )
        ) : (
          <div className="result-icon" aria-hidden="true">
            !
          </div>
        )}
        <div className="result-text">
          {known?.status === 'checked_in' && (
            <div className="result-check" aria-hidden="true">
              ✓
            </div>
          )}
          <ClauseText className="result-headline" text={headline} />
          {line && <p className="result-line">{line}</p>}
          {known?.seat && (
            <p className="result-seat" data-testid="door-seat">
              {t('yourSeat', { seat: known.seat })}
            </p>
          )}
          {known?.deputy.delegation && <p className="result-sub">{known.deputy.delegation}</p>}
        </div>
      </div>
    </div>
  );
}
