// The big screen's attendance map (?view=map): the hall by seat in the map's colours with the counts, readable from
// the back of the hall. No names and no choices: the screen shows the hall's attendance, not who is where.
import type { AttendanceSummary } from '../../../../shared/views';
import { getSeatMap } from '../../api/hall';
import { useI18n } from '../../i18n/I18n';
import { useAsync } from '../../ui/use-async';
import { HallGrid } from './HallGrid';
import { PresenceLegend } from './SeatMapPage';

export function ScreenSeatMap({ sittingId, summary }: { sittingId: number; summary: AttendanceSummary | undefined }) {
  const { t } = useI18n();
  // Each attendance push of the sitting is a new summary object: the map follows it.
  const map = useAsync(() => getSeatMap(sittingId), [sittingId, summary]);
  if (!map.data) return null;
  const bySeat = new Map(map.data.seats.map((s) => [s.seatId, s]));
  return (
    <div className="screen-map" data-testid="screen-map">
      <div className="screen-map-title">{t('screenMapTitle')}</div>
      <HallGrid hall={map.data.hall} className="seat-map big" look={(seat) => ({ className: `presence-${bySeat.get(seat.id)?.presence ?? 'empty'}` })} />
      <PresenceLegend seats={map.data.seats} />
    </div>
  );
}
