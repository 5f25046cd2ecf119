// Attendance on the big screen: four huge figures and the quorum; and a slim strip for the other views.
import type { AttendanceSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n/I18n';

export function ScreenAttendance({ summary: s }: { summary: AttendanceSummary }) {
  const { t } = useI18n();
  const figures: Array<[string, number, string]> = [
    [t('expected'), s.expected, 'plain'],
    [t('present'), s.present, 'good'],
    [t('onLeave'), s.onLeave, 'warn'],
    [s.started ? t('absent') : t('notArrived'), s.absent, 'bad'],
  ];
  return (
    <div className="screen-attendance">
      <h1 className="screen-heading">{t('screenAttendanceHeading')}</h1>
      <div className="screen-figures">
        {figures.map(([label, value, tone]) => (
          <div key={label} className={`screen-figure tone-${tone}`}>
            <div className="screen-figure-value">{value}</div>
            <div className="screen-figure-label">{label}</div>
          </div>
        ))}
      </div>
      <div className={`screen-quorum ${s.quorum.met ? 'met' : 'short'}`} data-testid="screen-quorum">
        {s.quorum.met ? t('screenQuorumMet', { n: s.quorum.required }) : t('screenQuorumShort', { n: s.quorum.required, short: s.quorum.shortBy })}
      </div>
    </div>
  );
}

export function AttendanceStrip({ summary: s }: { summary: AttendanceSummary }) {
  const { t } = useI18n();
  return (
    <footer className="screen-strip">
      <span>
        {t('expected')} <b>{s.expected}</b>
      </span>
      <span>
        {t('present')} <b>{s.present}</b>
      </span>
      <span>
        {t('onLeave')} <b>{s.onLeave}</b>
      </span>
      <span>
        {s.started ? t('absent') : t('notArrived')} <b>{s.absent}</b>
      </span>
      <span className={s.quorum.met ? 'met' : 'short'}>{s.quorum.met ? t('quorumMet') : t('quorumShort', { n: s.quorum.shortBy })}</span>
    </footer>
  );
}
