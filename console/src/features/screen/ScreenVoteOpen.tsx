// A vote in progress on the big screen: its title and 已投 N / 应投 M. Never per-option counts while open; once
// closed and waiting for the chair to announce it, the same figures under 表决已结束，待宣布结果.
import { KIND_LABELS } from '../../../../shared/labels';
import type { VoteView } from '../../../../shared/views';
import { useI18n } from '../../i18n/I18n';

export function ScreenVoteOpen({ vote: v }: { vote: VoteView }) {
  const { t, pick } = useI18n();
  const pct = v.expected > 0 ? Math.min(100, (v.cast / v.expected) * 100) : 0;
  return (
    <div className="screen-vote">
      {v.state === 'open' ? (
        <div className="screen-status-pill">
          <span className="pulse" aria-hidden="true" /> {t('screenVoting')}
        </div>
      ) : (
        <div className="screen-status-pill" data-testid="screen-awaiting">
          {t('screenAwaitingResult')}
        </div>
      )}
      <div className="screen-kind">
        {pick(KIND_LABELS[v.kind])} · {v.secrecy === 'secret' ? t('secrecySecret') : t('secrecyOpen')}
      </div>
      <h1 className="screen-vote-title">{v.title}</h1>
      <div className="screen-cast" data-testid="screen-cast">
        <span className="screen-cast-label">{t('castLabel')}</span>
        <span className="screen-cast-n">{v.cast}</span>
        <span className="screen-cast-sep">/</span>
        <span className="screen-cast-label">{t('expectedVoters')}</span>
        <span className="screen-cast-m">{v.expected}</span>
      </div>
      <div className="screen-progress" aria-hidden="true">
        <div style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
