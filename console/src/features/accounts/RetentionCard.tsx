// How long check-in evidence photos are kept (days). The check-in record itself stays; older photos are
// dropped at once when the period is shortened, and hourly after.
import { useEffect, useState, type FormEvent } from 'react';
import { RETENTION_DAYS } from '../../../../shared/retention';
import { getRetention, setRetention } from '../../api/staff';
import { useI18n } from '../../i18n/I18n';
import { Card, ErrorNote, Field } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';

export function RetentionCard() {
  const { t } = useI18n();
  const current = useAsync(getRetention, []);
  const [days, setDays] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data) setDays(String(current.data.evidenceRetentionDays));
  }, [current.data]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(days);
    const before = current.data?.evidenceRetentionDays ?? 0;
    // Out of range is said first: asking "缩短为 0 天后…确定？" and then refusing 0 wasted the admin's yes.
    if (!Number.isInteger(n) || n < RETENTION_DAYS.min || n > RETENTION_DAYS.max) {
      setSaved(false);
      return setError(new Error(t('retentionRange', { min: RETENTION_DAYS.min, max: RETENTION_DAYS.max })));
    }
    if (n < before && !window.confirm(t('retentionShorterConfirm', { n }))) return;
    try {
      await setRetention(n);
      setError(null);
      setSaved(true);
      current.reload();
    } catch (err) {
      setSaved(false);
      setError(err as Error);
    }
  };
  return (
    <Card title={t('retentionTitle')}>
      <form onSubmit={submit} className="stack" aria-label={t('retentionTitle')} noValidate>
        <p className="muted">{t('retentionWhy')}</p>
        <div className="form-row">
          <Field label={t('retentionDays')} hint={t('retentionHint')}>
            <input name="retentionDays" type="number" min={RETENTION_DAYS.min} max={RETENTION_DAYS.max} step={1} value={days} onChange={(e) => (setDays(e.target.value), setSaved(false))} />
          </Field>
          <button type="submit" className="button button-primary">
            {t('save')}
          </button>
          {saved && <span className="saved-note">{t('saved')}</span>}
        </div>
        <ErrorNote error={error} />
      </form>
    </Card>
  );
}
