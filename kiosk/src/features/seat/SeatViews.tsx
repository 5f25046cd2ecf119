import type { AgendaEntry } from '../../../../shared/agenda';
import type { VoteView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { CurrentItem } from './CurrentItem';
import type { TrackerOutcome } from './use-ballot-tracker';

/**
 * Between votes: the current item (当前议程) when the chair has set one, and 暂无表决. `greeting`: 本座位：王某某代表,
 * when the tablet's seat has a deputy this sitting.
 */
export function WaitingView({ current, greeting }: { current: AgendaEntry | null; greeting: string | null }) {
  const { t } = useI18n();
  if (current) {
    return (
      <div className="screen center waiting with-item" data-screen="waiting">
        {greeting && (
          <p className="lead seat-greeting" data-greeting>
            {greeting}
          </p>
        )}
        <CurrentItem item={current} />
        <p className="lead muted">{`${t('noVote')}，${t('noVoteHint')}`}</p>
      </div>
    );
  }
  return (
    <div className="screen center waiting" data-screen="waiting">
      <div className="calm-mark" aria-hidden="true" />
      {greeting && (
        <p className="huge seat-greeting" data-greeting>
          {greeting}
        </p>
      )}
      <h1 className="huge">{t('noVote')}</h1>
      <p className="lead muted">{t('noVoteHint')}</p>
    </div>
  );
}

/** `tracker`: this tablet's check of its ballots in the closed box (secret votes), once done. */
export function ClosedView({ vote, tracker }: { vote: VoteView; tracker: TrackerOutcome | null }) {
  const { t } = useI18n();
  return (
    <div className="screen center" data-screen="closed">
      <div className="result-icon neutral" aria-hidden="true">
        ■
      </div>
      <h1 className="huge">{t('closed')}</h1>
      <p className="lead muted">{vote.title}</p>
      {tracker && (
        <p className={tracker === 'counted' ? 'lead' : 'lead warn-text'} data-tracker={tracker}>
          {t(tracker === 'counted' ? 'trackerCounted' : 'trackerMismatch')}
        </p>
      )}
    </div>
  );
}

export function VotedView({
  vote,
  changed,
  nextVote,
  onChange,
  onNext,
}: {
  vote: VoteView;
  changed: boolean;
  nextVote: VoteView | null;
  onChange: (() => void) | null;
  onNext(id: number): void;
}) {
  const { t } = useI18n();
  return (
    <div className="screen center voted" data-screen="voted">
      <div className="result-check big" aria-hidden="true">
        ✓
      </div>
      <h1 className="huge good-text">{changed ? `${t('voted')}(${t('votedChanged')})` : t('voted')}</h1>
      <p className="lead muted">{vote.title}</p>
      <div className="confirm-actions">
        {onChange && (
          <button type="button" className="btn secondary xl" onClick={onChange}>
            {t('changeVote')}
          </button>
        )}
        {nextVote && (
          <button type="button" className="btn primary xl" onClick={() => onNext(nextVote.id)}>
            {t('next')}:{nextVote.title}
          </button>
        )}
      </div>
    </div>
  );
}
