// The seat map (点位图): the hall drawn by seat with each occupant's attendance, the bound seat tablet's online
// state, and — only for a 记名 vote, only once it is closed — each seat's choices. A 无记名 vote's choices are never
// sent by seat: the refusal is checked before any ballot is read.
import { AppError } from '../../shared/errors';
import type { SeatChoicesView, SeatMapSeat, SeatMapView, SeatPresence } from '../../shared/hall';
import type { AttendanceEntry } from '../../shared/views';
import { rollStatus } from '../../shared/roll-call';
import * as seats from '../repositories/seats-repository';
import { attendanceEntries } from '../repositories/attendance-repository';
import { rollCallRows } from '../repositories/roll-call-repository';
import type { ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { getVoteView } from './vote-service';

function presenceOf(e: AttendanceEntry | undefined): SeatPresence {
  if (!e) return 'empty';
  if (e.participant.role !== 'deputy') return 'observer';
  return e.status;
}

export async function seatMap(ctx: ServiceContext, sittingId: number): Promise<SeatMapView> {
  const sitting = await getSitting(ctx, sittingId);
  const [hall, assignments, entries, tablets] = await Promise.all([
    seats.findHall(ctx.db, sitting.bodyId),
    seats.listAssignments(ctx.db, sittingId),
    attendanceEntries(ctx.db, sittingId),
    seats.seatTablets(ctx.db),
  ]);
  const bySeat = new Map(assignments.map((a) => [a.seatId, a]));
  const entryOf = new Map(entries.map((e) => [e.participant.id, e]));
  const online = (seatId: number): boolean | null => {
    const ids = tablets.get(seatId);
    return ids ? ids.some((id) => ctx.hub.isDeviceOnline(id)) : null;
  };
  const list: SeatMapSeat[] = hall.sections.flatMap((sec) =>
    sec.seats.map((seat) => {
      const a = bySeat.get(seat.id);
      return {
        seatId: seat.id,
        participantId: a?.participantId ?? null,
        name: a?.name ?? null,
        delegation: a?.delegation ?? null,
        presence: presenceOf(a && entryOf.get(a.participantId)),
        tabletOnline: online(seat.id),
      };
    }),
  );
  return { sittingId, hall, seats: list, tabletsBound: tablets.size > 0 };
}

/** A closed 记名 vote's choices by seat (the 记名表决明细 laid on the hall). */
export async function seatChoices(ctx: ServiceContext, voteId: number): Promise<SeatChoicesView> {
  const vote = await getVoteView(ctx, voteId);
  if (vote.secrecy !== 'open') {
    throw new AppError('ERR_FORBIDDEN', '无记名表决不显示个人选择 / A secret vote shows no one\'s choice');
  }
  if (vote.state !== 'closed' && vote.state !== 'announced') {
    throw new AppError('ERR_VOTE_STATE', '表决结束后才显示各座位的选择 / Choices by seat are shown once the vote is closed');
  }
  const assignments = await seats.listAssignments(ctx.db, vote.sittingId);
  const seatOf = new Map<number, number>(assignments.map((a) => [a.participantId, a.seatId]));
  const participantOf = await seats.participantsOfDeputies(ctx.db, vote.sittingId);
  const rows = await rollCallRows(ctx.db, voteId);
  const out: SeatChoicesView['seats'] = [];
  for (const r of rows) {
    const participantId = participantOf.get(r.deputyId);
    const seatId = participantId === undefined ? undefined : seatOf.get(participantId);
    if (participantId === undefined || seatId === undefined) continue;
    const marks = r.content ? vote.options.map((o) => r.content!.marks[String(o.id)] ?? null) : null;
    out.push({ seatId, participantId, status: rollStatus(r.content !== null, r.present, r.onLeave), marks });
  }
  return { voteId, kind: vote.kind, options: vote.options.map((o) => ({ id: o.id, label: o.label })), seats: out };
}
