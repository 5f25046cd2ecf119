// Roster import from a spreadsheet (.xlsx/.csv) with an optional photo zip; then a per-row report of what failed.
import { useState, type FormEvent } from 'react';
import { importRosterFile, type FileImportReport } from '../../api/bodies';
import { useI18n } from '../../i18n/I18n';
import { Card, ErrorNote } from '../../ui/kit';
import { FilePicker } from '../../ui/FilePicker';
import { ImportReport } from './ImportReport';

export function RosterImport({ bodyId, onImported }: { bodyId: number; onImported(): void }) {
  const { t } = useI18n();
  const [roster, setRoster] = useState<File | null>(null);
  const [photos, setPhotos] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [report, setReport] = useState<FileImportReport | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!roster) return setError(new Error(t('chooseRoster')));
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await importRosterFile(bodyId, roster, photos));
      onImported();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('importRoster')}>
      <p className="muted small">{t('importHelp')}</p>
      <form onSubmit={submit} className="form-grid">
        <FilePicker label={t('rosterFile')} hint=".xlsx / .csv" name="roster" accept=".xlsx,.csv" file={roster} onChange={setRoster} />
        <FilePicker label={t('photosZip')} hint={t('photosZipHint')} name="photos" accept=".zip" file={photos} onChange={setPhotos} />
        <div>
          <button className="button button-primary" type="submit" disabled={busy}>
            {busy ? t('importing') : t('import')}
          </button>
        </div>
      </form>
      <ErrorNote error={error} />
      {report && <ImportReport report={report} withPhotos={!!photos} />}
    </Card>
  );
}
