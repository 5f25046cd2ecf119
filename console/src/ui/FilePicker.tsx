// A file input that speaks the console's language (the browser's own button follows the OS locale).
import { useI18n } from '../i18n/I18n';

export function FilePicker({ label, hint, name, accept, file, onChange }: { label: string; hint?: string; name: string; accept: string; file: File | null; onChange(file: File | null): void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      <label className={`file-picker ${file ? 'has-file' : ''}`}>
        <input type="file" name={name} accept={accept} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
        <span className="button button-small">{t('chooseFile')}</span>
        <span className="file-name">{file?.name ?? t('noFileChosen')}</span>
      </label>
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );
}
