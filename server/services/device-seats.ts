// A seat tablet belongs to a hall seat (devices.seat_id, issue 26 point 3): chosen at pairing, changed by a clerk.
// The seat's deputy for the tablet's sitting (seat_assignments) is whom the tablet greets (本座位：王某某代表) and
// whom identification there compares a face with first; anyone else of the body is still matched 1:N.
import { AppError } from '../../shared/errors';
import type { SeatBindingView, SeatChoice, SeatHomeView } from '../../shared/seat-binding';
import type { DeviceView, RecognisedDeputy } from '../../shared/views';
import { findDeputy } from '../repositories/deputies-repository';
import { findDeputyParticipant, findParticipant } from '../repositories/meetings-repository';
import { findHall, findSeat, listAssignments, participantAtSeat, seatOfParticipant } from '../repositories/seats-repository';
import type { ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { currentBinding, currentBindings } from './seat-bindings';
import { presenceEveryMs } from './seat-check';

/** Refuses a seat that is not in the hall of the sitting's body (or a seat for a tablet with no sitting). */
export async function assertSeatOf(ctx: ServiceContext, sittingId: number | null, seatId: number): Promise<void> {
  const seat = await findSeat(ctx.db, seatId);
  if (!seat) throw new AppError('ERR_NOT_FOUND', `找不到该座位 / Seat ${seatId} not found`);
  if (!sittingId || (await getSitting(ctx, sittingId)).bodyId !== seat.bodyId) {
    throw new AppError('ERR_VALIDATION', '座位须属于该终端所在会议的会场 / The seat must be in the hall of the tablet’s sitting');
  }
}

/** The devices with their hall seats' labels (one hall read per body, not one per tablet). */
export async function withSeatLabels(ctx: ServiceContext, list: DeviceView[]): Promise<DeviceView[]> {
  const labels = new Map<number, string>();
  const bodies = new Set<number>();
  const sittings = new Set(list.filter((d) => d.seatId && d.sittingId).map((d) => d.sittingId!));
  for (const sittingId of sittings) bodies.add((await getSitting(ctx, sittingId)).bodyId);
  for (const bodyId of bodies) for (const s of (await findHall(ctx.db, bodyId)).sections) for (const seat of s.seats) labels.set(seat.id, seat.label);
  return list.map((d) => (d.seatId && labels.has(d.seatId) ? { ...d, seat: labels.get(d.seatId)! } : d));
}

async function recognisedOf(ctx: ServiceContext, deputyId: number | null | undefined): Promise<RecognisedDeputy | null> {
  const d = deputyId ? await findDeputy(ctx.db, deputyId) : undefined;
  return d ? { id: d.id, name: d.name, delegation: d.delegation } : null;
}

/** The deputy seated at the tablet's seat for its sitting (null: no seat, an empty seat, or an observer there). */
export async function seatDeputyOf(ctx: ServiceContext, device: Pick<DeviceView, 'seatId' | 'sittingId'>): Promise<number | null> {
  if (!device.seatId || !device.sittingId) return null;
  const participantId = await participantAtSeat(ctx.db, device.sittingId, device.seatId);
  return (participantId && (await findParticipant(ctx.db, participantId))?.deputyId) || null;
}

/** GET /api/seat/home: the tablet's seat, its deputy for the sitting, and whom the seat is bound to now. */
export async function seatHome(ctx: ServiceContext, device: DeviceView): Promise<SeatHomeView> {
  const seat = device.seatId ? await findSeat(ctx.db, device.seatId) : undefined;
  const binding = await currentBinding(ctx, device.id);
  return {
    seatId: seat?.id ?? null,
    seatLabel: seat?.label ?? device.seat,
    seatDeputy: await recognisedOf(ctx, await seatDeputyOf(ctx, device)),
    bound: binding && binding.sittingId === device.sittingId ? await recognisedOf(ctx, binding.deputyId) : null,
    presenceEveryMs: await presenceEveryMs(ctx),
  };
}

/** The seats of the sitting's hall, in the hall's order, with who sits in each (a clerk picks a tablet's seat). */
export async function seatChoices(ctx: ServiceContext, sittingId: number): Promise<SeatChoice[]> {
  const sitting = await getSitting(ctx, sittingId);
  const who = new Map((await listAssignments(ctx.db, sittingId)).map((a) => [a.seatId, a.name]));
  return (await findHall(ctx.db, sitting.bodyId)).sections.flatMap((s) => s.seats.map((seat) => ({ seatId: seat.id, label: seat.label, occupant: who.get(seat.id) ?? null })));
}

/** The deputy's own seat in the sitting, in words, or null. */
async function ownSeatLabel(ctx: ServiceContext, sittingId: number, deputyId: number): Promise<string | null> {
  const sitting = await getSitting(ctx, sittingId);
  const participant = await findDeputyParticipant(ctx.db, sitting.meetingId, deputyId);
  return participant ? ((await seatOfParticipant(ctx.db, sittingId, participant.id))?.label ?? null) : null;
}

/** GET /api/sittings/:id/seat-bindings (staff): the seats bound now, 代表未在本座位 marked `away`. */
export async function sittingBindings(ctx: ServiceContext, sittingId: number, devices: DeviceView[]): Promise<SeatBindingView[]> {
  await getSitting(ctx, sittingId);
  const byId = new Map((await withSeatLabels(ctx, devices)).map((d) => [d.id, d]));
  const out: SeatBindingView[] = [];
  for (const b of await currentBindings(ctx)) {
    if (b.sittingId !== sittingId) continue;
    const device = byId.get(b.deviceId);
    const deputy = await recognisedOf(ctx, b.deputyId);
    if (!deputy) continue;
    out.push({ deviceId: b.deviceId, deviceName: device?.name ?? '', atSeat: device?.seat ?? null, deputy, ownSeat: await ownSeatLabel(ctx, sittingId, b.deputyId), away: b.away, boundAt: b.boundAt });
  }
  return out.sort((a, b) => Number(b.away) - Number(a.away) || a.boundAt.localeCompare(b.boundAt));
}
