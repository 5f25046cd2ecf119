import type { VoteView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { labelOf, type Draft } from './ballot-model';

export function ConfirmView({ vote, draft, onBack, onConfirm }: { vote: VoteView; draft: Draft; onBack(): void; onConfirm(): void }) {
  const { t } = useI18n();
  return (
    <div className="confirm" data-screen="confirm">
      <h2 className="section-title">{t('confirmTitle')}</h2>
      <ul className="confirm-list">
        {vote.options.map((o) => {
          const mark = draft.marks[String(o.id)];
          return (
            <li key={o.id} className="confirm-row">
              <span className="confirm-label">{vote.kind === 'resolution' ? vote.title : o.label}</span>
              <span className={`confirm-mark mark-${mark}`}>{mark ? t(labelOf(vote.kind, mark)) : '—'}</span>
            </li>
          );
        })}
        {draft.writeIns.map((w) => (
          <li key={w} className="confirm-row">
            <span className="confirm-label">
              {t('writeIn')}：{w}
            </span>
            <span className="confirm-mark mark-yes">{t('yes')}</span>
          </li>
        ))}
      </ul>
      <div className="confirm-actions">
        <button type="button" className="btn secondary xl" onClick={onBack}>
          {t('back')}
        </button>
        <button type="button" className="btn primary xl" onClick={onConfirm}>
          {t('confirm')}
        </button>
      </div>
    </div>
  );
}
