// The roster: status (在任/暂停/终止, changeable), face enrolment (erasable by an admin), and a link to each
// deputy's record.
import { useState } from 'react';
import type { DeputyStatus } from '../../../../shared/types';
import type { DeputyView } from '../../../../shared/views';
import { eraseBiometrics, thumbnailUrl, updateDeputy } from '../../api/bodies';
import { useMay } from '../auth/session';
import { useI18n } from '../../i18n/I18n';
import type { DictKey } from '../../i18n/dict';
import { href } from '../../router';
import { Badge, Empty, ErrorNote } from '../../ui/kit';
import { DeputyPhotos } from './DeputyPhotos';

export const STATUS_KEYS: Record<DeputyStatus, DictKey> = {
  active: 'statusActive',
  suspended: 'statusSuspended',
  terminated: 'statusTerminated',
};

function StatusSelect({ deputy, onChanged, onError }: { deputy: DeputyView; onChanged(): void; onError(e: Error): void }) {
  const { t } = useI18n();
  const change = async (status: DeputyStatus) => {
    try {
      await updateDeputy(deputy.id, { status });
      onChanged();
    } catch (e) {
      onError(e as Error);
    }
  };
  return (
    <select
      className={`status-select status-${deputy.status}`}
      aria-label={t('status')}
      value={deputy.status}
      onChange={(e) => void change(e.target.value as DeputyStatus)}
    >
      {(Object.keys(STATUS_KEYS) as DeputyStatus[]).map((s) => (
        <option key={s} value={s}>
          {t(STATUS_KEYS[s])}
        </option>
      ))}
    </select>
  );
}

function EraseFaces({ deputy, onChanged, onError }: { deputy: DeputyView; onChanged(): void; onError(e: Error): void }) {
  const { t } = useI18n();
  const erase = async () => {
    if (!window.confirm(t('eraseFacesConfirm', { name: deputy.name }))) return;
    try {
      await eraseBiometrics(deputy.id);
      onChanged();
    } catch (e) {
      onError(e as Error);
    }
  };
  return (
    <button type="button" className="button button-small button-danger" onClick={() => void erase()}>
      {t('eraseFaces')}
    </button>
  );
}

/** `readOnly`: an archived congress's roster, shown as it was. */
export function DeputyTable({ deputies, onChanged, readOnly }: { deputies: DeputyView[]; onChanged(): void; readOnly?: boolean }) {
  const { t } = useI18n();
  const mayRole = useMay();
  const may = (right: Parameters<typeof mayRole>[0]) => !readOnly && mayRole(right);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<Error | null>(null);
  /** Changes when a photo is replaced, so the thumbnail is fetched again. */
  const [stamp, setStamp] = useState(0);
  const changedPhotos = () => {
    setStamp(Date.now());
    onChanged();
  };
  if (deputies.length === 0) return <Empty>{t('noDeputies')}</Empty>;
  const q = filter.trim();
  const shown = q ? deputies.filter((d) => d.name.includes(q) || d.cardNo.includes(q) || (d.delegation ?? '').includes(q)) : deputies;
  const enrolled = deputies.filter((d) => d.faces > 0).length;
  return (
    <div className="stack-sm">
      <div className="toolbar">
        <input type="search" placeholder={t('searchDeputy')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="muted">{t('facesEnrolledOf', { n: enrolled, total: deputies.length })}</span>
      </div>
      <ErrorNote error={error} />
      <table className="table" data-testid="deputy-table">
        <thead>
          <tr>
            <th>{t('photo')}</th>
            <th>{t('name')}</th>
            <th>{t('gender')}</th>
            <th>{t('delegation')}</th>
            <th>{t('cardNo')}</th>
            <th>{t('status')}</th>
            <th>{t('face')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((d) => (
            <tr key={d.id} className={d.status !== 'active' ? 'row-muted' : ''}>
              <td>{d.hasThumbnail ? <img className="thumb" src={`${thumbnailUrl(d.id)}?v=${stamp}`} alt="" loading="lazy" /> : <span className="thumb thumb-empty" />}</td>
              <td className="strong">{d.name}</td>
              <td>{d.gender ?? ''}</td>
              <td>{d.delegation ?? ''}</td>
              <td className="mono">{d.cardNo}</td>
              <td>
                {may('keepRecords') ? <StatusSelect deputy={d} onChanged={onChanged} onError={setError} /> : t(STATUS_KEYS[d.status])}
              </td>
              <td>
                {d.faces > 0 ? <Badge tone="good">{t('faceEnrolled', { n: d.faces })}</Badge> : <Badge>{t('faceNone')}</Badge>}
                {may('keepRecords') && <DeputyPhotos deputy={d} onChanged={changedPhotos} onError={setError} />}
                {may('administer') && (d.faces > 0 || d.hasThumbnail) && <EraseFaces deputy={d} onChanged={onChanged} onError={setError} />}
              </td>
              <td>
                <a href={href(`/reports/deputies/${d.id}`)}>{t('deputyRecord')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
