import type { DeviceView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { meetingLine } from '../../realtime/meeting-line';
import type { Live } from '../../realtime/use-live';
import { TopBar } from '../../ui/TopBar';

/** Big-screen mode: the view itself is the console's (/console/#/screen/<meetingId>). */
export function ScreenPlaceholder({ device, live }: { device: DeviceView; live: Live }) {
  const { t } = useI18n();
  const href = device.meetingId ? `/console/#/screen/${device.meetingId}` : null;
  return (
    <div className="app">
      <TopBar title={t('screenTitle')} subtitle={meetingLine(live.state, device)} />
      <main className="screen center" data-screen="screen">
        <h1 className="huge">{t('screenTitle')}</h1>
        <p className="lead">{href ? t('screenHint') : t('noSitting')}</p>
        {href && (
          <a className="btn primary xl" href={href}>
            {t('screenOpen')}
          </a>
        )}
      </main>
    </div>
  );
}
