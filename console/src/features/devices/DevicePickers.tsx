// The two pickers a tablet is set with, when it is paired (PairForm) and afterwards (DeviceRow), and the sitting
// choices both get from DevicesPage.
import type { DeviceMode } from '../../../../shared/views';
import { useI18n } from '../../i18n/I18n';

export interface SittingChoice {
  id: number;
  label: string;
}

export function ModeSelect({ value, onChange, disabled }: { value: DeviceMode; onChange(mode: DeviceMode): void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <select name="mode" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as DeviceMode)} aria-label={t('deviceMode')}>
      <option value="door">{t('modeDoor')}</option>
      <option value="seat">{t('modeSeat')}</option>
      <option value="screen">{t('modeScreen')}</option>
    </select>
  );
}

export function SittingSelect({ value, sittings, onChange, disabled }: { value: number | null; sittings: SittingChoice[]; onChange(id: number | null): void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <select name="sitting" value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} aria-label={t('sitting')}>
      <option value="">{t('noSitting')}</option>
      {sittings.map((s) => (
        <option key={s.id} value={s.id}>
          {s.label}
        </option>
      ))}
    </select>
  );
}
