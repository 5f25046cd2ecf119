// One paired tablet: change its mode, sitting or seat in place, or revoke it.
import { useState } from 'react';
import type { DeviceView } from '../../../../shared/views';
import { removeDevice, revokeDevice, updateDevice } from '../../api/devices';
import { useI18n } from '../../i18n/I18n';
import { Badge, ErrorNote } from '../../ui/kit';
import { formatDateTime } from '../../ui/format';
import { ModeSelect, SittingSelect, type SittingChoice } from './DevicePickers';
import { SeatSelect, useSeatChoices } from './SeatSelect';

export function DeviceRow({ device: d, sittings, onChanged }: { device: DeviceView; sittings: SittingChoice[]; onChanged(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<Error | null>(null);
  const revoked = d.status === 'revoked';
  // A seat tablet's seat is changed in place, from its sitting's hall (a clerk moving it to another seat).
  const choices = useSeatChoices(d.mode === 'seat' ? d.sittingId : null);
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <tr className={revoked ? 'row-muted' : ''}>
      <td className="strong">
        {d.name}
        <ErrorNote error={error} />
      </td>
      <td>
        <ModeSelect value={d.mode} disabled={revoked} onChange={(mode) => void act(() => updateDevice(d.id, { mode }))} />
      </td>
      <td>
        <SittingSelect value={d.sittingId} sittings={sittings} disabled={revoked} onChange={(sittingId) => void act(() => updateDevice(d.id, { sittingId }))} />
      </td>
      <td className={d.seat ? undefined : 'muted small'}>
        {choices && choices.length > 0 && !revoked ? (
          <SeatSelect value={d.seatId} choices={choices} onChange={(seatId) => void act(() => updateDevice(d.id, { seatId }))} />
        ) : (
          (d.seat ?? (d.mode === 'seat' ? t('noSeat') : ''))
        )}
      </td>
      <td>
        {revoked ? (
          <Badge tone="bad">{t('deviceRevoked')}</Badge>
        ) : d.online ? (
          <Badge tone="good">{t('deviceOnline')}</Badge>
        ) : (
          <Badge tone="neutral">{t('deviceOffline')}</Badge>
        )}
      </td>
      <td className="muted small" data-testid="last-seen">
        {d.lastSeenAt ? formatDateTime(d.lastSeenAt) : t('neverSeen')}
      </td>
      <td>
        {revoked && (
          <button type="button" className="button button-small button-ghost" onClick={() => window.confirm(t('removeConfirm', { name: d.name })) && void act(() => removeDevice(d.id))}>
            {t('removeDevice')}
          </button>
        )}
        {!revoked && (
          <button
            type="button"
            className="button button-small button-ghost button-danger-text"
            onClick={() => window.confirm(t('revokeConfirm', { name: d.name })) && void act(() => revokeDevice(d.id))}
          >
            {t('revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}
