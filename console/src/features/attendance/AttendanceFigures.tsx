// 应到 / 实到 / 请假 / 缺席 in large figures, and whether the quorum is met.
import type { AttendanceSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n/I18n';
import { Figure } from '../../ui/kit';

export function AttendanceFigures({ summary: s }: { summary: AttendanceSummary }) {
  const { t } = useI18n();
  return (
    <div className="figures-panel" data-testid="attendance-figures">
      <div className="figures">
        <Figure label={t('expected')} value={s.expected} />
        <Figure label={t('present')} value={s.present} tone="good" />
        <Figure label={t('onLeave')} value={s.onLeave} tone="warn" />
        <Figure label={s.started ? t('absent') : t('notArrived')} value={s.absent} tone={s.started ? 'bad' : 'neutral'} />
      </div>
      <div className={`quorum ${s.quorum.met ? 'quorum-met' : 'quorum-short'}`} data-testid="quorum">
        {/* With no deputy on the roster, "1 more needed" would send the clerk looking for someone: say what is missing. */}
        <div className="quorum-main">{s.expected === 0 ? t('rosterEmpty') : s.quorum.met ? t('quorumMet') : t('quorumShort', { n: s.quorum.shortBy })}</div>
        <div className="quorum-sub">
          {s.expected === 0 ? t('rosterEmptyHint') : t('quorumRequired', { n: s.quorum.required })}
          {s.othersPresent > 0 && <> · {t('othersPresent', { n: s.othersPresent })}</>}
        </div>
      </div>
    </div>
  );
}
