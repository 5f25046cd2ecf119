// The current agenda item (当前议程) on the big screen, large enough for the back of the hall: kind, title, presenter.
import { AGENDA_KIND_LABELS, type AgendaEntry } from '../../../../shared/agenda';
import { useI18n } from '../../i18n/I18n';

export function ScreenAgenda({ item }: { item: AgendaEntry }) {
  const { t, pick } = useI18n();
  return (
    <div className="screen-agenda" data-testid="screen-agenda" data-item={item.id}>
      <div className="screen-agenda-label">{t('agendaCurrent')}</div>
      <div className="screen-kind">
        {t('agendaItemNo', { n: item.position })} · {pick(AGENDA_KIND_LABELS[item.kind])}
      </div>
      <h1 className="screen-agenda-title">{item.title}</h1>
      {item.presenter && <div className="screen-agenda-presenter">{t('presenterLine', { name: item.presenter })}</div>}
    </div>
  );
}
