// The hall (会场), seat assignment (座位编排) and the seat map (点位图).
import type { HallImportReport, HallView, SeatChoicesView, SeatingView, SeatMapView, SectionKind } from '../../../shared/hall';
import { del, get, post } from './http';

export type { HallImportReport, SeatingView };

export const getHall = (bodyId: number) => get<HallView>(`/api/bodies/${bodyId}/hall`);
export const addSection = (bodyId: number, input: { name: string; kind: SectionKind; rows: number; seatsPerRow: number }) =>
  post<HallView>(`/api/bodies/${bodyId}/hall/sections`, input);
export const removeSection = (sectionId: number) => del<HallView>(`/api/hall/sections/${sectionId}`);
export function importHall(bodyId: number, file: File): Promise<HallImportReport> {
  const form = new FormData();
  form.append('hall', file, file.name);
  return post<HallImportReport>(`/api/bodies/${bodyId}/hall/import`, form);
}

export const getSeating = (sittingId: number) => get<SeatingView>(`/api/sittings/${sittingId}/seating`);
export const fillSeating = (sittingId: number) => post<SeatingView & { unseated: number }>(`/api/sittings/${sittingId}/seating/fill`);
export const moveSeat = (sittingId: number, participantId: number, seatId: number) =>
  post<SeatingView>(`/api/sittings/${sittingId}/seating/move`, { participantId, seatId });
export const unseat = (sittingId: number, participantId: number) => post<SeatingView>(`/api/sittings/${sittingId}/seating/unseat`, { participantId });
export const seatingXlsxUrl = (sittingId: number) => `/api/sittings/${sittingId}/seating/xlsx`;

export const getSeatMap = (sittingId: number) => get<SeatMapView>(`/api/sittings/${sittingId}/seat-map`);
export const getSeatChoices = (voteId: number) => get<SeatChoicesView>(`/api/votes/${voteId}/seat-choices`);
