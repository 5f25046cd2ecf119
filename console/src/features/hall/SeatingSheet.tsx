// The printed 座次表: the hall with each seat's name in its delegation's tint, a legend of the delegations, on A4 or
// A3 landscape. The names' size follows the widest row and the paper, so a 30-seat row still prints legibly.
import type { CSSProperties } from 'react';
import type { SeatingView } from '../../../../shared/hall';
import { delegationTints } from '../../../../shared/delegation-colors';
import { useI18n } from '../../i18n/I18n';
import { HallGrid } from './HallGrid';

export type Paper = 'A4' | 'A3';

/** Printable width of a landscape sheet with 10 mm margins. */
const PRINT_WIDTH_MM: Record<Paper, number> = { A4: 277, A3: 400 };
const MM_PER_PT = 0.3528;

/** The names' print size: three characters across a seat's cell, between 6 pt and 14 pt. */
export function seatFontPt(paper: Paper, seatsAcross: number): number {
  const cellMm = PRINT_WIDTH_MM[paper] / (seatsAcross + 1.5);
  return Math.max(6, Math.min(14, Math.floor((cellMm / 3.3 / MM_PER_PT) * 2) / 2));
}

export function useTints(seating: SeatingView): Map<string, string> {
  return delegationTints(seating.people.map((p) => p.participant.delegation ?? p.participant.organisation));
}

export function SeatingSheet({ seating, title, paper }: { seating: SeatingView; title: string; paper: Paper }) {
  const { t } = useI18n();
  const tints = useTints(seating);
  const who = new Map(seating.assignments.map((a) => [a.seatId, a]));
  const across = Math.max(1, ...seating.hall.sections.flatMap((s) => s.seats.map((x) => x.seat)));
  const style = { '--seat-font-print': `${seatFontPt(paper, across)}pt` } as CSSProperties;
  return (
    <section className="seating-sheet" data-paper={paper} style={style} data-testid="seating-sheet">
      <h1 className="seating-title">
        {title} {t('seatingSheetTitle')}
      </h1>
      <p className="seating-front">{t('seatingFront')}</p>
      <HallGrid
        hall={seating.hall}
        look={(seat) => {
          const a = who.get(seat.id);
          const tint = a?.delegation ? tints.get(a.delegation.trim()) : undefined;
          return { content: <span className="hall-seat-name">{a?.name ?? ''}</span>, style: tint ? { background: tint } : undefined, className: a ? 'taken' : 'free' };
        }}
      />
      <div className="seating-legend">
        {[...tints.entries()].map(([d, tint]) => (
          <span key={d} className="legend-item">
            <span className="legend-swatch" style={{ background: tint }} />
            {d}
          </span>
        ))}
      </div>
    </section>
  );
}
