// The hall editor (会场座位) of a body: sections made from rows × seats per row or imported from a 座次表, drawn seat by seat.
import { useState, type FormEvent } from 'react';
import type { SectionKind } from '../../../../shared/hall';
import { addSection, getHall, removeSection } from '../../api/hall';
import { getBody } from '../../api/bodies';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../router';
import { Card, Empty, ErrorNote, Field, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { useMay } from '../auth/session';
import { HallGrid } from './HallGrid';
import { HallImport } from './HallImport';

function SectionForm({ bodyId, onAdded }: { bodyId: number; onAdded(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('代表席');
  const [kind, setKind] = useState<SectionKind>('floor');
  const [rows, setRows] = useState(10);
  const [seats, setSeats] = useState(20);
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await addSection(bodyId, { name: name.trim(), kind, rows, seatsPerRow: seats });
      onAdded();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <Card title={t('addSection')}>
      <form onSubmit={submit} className="form-grid" data-testid="section-form">
        <Field label={t('sectionName')}>
          <input name="sectionName" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label={t('sectionKind')}>
          <select name="sectionKind" value={kind} onChange={(e) => setKind(e.target.value as SectionKind)}>
            <option value="podium">{t('kindPodium')}</option>
            <option value="floor">{t('kindFloor')}</option>
          </select>
        </Field>
        <Field label={t('sectionRows')}>
          <input name="rows" type="number" min={1} max={200} value={rows} onChange={(e) => setRows(Number(e.target.value))} />
        </Field>
        <Field label={t('seatsPerRow')}>
          <input name="seatsPerRow" type="number" min={1} max={200} value={seats} onChange={(e) => setSeats(Number(e.target.value))} />
        </Field>
        <div>
          <button className="button button-primary" type="submit">
            {t('addSection')}
          </button>
        </div>
      </form>
      <ErrorNote error={error} />
    </Card>
  );
}

export function HallPage({ bodyId }: { bodyId: number }) {
  const { t } = useI18n();
  const may = useMay()('keepRecords');
  const body = useAsync(() => getBody(bodyId), [bodyId]);
  const hall = useAsync(() => getHall(bodyId), [bodyId]);
  const [error, setError] = useState<Error | null>(null);
  const remove = async (id: number, name: string) => {
    if (!confirm(t('removeSectionConfirm', { name }))) return;
    setError(null);
    await removeSection(id).then(hall.reload, (e: Error) => setError(e));
  };
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <div className="crumbs">
            <a href={href('/')}>{t('navHome')}</a> / <a href={href(`/bodies/${bodyId}`)}>{body.data?.name}</a> /
          </div>
          <h1 className="page-title">{t('hallTitle')}</h1>
          <p className="muted">{t('hallIntro')}</p>
        </div>
      </div>
      {may && (
        <div className="grid-2">
          <SectionForm bodyId={bodyId} onAdded={hall.reload} />
          <HallImport bodyId={bodyId} onImported={hall.reload} />
        </div>
      )}
      <Card title={t('hallTitle')}>
        <ErrorNote error={hall.error ?? error} />
        {!hall.data ? <Loading /> : hall.data.sections.length === 0 ? <Empty>{t('hallEmpty')}</Empty> : null}
        {hall.data?.sections.map((s) => (
          <div key={s.id} className="hall-section-head" data-testid="hall-section">
            <strong>{s.name}</strong> <span className="muted">{t('sectionSummary', { rows: s.rows, seats: s.seats.length })}</span>
            {may && (
              <button type="button" className="button button-small button-ghost" onClick={() => void remove(s.id, s.name)}>
                {t('removeSection')}
              </button>
            )}
          </div>
        ))}
        {hall.data && hall.data.sections.length > 0 && <HallGrid hall={hall.data} look={() => ({})} className="hall-plain" />}
      </Card>
    </div>
  );
}
