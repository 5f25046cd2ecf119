// 代表未在本座位: deputies identified at a seat tablet that is not their own seat's (they are still identified: the
// clerks decide whether to walk over). Asked of the server every 5 s; nothing shown when there is none.
import { useEffect, useState } from 'react';
import type { SeatBindingView } from '../../../../shared/seat-binding';
import { seatBindings } from '../../api/seats';
import { useI18n } from '../../i18n/I18n';

const EVERY_MS = 5_000;

export function AwaySeats({ sittingId }: { sittingId: number }) {
  const { t } = useI18n();
  const [away, setAway] = useState<SeatBindingView[]>([]);
  useEffect(() => {
    let stop = false;
    const load = () => seatBindings(sittingId).then((list) => !stop && setAway(list.filter((b) => b.away)), () => undefined);
    void load();
    const timer = setInterval(load, EVERY_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [sittingId]);
  if (away.length === 0) return null;
  return (
    <section className="away-seats small" data-away={away.length}>
      <h2>{t('awayTitle')}</h2>
      <ul>
        {away.map((b) => (
          <li key={b.deviceId} data-away-deputy={b.deputy.id}>
            {t('awayLine', { name: b.deputy.name, at: b.atSeat ?? '—', device: b.deviceName, own: b.ownSeat ?? t('awayNoSeat') })}
          </li>
        ))}
      </ul>
    </section>
  );
}
