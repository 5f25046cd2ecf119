// Roster import from a spreadsheet (.xlsx/.csv) with an optional photo zip, run on the server as a job: the card
// shows photos done / total and the problems found so far, and picks the job up again when the clerk comes back
// to the page. When done, the per-row report of what failed.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ImportJobView } from '../../../../shared/import-job';
import { getImportJob, latestImportJob, startRosterImport } from '../../api/bodies';
import { useI18n } from '../../i18n/I18n';
import { Card, ErrorNote } from '../../ui/kit';
import { FilePicker } from '../../ui/FilePicker';
import { ImportReport } from './ImportReport';

const POLL_MS = 1000;

/** Follows a job until it ends; answers the latest state. */
function useImportJob(bodyId: number, onDone: () => void) {
  const [job, setJob] = useState<ImportJobView | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    let live = true;
    void latestImportJob(bodyId).then((j) => live && setJob(j), () => undefined);
    return () => void (live = false);
  }, [bodyId]);
  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(() => {
      void getImportJob(job.id).then(
        (next) => {
          setJob(next);
          if (next.state === 'done') done.current();
        },
        // Gone (the server restarted: it says what became of the job) or unreachable (try again).
        () =>
          void latestImportJob(bodyId).then(
            (latest) => {
              setJob(latest ?? { ...job });
              if (latest?.state === 'interrupted') done.current(); // the rows it imported are in the roster
            },
            () => setJob({ ...job }),
          ),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, bodyId]);
  return [job, setJob] as const;
}

export function RosterImport({ bodyId, onImported }: { bodyId: number; onImported(): void }) {
  const { t } = useI18n();
  const [roster, setRoster] = useState<File | null>(null);
  const [photos, setPhotos] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [job, setJob] = useImportJob(bodyId, onImported);
  const running = uploading || job?.state === 'running';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setJob(null); // the last import's report does not belong under this one's answer
    if (!roster) return setError(new Error(t('chooseRoster')));
    setUploading(true);
    setError(null);
    try {
      setJob(await startRosterImport(bodyId, roster, photos));
    } catch (err) {
      setError(err as Error);
    } finally {
      setUploading(false);
    }
  };
  const p = job?.progress;
  return (
    <Card title={t('importRoster')}>
      <p className="muted small">{t('importHelp')}</p>
      <form onSubmit={submit} className="form-grid">
        <FilePicker label={t('rosterFile')} hint=".xlsx / .csv" name="roster" accept=".xlsx,.csv" file={roster} onChange={setRoster} />
        <FilePicker label={t('photosZip')} hint={t('photosZipHint')} name="photos" accept=".zip" file={photos} onChange={setPhotos} />
        <div>
          <button className="button button-primary" type="submit" disabled={running}>
            {uploading ? t('uploading') : running ? t('importing') : t('import')}
          </button>
        </div>
      </form>
      <ErrorNote error={error} />
      {job?.state === 'running' && p && (
        <div className="import-progress" data-testid="import-progress" role="status">
          <div className="progress" aria-hidden="true">
            <div style={{ width: `${p.photosTotal ? (p.photosDone / p.photosTotal) * 100 : 0}%` }} />
          </div>
          <p>
            {t('importProgress', { done: p.photosDone, total: p.photosTotal, problems: p.rowErrors.length + p.photoFailures.length, file: job.fileName })}
          </p>
          <p className="muted small">{t('importLeaveOk')}</p>
        </div>
      )}
      {(job?.state === 'failed' || job?.state === 'interrupted') && <ErrorNote error={job.error} />}
      {(job?.state === 'running' || job?.state === 'interrupted') && p && p.photoFailures.length + p.rowErrors.length > 0 && (
        <ImportReport report={{ created: p.created, updated: p.updated, errors: p.rowErrors, photos: { enrolled: 0, failed: p.photoFailures } }} withPhotos={false} partial />
      )}
      {job?.state === 'done' && job.report && <ImportReport report={job.report} withPhotos={job.report.photos.photos > 0 || job.report.photos.failed.length > 0} />}
    </Card>
  );
}
