// One check-in on 人脸校对: the live photo (the evidence frame kept at check-in) beside the enrolled photo, large,
// and one tap 存疑; a held one gets 确认 / 驳回, each with a reason.
import { useState } from 'react';
import type { DoorCheckinView } from '../../../../shared/door-watch';
import { evidenceUrl } from '../../api/attendance';
import { thumbnailUrl } from '../../api/bodies';
import { confirmCheckin, doubtCheckin, refuseCheckin } from '../../api/door-watch';
import { useI18n } from '../../i18n/I18n';
import { ReasonDialog } from '../../ui/Modal';
import { Badge, ErrorNote } from '../../ui/kit';
import { formatTime } from '../../ui/format';

function Photo({ src, label }: { src: string | null; label: string }) {
  const { t } = useI18n();
  return (
    <figure className="watch-photo">
      {src ? <img src={src} alt={label} /> : <div className="watch-nophoto">{t('watchNoPhoto')}</div>}
      <figcaption>{label}</figcaption>
    </figure>
  );
}

function State({ c }: { c: DoorCheckinView }) {
  const { t } = useI18n();
  const r = c.review;
  if (!r) return null;
  if (r.state === 'doubted') return <Badge tone="bad">{r.doubtedBy === null ? t('watchHeldByRule') : t('watchHeld')}</Badge>;
  return <Badge tone="good">{t('watchConfirmed')}{r.decideReason ? `：${r.decideReason}` : ''}</Badge>;
}

export function WatchCard({ sittingId, c }: { sittingId: number; c: DoorCheckinView }) {
  const { t } = useI18n();
  const [deciding, setDeciding] = useState<'confirm' | 'refuse' | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const state = c.review?.state ?? null;
  const doubt = () => doubtCheckin(sittingId, c.participantId).then(() => setError(null), setError);
  return (
    <article className={`watch-card${state === 'doubted' ? ' held' : ''}`} data-participant={c.participantId} data-review={state ?? 'none'}>
      <div className="watch-photos">
        <Photo src={c.hasEvidence ? evidenceUrl(sittingId, c.participantId) : null} label={c.method === 'manual' ? t('watchManual') : t('watchLive')} />
        <Photo src={c.deputyId ? thumbnailUrl(c.deputyId) : null} label={t('watchEnrolled')} />
      </div>
      <div className="watch-who">
        <strong className="watch-name">{c.name}</strong>
        <span className="muted">{c.delegation}</span>
        <span className="muted">
          {formatTime(c.at)} · {c.deviceName ?? t('watchManual')}
        </span>
        <State c={c} />
      </div>
      <div className="watch-actions">
        {(state === null || state === 'confirmed') && (
          <button type="button" className="button button-danger watch-doubt" onClick={() => void doubt()}>
            {t('watchDoubt')}
          </button>
        )}
        {state === 'doubted' && (
          <>
            <button type="button" className="button button-primary" onClick={() => setDeciding('confirm')}>
              {t('watchConfirm')}
            </button>
            <button type="button" className="button button-danger" onClick={() => setDeciding('refuse')}>
              {t('watchRefuse')}
            </button>
          </>
        )}
      </div>
      <ErrorNote error={error} />
      {deciding && (
        <ReasonDialog
          title={t(deciding === 'confirm' ? 'watchConfirmTitle' : 'watchRefuseTitle', { name: c.name })}
          intro={deciding === 'refuse' ? t('watchRefuseIntro') : undefined}
          label={t('watchDecideReason')}
          confirm={t(deciding === 'confirm' ? 'watchConfirm' : 'watchRefuse')}
          danger={deciding === 'refuse'}
          onClose={() => setDeciding(null)}
          onConfirm={async (reason) => {
            await (deciding === 'confirm' ? confirmCheckin : refuseCheckin)(sittingId, c.participantId, reason);
          }}
        />
      )}
    </article>
  );
}
