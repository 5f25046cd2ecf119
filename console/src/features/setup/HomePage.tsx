// Start screen: the bodies (届) and their meetings; create a body.
import { useState, type FormEvent } from 'react';
import { createBody, listArchivedBodies, listBodies } from '../../api/bodies';
import type { BodyView } from '../../../../shared/views';
import { listMeetings } from '../../api/meetings';
import { useI18n } from '../../i18n/I18n';
import { href, navigate } from '../../router';
import { Card, Empty, ErrorNote, Field, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { useMay } from '../auth/session';

function CreateBodyForm() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const body = await createBody({ name: name.trim() });
      navigate(`/bodies/${body.id}`);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form onSubmit={submit} className="form-row">
      <Field label={t('bodyName')} hint={t('bodyNameHint')}>
        <input name="bodyName" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('bodyNamePlaceholder')} required />
      </Field>
      <button className="button button-primary" type="submit">
        {t('createBody')}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}

/** Archived congresses, for admins: off the lists, never out of reach (their records stay readable and printable). */
function ArchivedBodies() {
  const { t } = useI18n();
  const archived = useAsync(listArchivedBodies, []);
  if (!archived.data?.length) return null;
  return (
    <details className="archived-bodies" data-testid="archived-bodies">
      <summary>{t('archivedBodies', { n: archived.data.length })}</summary>
      <BodyLinks bodies={archived.data} />
    </details>
  );
}

function BodyLinks({ bodies }: { bodies: BodyView[] }) {
  const { t } = useI18n();
  return (
    <ul className="link-list">
      {bodies.map((b) => (
        <li key={b.id}>
          <a href={href(`/bodies/${b.id}`)}>
            <strong>{b.name}</strong>
            <span className="muted">{t('deputiesInOffice', { n: b.inOffice, total: b.deputies })}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const bodies = useAsync(listBodies, []);
  const meetings = useAsync(listMeetings, []);
  const may = useMay();
  return (
    <div className="stack">
      <h1 className="page-title">{t('homeTitle')}</h1>
      <div className="grid-2">
        <Card title={t('bodies')}>
          {bodies.loading && !bodies.data && <Loading />}
          <ErrorNote error={bodies.error} />
          {bodies.data?.length === 0 && <Empty>{t('noBodies')}</Empty>}
          {bodies.data && <BodyLinks bodies={bodies.data} />}
          {may('administer') && <CreateBodyForm />}
          {may('administer') && <ArchivedBodies />}
        </Card>
        <Card title={t('meetings')}>
          {meetings.loading && !meetings.data && <Loading />}
          <ErrorNote error={meetings.error} />
          {meetings.data?.length === 0 && <Empty>{t('noMeetings')}</Empty>}
          <ul className="link-list">
            {meetings.data?.map((m) => (
              <li key={m.id}>
                <a href={href(`/meetings/${m.id}`)}>
                  <strong>{m.name}</strong>
                  <span className="muted">
                    {m.bodyName} · {t('sittingsCount', { n: m.sittings.length })}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
