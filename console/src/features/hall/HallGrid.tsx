// The hall drawn by seat: each section as rows (row 1 nearest the podium, at the top) of seats numbered from the
// left. One drawing for the hall editor, the seating editor, the printed 座次表, the seat map and the big screen.
import type { CSSProperties, ReactNode } from 'react';
import type { HallSeat, HallSection, HallView } from '../../../../shared/hall';

export interface SeatLook {
  content?: ReactNode;
  className?: string;
  style?: CSSProperties;
  title?: string;
  onClick?: () => void;
  testId?: string;
}

/** `across`: the hall's widest row, so every section's seats are the same size and a narrower one (主席台) sits centred. */
function SectionGrid({ section, across, look }: { section: HallSection; across: number; look: (seat: HallSeat) => SeatLook }) {
  const width = Math.max(1, ...section.seats.map((s) => s.seat));
  const offset = Math.floor((across - width) / 2);
  const rows = [...new Set(section.seats.map((s) => s.row))].sort((a, b) => a - b);
  const byPlace = new Map(section.seats.map((s) => [`${s.row}:${s.seat}`, s]));
  return (
    <div className="hall-section" data-section={section.name}>
      <div className="hall-section-name">{section.name}</div>
      <div className="hall-rows" style={{ gridTemplateColumns: `2.6em repeat(${across}, minmax(0, 1fr))` }}>
        {rows.flatMap((r) => [
          <div key={`r${r}`} className="hall-row-label">
            {section.rows > 1 ? `${r}排` : ''}
          </div>,
          ...Array.from({ length: offset }, (_, i) => <div key={`${r}:pad${i}`} className="hall-gap" />),
          ...Array.from({ length: width }, (_, i) => {
            const seat = byPlace.get(`${r}:${i + 1}`);
            if (!seat) return <div key={`${r}:${i + 1}`} className="hall-gap" />;
            const l = look(seat);
            const Tag = l.onClick ? 'button' : 'div';
            return (
              <Tag
                key={seat.id}
                type={l.onClick ? 'button' : undefined}
                className={`hall-seat ${l.className ?? ''}`}
                style={l.style}
                title={l.title ?? seat.label}
                onClick={l.onClick}
                data-seat={seat.label}
                data-testid={l.testId}
              >
                <span className="hall-seat-no">{seat.seat}</span>
                {l.content}
              </Tag>
            );
          }),
        ])}
      </div>
    </div>
  );
}

export function HallGrid({ hall, look, className = '' }: { hall: HallView; look: (seat: HallSeat) => SeatLook; className?: string }) {
  const across = Math.max(1, ...hall.sections.flatMap((s) => s.seats.map((x) => x.seat)));
  return (
    <div className={`hall-grid ${className}`}>
      {hall.sections.map((s) => (
        <SectionGrid key={s.id} section={s} across={across} look={look} />
      ))}
    </div>
  );
}
