// 投屏 for the chair, on the sitting's votes page: choose a document of the sitting, a page and how much of it,
// and put it on the big screen; turn pages (上一页 / 下一页 move the screen at once); take it down. The screen
// follows over the live socket; a vote that opens afterwards takes the screen back.
import { useEffect, useState } from 'react';
import type { Projection, ProjectionView } from '../../../../shared/projection';
import { listDocuments } from '../../api/documents';
import { clearProjection, setProjection } from '../../api/projection';
import { useI18n } from '../../i18n/I18n';
import type { DictKey } from '../../i18n/dict';
import { Card, ErrorNote, Field } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';

const VIEWS: Array<[ProjectionView, DictKey]> = [
  ['page', 'projViewPage'],
  ['top', 'projViewTop'],
  ['bottom', 'projViewBottom'],
];

export function ProjectionControl({ sittingId, projection, onChange }: { sittingId: number; projection: Projection | null; onChange(p: Projection | null): void }) {
  const { t } = useI18n();
  const docs = useAsync(() => listDocuments(sittingId), [sittingId]);
  const usable = (docs.data ?? []).filter((d) => !d.withdrawn);
  const [docId, setDocId] = useState('');
  const [page, setPage] = useState(1);
  const [view, setView] = useState<ProjectionView>('page');
  const [error, setError] = useState<Error | null>(null);
  const chosen = usable.find((d) => String(d.id) === docId) ?? usable[0];
  const pages = chosen?.current.pages ?? 1;

  useEffect(() => {
    if (!projection) return;
    setDocId(String(projection.documentId));
    setPage(projection.page);
    setView(projection.view);
  }, [projection]);

  const act = async (work: () => Promise<Projection | null>) => {
    setError(null);
    try {
      onChange(await work());
    } catch (err) {
      setError(err as Error);
    }
  };
  const show = (n = page, v = view) => chosen && act(() => setProjection(sittingId, { documentId: chosen.id, page: n, view: v }));
  const turn = (d: number) => {
    const n = Math.min(pages, Math.max(1, page + d));
    setPage(n);
    if (projection) void show(n);
  };

  return (
    <Card title={t('projTitle')} className="projection-card">
      <p className={projection ? 'projection-now good' : 'projection-now muted'} data-testid="projection-now">
        {projection ? t('projNow', { title: projection.title, page: projection.page, pages: projection.pages }) : t('projNone')}
      </p>
      {docs.data && usable.length === 0 && <p className="muted">{t('projNoDocs')}</p>}
      {usable.length > 0 && (
        <div className="form-row">
          <Field label={t('projDocument')}>
            <select name="projection-document" value={chosen ? String(chosen.id) : ''} onChange={(e) => (setDocId(e.target.value), setPage(1))}>
              {usable.map((d) => (
                <option key={d.id} value={String(d.id)}>
                  {d.title}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('projPage')}>
            <input name="projection-page" type="number" min={1} max={pages} value={page} onChange={(e) => setPage(Math.min(pages, Math.max(1, Number(e.target.value) || 1)))} />
          </Field>
          <Field label={t('projView')}>
            <select name="projection-view" value={view} onChange={(e) => setView(e.target.value as ProjectionView)}>
              {VIEWS.map(([v, key]) => (
                <option key={v} value={v}>
                  {t(key)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <div className="toolbar">
        <button type="button" className="button" onClick={() => turn(-1)} disabled={page <= 1}>
          ‹ {t('projPageOf', { page: Math.max(1, page - 1), pages })}
        </button>
        <button type="button" className="button button-primary" onClick={() => void show()} disabled={!chosen}>
          {t('projShow')}
        </button>
        <button type="button" className="button" onClick={() => turn(1)} disabled={page >= pages}>
          {t('projPageOf', { page: Math.min(pages, page + 1), pages })} ›
        </button>
        {projection && (
          <button type="button" className="button button-danger" onClick={() => void act(async () => (await clearProjection(sittingId), null))}>
            {t('projStop')}
          </button>
        )}
      </div>
      <ErrorNote error={error} />
    </Card>
  );
}
