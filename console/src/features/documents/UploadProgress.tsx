// Upload progress: the bar fills as bytes leave the browser; once all are sent the server checks the PDF.
import { useI18n } from '../../i18n/I18n';

export function UploadProgress({ fraction }: { fraction: number | null }) {
  const { t } = useI18n();
  if (fraction === null) return null;
  const pct = Math.floor(fraction * 100);
  return (
    <div className="upload-progress" data-testid="upload-progress">
      <progress max={100} value={pct} aria-label={t('docsUploading', { pct })} />
      <span>{pct >= 100 ? t('docsChecking') : t('docsUploading', { pct })}</span>
    </div>
  );
}
