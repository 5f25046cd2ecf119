// One vote: what it is (kind, secrecy, rule in words), where it is in its life, and its live tally or result.
import { describePassRule } from '../../../../shared/rules';
import { KIND_LABELS, STATE_LABELS } from '../../../../shared/labels';
import type { VoteView } from '../../../../shared/views';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../router';
import { Badge, type Tone } from '../../ui/kit';
import { formatTime } from '../../ui/format';
import { LiveTally } from './LiveTally';
import { ResultView } from './ResultView';
import { VoteActions } from './VoteActions';

const STATE_TONE: Record<VoteView['state'], Tone> = { draft: 'neutral', open: 'info', closed: 'warn', announced: 'good', cancelled: 'neutral' };

export function VoteCard({ vote: v, agendaTitle, showNotVoted }: { vote: VoteView; agendaTitle?: string; showNotVoted: boolean }) {
  const { t, pick } = useI18n();
  const details = [
    pick(KIND_LABELS[v.kind]),
    v.secrecy === 'secret' ? t('secrecySecret') : t('secrecyOpen'),
    v.changePolicy === 'last' ? t('changeLast') : t('changeFirst'),
    v.kind === 'project' && v.maxYes ? t('maxYesShort', { n: v.maxYes, m: v.options.length }) : null,
    v.kind === 'election' && v.maxYes ? t('seatsShort', { n: v.maxYes }) : null,
    v.kind === 'election' && v.allowWriteIn ? t('allowWriteIn') : null,
  ].filter(Boolean);
  return (
    <article className={`card vote-card vote-${v.state}`} data-testid={`vote-${v.id}`}>
      <header className="vote-head">
        <div>
          {agendaTitle && agendaTitle !== v.title && <div className="muted small">{agendaTitle}</div>}
          <h2>{v.title}</h2>
          <div className="vote-meta">
            {details.join(' · ')}
            {v.kind !== 'rating' && (
              <>
                {' · '}
                {t('passRule')}{t('colon')}{pick(describePassRule(v.passRule))}
              </>
            )}
          </div>
        </div>
        <Badge tone={STATE_TONE[v.state]}>{pick(STATE_LABELS[v.state])}</Badge>
      </header>
      {v.state === 'draft' && v.kind !== 'resolution' && (
        <ol className="option-list">
          {v.options.map((o) => (
            <li key={o.id}>{o.label}</li>
          ))}
        </ol>
      )}
      {v.state === 'open' && <LiveTally vote={v} />}
      {(v.state === 'closed' || v.state === 'announced') && v.tally && <ResultView vote={v} tally={v.tally} showNotVoted={showNotVoted} />}
      {v.quorumOverride && <p className="override-note">{t('quorumOverrideNote', { reason: v.quorumOverride })}</p>}
      {v.walPending && (
        <p className="override-note" role="alert" data-alert="wal">
          {t('walPending')}
        </p>
      )}
      {v.tracker && (
        <p className={v.tracker.mismatched > 0 ? 'tracker-note alarm' : 'tracker-note'} role={v.tracker.mismatched > 0 ? 'alert' : undefined} data-tracker={`${v.tracker.verified}/${v.tracker.mismatched}`}>
          {t(v.tracker.mismatched > 0 ? 'trackerAlarm' : 'trackerTally', { n: v.tracker.verified, m: v.tracker.mismatched })}
        </p>
      )}
      <footer className="vote-foot">
        <span className="muted small">
          {v.openedAt && t('openedAt', { time: formatTime(v.openedAt) })} {v.closedAt && t('closedAt', { time: formatTime(v.closedAt) })}{' '}
          {v.announcedAt && t('announcedAt', { time: formatTime(v.announcedAt) })}
        </span>
        <span className="vote-foot-actions">
          {(v.state === 'closed' || v.state === 'announced') && (
            <a className="button button-ghost" href={href(`/reports/votes/${v.id}`)}>
              {t('resultSheet')}
            </a>
          )}
          <VoteActions vote={v} />
        </span>
      </footer>
    </article>
  );
}
