// 可疑报到: door tablets paused because they accepted faster than people walk up; a clerk clears each with a reason.
import { useState } from 'react';
import type { DoorAlarmView } from '../../../../shared/door-watch';
import { clearAlarm } from '../../api/door-watch';
import { useI18n } from '../../i18n/I18n';
import { ReasonDialog } from '../../ui/Modal';
import { formatTime } from '../../ui/format';

export function DoorAlarms({ alarms }: { alarms: DoorAlarmView[] }) {
  const { t } = useI18n();
  const [clearing, setClearing] = useState<DoorAlarmView | null>(null);
  if (alarms.length === 0) return null;
  return (
    <section className="door-alarms" role="alert" data-alarms={alarms.length}>
      <h2>{t('alarmTitle')}</h2>
      {alarms.map((a) => (
        <div key={a.id} className="door-alarm" data-alarm={a.id}>
          <span className="time">{formatTime(a.raisedAt)}</span>
          <span>
            {a.kind === 'floor'
              ? t('alarmFloor', { device: a.deviceName, s: ((a.gapMs ?? 0) / 1000).toFixed(1) })
              : t('alarmCeiling', { device: a.deviceName, n: String(a.count ?? 0) })}
          </span>
          <button type="button" className="button" onClick={() => setClearing(a)}>
            {t('alarmClear')}
          </button>
        </div>
      ))}
      {clearing && (
        <ReasonDialog
          title={t('alarmClearTitle')}
          intro={t('alarmClearIntro')}
          label={t('alarmClearReason')}
          confirm={t('alarmClear')}
          onClose={() => setClearing(null)}
          onConfirm={async (reason) => {
            await clearAlarm(clearing.id, reason);
          }}
        />
      )}
    </section>
  );
}
