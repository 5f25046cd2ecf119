// 当前议程 at the seat: the item the chair has set (title, kind, presenter), large when no vote is open, and as one
// compact line above the ballot so a deputy knows which item the vote belongs to.
import { AGENDA_KIND_LABELS, currentItem, type AgendaEntry } from '../../../../shared/agenda';
import type { MeetingState } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';

/** The tablet's sitting's current item in its live state, or null. */
export const currentOf = (state: MeetingState | null, sittingId: number | null) =>
  currentItem(state?.agenda?.find((a) => a.sittingId === sittingId));

export function CurrentItem({ item, compact }: { item: AgendaEntry | null; compact?: boolean }) {
  const { t, lang } = useI18n();
  if (!item) return null;
  const kind = AGENDA_KIND_LABELS[item.kind][lang];
  const presenter = item.presenter && t('presenter', { name: item.presenter });
  if (compact) {
    return (
      <div className="current-item compact" data-current-item={item.id}>
        <span className="current-label">{t('currentItem')}</span>
        <span className="tag subtle">{kind}</span>
        <span className="current-title">{item.title}</span>
        {presenter && <span className="current-presenter">{presenter}</span>}
      </div>
    );
  }
  return (
    <section className="current-item" data-current-item={item.id} aria-label={t('currentItem')}>
      <div className="tags">
        <span className="current-label">{t('currentItem')}</span>
        <span className="tag">{kind}</span>
      </div>
      <h1 className="current-title">{item.title}</h1>
      {presenter && <p className="current-presenter">{presenter}</p>}
    </section>
  );
}
