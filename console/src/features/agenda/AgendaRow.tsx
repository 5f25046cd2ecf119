// One agenda item in the editor: number, kind, title, presenter, its votes; 上移/下移, 编辑, 删除 (only an item that
// holds nothing) for those who edit the agenda, 设为当前议程 for the chair. The server still refuses what a role may not do.
import { useState } from 'react';
import { AGENDA_KIND_LABELS } from '../../../../shared/agenda';
import type { AgendaItemView } from '../../../../shared/views';
import { useI18n } from '../../i18n/I18n';
import { Badge } from '../../ui/kit';
import { AgendaItemForm } from './AgendaItemForm';
import { editAgendaItem } from '../../api/agenda';

export interface RowActions {
  mayEdit: boolean;
  mayMove: boolean;
  first: boolean;
  last: boolean;
  move(delta: -1 | 1): Promise<void>;
  remove(): Promise<void>;
  setCurrent(current: boolean): Promise<void>;
}

export function AgendaRow({ item, actions: a }: { item: AgendaItemView; actions: RowActions }) {
  const { t, pick } = useI18n();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState(false);
  const held = item.votes.length > 0;
  if (editing) {
    return (
      <li className="agenda-item editing" data-item={item.id}>
        <AgendaItemForm
          initial={item}
          submitLabel={t('agendaSave')}
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            await editAgendaItem(item.id, input);
            setEditing(false);
          }}
        />
      </li>
    );
  }
  return (
    <li className={`agenda-item ${item.current ? 'current' : ''}`} data-item={item.id} data-current={item.current || undefined}>
      <span className="agenda-no">{item.position}</span>
      <div className="agenda-body">
        <div className="agenda-line">
          <Badge tone="info">{pick(AGENDA_KIND_LABELS[item.kind])}</Badge>
          <strong className="agenda-item-title">{item.title}</strong>
          {item.current && <Badge tone="good">{t('agendaCurrent')}</Badge>}
        </div>
        <div className="muted small">
          {item.presenter && <span className="agenda-presenter">{t('presenterLine', { name: item.presenter })}</span>}
          {held && <span> {t('agendaVotes', { n: item.votes.length })}</span>}
        </div>
        {asking && (
          <div className="agenda-ask" role="alert">
            {t('agendaDeleteAsk', { title: item.title })}
            <button type="button" className="button button-danger button-small" onClick={() => void a.remove()}>
              {t('agendaDeleteYes')}
            </button>
            <button type="button" className="button button-small" onClick={() => setAsking(false)}>
              {t('cancel')}
            </button>
          </div>
        )}
      </div>
      <div className="agenda-actions">
        {a.mayMove &&
          (item.current ? (
            <button type="button" className="button button-small" onClick={() => void a.setCurrent(false)}>
              {t('agendaClearCurrent')}
            </button>
          ) : (
            <button type="button" className="button button-primary button-small" onClick={() => void a.setCurrent(true)}>
              {t('agendaSetCurrent')}
            </button>
          ))}
        {a.mayEdit && (
          <>
            <button type="button" className="button button-small" disabled={a.first} aria-label={t('agendaUp')} onClick={() => void a.move(-1)}>
              ↑ {t('agendaUp')}
            </button>
            <button type="button" className="button button-small" disabled={a.last} aria-label={t('agendaDown')} onClick={() => void a.move(1)}>
              ↓ {t('agendaDown')}
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(true)}>
              {t('agendaEdit')}
            </button>
            <button type="button" className="button button-small button-danger-text" disabled={held} title={held ? t('agendaHeld') : undefined} onClick={() => setAsking(true)}>
              {t('agendaDelete')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
