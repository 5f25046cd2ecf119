// Fixing one deputy's photos without re-importing the roster: pick one or more photos; the server checks each
// (one clear face of usable size) and replaces the enrolled faces when at least one is good.
import { useState } from 'react';
import type { DeputyView } from '../../../../shared/views';
import { uploadDeputyPhotos } from '../../api/bodies';
import { useI18n } from '../../i18n/I18n';

export function DeputyPhotos({ deputy, onChanged, onError }: { deputy: DeputyView; onChanged(): void; onError(e: Error): void }) {
  const { t, server } = useI18n();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setNote(null);
    try {
      const { stored, failed } = await uploadDeputyPhotos(deputy.id, files);
      const problems = failed.map((f) => `${f.file}${t('colon')}${server(f.message).replace(`${deputy.name}:`, '')}`);
      setNote([stored > 0 ? t('photosStored', { n: stored }) : '', ...problems].filter(Boolean).join(t('listSep')));
      if (stored > 0) onChanged();
    } catch (e) {
      onError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="deputy-photos">
      <label className={`button button-small ${busy ? 'disabled' : ''}`} title={t('uploadPhotosHint')}>
        {busy ? t('photosRecognising') : t('uploadPhotos')}
        <input
          type="file"
          name={`photos-${deputy.id}`}
          accept="image/*"
          multiple
          hidden
          disabled={busy}
          onChange={(e) => {
            void upload([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </label>
      {note && (
        <span className="small muted" data-testid="photo-upload-note">
          {note}
        </span>
      )}
    </span>
  );
}
