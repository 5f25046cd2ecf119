// Tells the clerk, plainly, when the live figures may be stale.
import type { ConnectionStatus } from '../../../shared/live-client';
import { useI18n } from '../i18n/I18n';

export function ConnectionBanner({ status, everLive }: { status: ConnectionStatus; everLive: boolean }) {
  const { t } = useI18n();
  if (status === 'live' || (status === 'connecting' && !everLive)) return null;
  const text = status === 'incompatible' ? t('liveIncompatible') : t('liveLost');
  return (
    <div className="connection-banner" role="status" aria-live="assertive">
      <span className="pulse" aria-hidden="true" />
      {text}
    </div>
  );
}
