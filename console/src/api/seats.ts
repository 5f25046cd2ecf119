// Seat tablets and their seats: the seats a tablet may be given, and the seats bound now (代表未在本座位).
import type { SeatBindingView, SeatChoice } from '../../../shared/seat-binding';
import { get } from './http';

export const seatChoices = (sittingId: number) => get<SeatChoice[]>(`/api/sittings/${sittingId}/seat-choices`);
export const seatBindings = (sittingId: number) => get<SeatBindingView[]>(`/api/sittings/${sittingId}/seat-bindings`);
