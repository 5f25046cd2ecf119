// Codes a clerk typed that no tablet has claimed yet: only their count and a button to clear them, apart from the
// device list (a tablet that only waits stores nothing on the server, so this count is the clerks' own typing).
import { clearPendingCodes, listPendingCodes } from '../../api/devices';
import { useI18n } from '../../i18n/I18n';
import { useAsync } from '../../ui/use-async';

export function PendingCodes({ refreshKey }: { refreshKey: unknown }) {
  const { t } = useI18n();
  const pending = useAsync(listPendingCodes, [refreshKey]);
  const n = pending.data?.length ?? 0;
  if (n === 0) return null;
  return (
    <p className="muted" data-testid="pending-codes">
      {t('pendingCodes', { n })}{' '}
      <button type="button" className="button button-small" onClick={() => void clearPendingCodes().then(pending.reload)}>
        {t('clearPending')}
      </button>
    </p>
  );
}
