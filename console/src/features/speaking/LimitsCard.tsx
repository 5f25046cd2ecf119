// 发言时间: minutes per speech for the sitting (大会发言 5 分钟) and for the current item (审议 3 分钟); a speech takes
// its item's time, else the sitting's, fixed when the floor is given.
import { useEffect, useState, type FormEvent } from 'react';
import type { AgendaEntry } from '../../../../shared/agenda';
import type { SpeechLimits } from '../../../../shared/speaking';
import { setSpeechLimit } from '../../api/speaking';
import { useI18n } from '../../i18n/I18n';
import { ErrorNote } from '../../ui/kit';

const minutes = (seconds: number | undefined) => (seconds === undefined ? '' : String(seconds / 60));

export function LimitsCard({ sittingId, limits, item }: { sittingId: number; limits: SpeechLimits; item: AgendaEntry | null }) {
  const { t } = useI18n();
  const itemLimit = item ? limits.items[String(item.id)] : undefined;
  const [sitting, setSitting] = useState(minutes(limits.sitting));
  const [forItem, setForItem] = useState(minutes(itemLimit));
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => setSitting(minutes(limits.sitting)), [limits.sitting]);
  useEffect(() => setForItem(minutes(itemLimit)), [itemLimit]);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await setSpeechLimit(sittingId, Math.round(Number(sitting) * 60));
      if (item) await setSpeechLimit(sittingId, forItem.trim() ? Math.round(Number(forItem) * 60) : null, item.id);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form className="card speak-limits" onSubmit={save} data-testid="speak-limits">
      <h2 className="card-title">{t('speakingLimits')}</h2>
      <label className="field">
        <span className="field-label">{t('speakingLimitSitting')}</span>
        <input type="number" min={0.5} max={60} step={0.5} name="sittingMinutes" value={sitting} onChange={(e) => setSitting(e.target.value)} />
      </label>
      {item && (
        <label className="field">
          <span className="field-label">
            {t('speakingLimitItem')}：{item.title}
          </span>
          <input type="number" min={0.5} max={60} step={0.5} name="itemMinutes" value={forItem} onChange={(e) => setForItem(e.target.value)} />
        </label>
      )}
      <button type="submit" className="button">
        {t('speakingSave')}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
