// Archive a congress (admins): type its name to confirm. It leaves every list and tablet picker; its records stay.
import { useState, type FormEvent } from 'react';
import type { BodyView } from '../../../../shared/views';
import { archiveBody } from '../../api/bodies';
import { useI18n } from '../../i18n/I18n';
import { navigate } from '../../router';
import { Card, ErrorNote, Field } from '../../ui/kit';

export function ArchiveBodyCard({ body }: { body: BodyView }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await archiveBody(body.id, typed);
      navigate('/');
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <Card title={t('archiveBody')} className="danger-card">
      <form onSubmit={submit} className="stack" aria-label={t('archiveBody')}>
        <p className="muted small">{t('archiveBodyWhy')}</p>
        <Field label={t('archiveTypeName', { name: body.name })}>
          <input name="confirmName" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </Field>
        <ErrorNote error={error} />
        <div>
          <button type="submit" className="button button-danger" disabled={typed.trim() !== body.name}>
            {t('archiveBody')}
          </button>
        </div>
      </form>
    </Card>
  );
}
