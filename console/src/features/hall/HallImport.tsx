// Import of an Excel 座次表: the good lines are added, each bad line is listed with its number, as the roster's import does.
import { useState, type FormEvent } from 'react';
import { importHall, type HallImportReport } from '../../api/hall';
import { useI18n } from '../../i18n/I18n';
import { Badge, Card, ErrorNote } from '../../ui/kit';
import { FilePicker } from '../../ui/FilePicker';

function Report({ report }: { report: HallImportReport }) {
  const { t } = useI18n();
  return (
    <div className="import-report" data-testid="hall-import-report">
      <div className="chips">
        <Badge tone="good">{t('hallImported', { sections: report.sections, seats: report.seats })}</Badge>
        <Badge tone={report.errors.length ? 'bad' : 'good'}>{t('importProblems', { n: report.errors.length })}</Badge>
      </div>
      {report.errors.length === 0 ? (
        <p className="ok-line">{t('importAllGood')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('rowNo')}</th>
              <th>{t('problemReason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e) => (
              <tr key={e.row}>
                <td>{e.row}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function HallImport({ bodyId, onImported }: { bodyId: number; onImported(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [report, setReport] = useState<HallImportReport | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await importHall(bodyId, file));
      onImported();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('hallImport')}>
      <form onSubmit={submit} className="form-grid">
        <FilePicker label={t('hallImport')} hint=".xlsx" name="hall" accept=".xlsx" file={file} onChange={setFile} />
        <div>
          <button className="button button-primary" type="submit" disabled={busy || !file}>
            {t('hallImportButton')}
          </button>
        </div>
      </form>
      <ErrorNote error={error} />
      {report && <Report report={report} />}
    </Card>
  );
}
