// One agenda item's title, kind (报告/审议/表决/选举/询问/其他) and presenter (汇报人): to add an item or edit one.
import { useState, type FormEvent } from 'react';
import { AGENDA_KINDS, AGENDA_KIND_LABELS, type AgendaKind } from '../../../../shared/agenda';
import type { CreateAgendaItem } from '../../../../shared/schemas/agenda';
import { useI18n } from '../../i18n/I18n';
import { ErrorNote, Field } from '../../ui/kit';

export interface ItemFields {
  title: string;
  kind: AgendaKind;
  presenter: string | null;
}

export function AgendaItemForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: ItemFields;
  submitLabel: string;
  onSubmit(input: Required<CreateAgendaItem>): Promise<void>;
  onCancel?: () => void;
}) {
  const { t, pick } = useI18n();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [kind, setKind] = useState<AgendaKind>(initial?.kind ?? 'report');
  const [presenter, setPresenter] = useState(initial?.presenter ?? '');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ title: title.trim(), kind, presenter: presenter.trim() });
      if (!initial) {
        setTitle('');
        setPresenter('');
      }
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="form-grid agenda-form" data-testid={initial ? 'agenda-edit-form' : 'agenda-add-form'}>
      <div className="form-grid form-grid-3">
        <Field label={t('agendaItemTitle')}>
          <input name="agendaTitle" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </Field>
        <Field label={t('agendaKind')}>
          <select name="agendaKind" value={kind} onChange={(e) => setKind(e.target.value as AgendaKind)}>
            {AGENDA_KINDS.map((k) => (
              <option key={k} value={k}>
                {pick(AGENDA_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('agendaPresenter')} hint={t('agendaPresenterHint')}>
          <input name="agendaPresenter" value={presenter} onChange={(e) => setPresenter(e.target.value)} maxLength={100} />
        </Field>
      </div>
      <ErrorNote error={error} />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
