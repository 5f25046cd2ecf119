// The sitting's recent face refusals (door and seat tablets), newest first: who was turned away where and why, so a
// clerk can walk over and check the person in by hand (人工补签). Refreshed every few seconds and when attendance moves.
import { useEffect } from 'react';
import type { FaceRefusalView } from '../../../../shared/views';
import { getRefusals, refusalFrameUrl } from '../../api/attendance';
import { useI18n } from '../../i18n/I18n';
import type { DictKey } from '../../i18n/dict';
import { Card, Empty } from '../../ui/kit';
import { formatTime } from '../../ui/format';
import { useAsync } from '../../ui/use-async';

const REFRESH_MS = 5000;
const SHOWN = 8;

export function DoorRefusals({ sittingId, changed }: { sittingId: number; changed: string }) {
  const { t } = useI18n();
  const list = useAsync(() => getRefusals(sittingId), [sittingId]);
  const { reload } = list;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    reload();
  }, [changed, reload]);
  const rows: FaceRefusalView[] = (list.data ?? []).slice(0, SHOWN);
  return (
    <Card title={t('refusalsTitle')} className="refusals">
      {rows.length === 0 ? (
        <Empty>{t('refusalsNone')}</Empty>
      ) : (
        <table className="table" data-refusals={rows.length}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-reason={r.reason}>
                <td className="time">{formatTime(r.at)}</td>
                <td>{r.deviceName ?? `${t('refusalDevice')} ${r.deviceId}`}</td>
                <td>{t(`refusal_${r.reason}` as DictKey)}</td>
                <td>{r.hasFrame && <img className="refusal-frame" src={refusalFrameUrl(sittingId, r.id)} alt="" loading="lazy" height={48} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
