// Tablets: pair one by typing the 6-digit code it shows, then set its mode (door / seat / screen) and sitting,
// or revoke it.
import { useEffect } from 'react';
import { listDevices } from '../../api/devices';
import { listMeetings } from '../../api/meetings';
import { useI18n } from '../../i18n/I18n';
import { Card, Empty, ErrorNote, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { PairForm } from './PairForm';
import { DeviceRow } from './DeviceRow';
import type { SittingChoice } from './DevicePickers';
import { PendingCodes } from './PendingCodes';

const REFRESH_MS = 5000;

/** `initialCode`: from a tablet's QR code (#/devices?code=123456), filled into the pairing form. */
export function DevicesPage({ initialCode }: { initialCode?: string | null }) {
  const { t } = useI18n();
  const devices = useAsync(listDevices, []);
  // Online / offline and last seen follow the tablets without a manual refresh.
  useEffect(() => {
    const timer = setInterval(devices.reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [devices.reload]);
  const meetings = useAsync(listMeetings, []);
  const sittings: SittingChoice[] = (meetings.data ?? []).flatMap((m) => m.sittings.map((s) => ({ id: s.id, label: `${m.bodyName} · ${m.name} · ${s.name}` })));
  const list = devices.data?.filter((d) => d.status !== 'pending') ?? [];
  return (
    <div className="stack">
      <h1 className="page-title">{t('devicesTitle')}</h1>
      <PairForm sittings={sittings} onPaired={devices.reload} initialCode={initialCode} />
      <PendingCodes refreshKey={devices.data} />
      <Card title={t('pairedDevices')} actions={<button type="button" className="button button-small" onClick={devices.reload}>{t('refresh')}</button>}>
        <ErrorNote error={devices.error} />
        {!devices.data && <Loading />}
        {devices.data && list.length === 0 && <Empty>{t('noDevices')}</Empty>}
        {list.length > 0 && (
          <table className="table" data-testid="device-table">
            <thead>
              <tr>
                <th>{t('deviceName')}</th>
                <th>{t('deviceMode')}</th>
                <th>{t('sitting')}</th>
                <th>{t('seat')}</th>
                <th>{t('status')}</th>
                <th>{t('lastSeen')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <DeviceRow key={d.id} device={d} sittings={sittings} onChanged={devices.reload} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
