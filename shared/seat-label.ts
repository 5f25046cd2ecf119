// How a seat is named, one home for the door's card, the 座次表, the seat map and the seat tablet's greeting.
// Chinese halls read 排 and 座 (3排12座); a one-row section such as 主席台 is named with its seats (主席台 2 座);
// the section's name goes first only where the hall has several multi-row sections (东区 3排12座), since a hall of
// 主席台 + 代表席 reads its rows without ambiguity.

export interface SeatPlace {
  section: string;
  /** Rows in that section: 1 means a one-row section (主席台). */
  sectionRows: number;
  row: number;
  seat: number;
}

/** The seat in words. `multiRowSections`: how many sections of the hall have more than one row. */
export function seatLabel(place: SeatPlace, multiRowSections: number): string {
  if (place.sectionRows <= 1) return `${place.section} ${place.seat} 座`;
  const rowSeat = `${place.row}排${place.seat}座`;
  return multiRowSections > 1 ? `${place.section} ${rowSeat}` : rowSeat;
}

/** The seat in English, second after the Chinese (Row 3, Seat 12). */
export function seatLabelEn(place: SeatPlace): string {
  return place.sectionRows <= 1 ? `${place.section}, seat ${place.seat}` : `Row ${place.row}, Seat ${place.seat}`;
}
