// A seat tablet's hall seat, picked from the seats of its sitting's hall with who sits there (3排12座 · 王某某).
// Where the hall has no seats yet, the clerk types the seat as text instead (as before the hall existed).
import { useEffect, useState } from 'react';
import type { SeatChoice } from '../../../../shared/seat-binding';
import { seatChoices } from '../../api/seats';
import { useI18n } from '../../i18n/I18n';

/** The sitting's seats, or null while loading or when there is no sitting. */
export function useSeatChoices(sittingId: number | null): SeatChoice[] | null {
  const [choices, setChoices] = useState<SeatChoice[] | null>(null);
  useEffect(() => {
    setChoices(null);
    if (!sittingId) return;
    let stop = false;
    seatChoices(sittingId).then((c) => !stop && setChoices(c), () => !stop && setChoices([]));
    return () => {
      stop = true;
    };
  }, [sittingId]);
  return choices;
}

export function SeatSelect({ value, choices, onChange, disabled }: { value: number | null; choices: SeatChoice[]; onChange(id: number | null): void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <select name="seatId" value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} aria-label={t('seat')}>
      <option value="">{t('seatPick')}</option>
      {choices.map((c) => (
        <option key={c.seatId} value={c.seatId}>
          {`${c.label} · ${c.occupant ?? t('seatPickEmpty')}`}
        </option>
      ))}
    </select>
  );
}
