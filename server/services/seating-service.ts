// 座位编排: who sits where at a sitting. One click fills the 代表席 in the body's order (deputies by delegation as the
// roster lists them, then 列席); a clerk then moves or swaps people by hand. Every change is audited and pushed live
// (the seat map and the door read it).
import { AppError } from '../../shared/errors';
import type { SeatingView } from '../../shared/hall';
import type { Tx } from '../db/database';
import * as seats from '../repositories/seats-repository';
import { attendanceEntries } from '../repositories/attendance-repository';
import { findParticipant } from '../repositories/meetings-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { getMeeting, getSitting } from './meeting-service';
import { seatingWorkbook } from './seating-workbook';

export async function getSeating(ctx: ServiceContext, sittingId: number): Promise<SeatingView> {
  const sitting = await getSitting(ctx, sittingId);
  const [hall, assignments, entries] = await Promise.all([
    seats.findHall(ctx.db, sitting.bodyId),
    seats.listAssignments(ctx.db, sittingId),
    attendanceEntries(ctx.db, sittingId),
  ]);
  const seatOf = new Map(assignments.map((a) => [a.participantId, a.seatId]));
  const people = entries.map((e) => ({ participant: e.participant, seatId: seatOf.get(e.participant.id) ?? null }));
  return { sittingId, hall, assignments, people };
}

/** The seat label a participant holds at a sitting (for the door's card), or null. */
export async function seatLabelOf(ctx: ServiceContext, sittingId: number, participantId: number): Promise<string | null> {
  return (await seats.seatOfParticipant(ctx.db, sittingId, participantId))?.label ?? null;
}

async function changed(ctx: ServiceContext, sittingId: number): Promise<SeatingView> {
  const sitting = await getSitting(ctx, sittingId);
  // The seat map listens to the sitting's attendance pushes: a seating change is one of them.
  ctx.hub.attendanceChanged(sitting.meetingId, sittingId);
  return getSeating(ctx, sittingId);
}

/** Redoes the 代表席: emptied, then filled in the body's order; 主席台 seats (set by hand) stay. */
export async function fillByOrder(ctx: ServiceContext, sittingId: number, actor: Actor): Promise<SeatingView & { unseated: number }> {
  const sitting = await getSitting(ctx, sittingId);
  const unseated = await ctx.db.write(async (tx) => {
    await seats.clearAssignments(tx, sittingId, 'floor');
    const [people, free] = [await seats.fillOrder(tx, sittingId), await seats.freeFloorSeats(tx, sittingId, sitting.bodyId)];
    const n = Math.min(people.length, free.length);
    for (let i = 0; i < n; i += 1) await seats.insertAssignment(tx, sittingId, free[i]!, people[i]!);
    await appendAudit(tx, { actor, action: 'seating.fill', subject: `sitting:${sittingId}`, detail: { seated: n, unseated: people.length - n } });
    return people.length - n;
  });
  return { ...(await changed(ctx, sittingId)), unseated };
}

async function checkPlace(tx: Tx, sitting: { id: number; meetingId: number; bodyId: number }, participantId: number, seatId: number | null) {
  const p = await findParticipant(tx, participantId);
  if (!p || p.meetingId !== sitting.meetingId) {
    throw new AppError('ERR_NOT_FOUND', `该人员不在本次会议名单中 / Participant ${participantId} is not on this meeting's list`);
  }
  if (seatId === null) return;
  const seat = await seats.findSeat(tx, seatId);
  if (!seat || seat.bodyId !== sitting.bodyId) throw new AppError('ERR_NOT_FOUND', `本会场没有该座位 / Seat ${seatId} is not in this hall`);
}

/**
 * Seats a participant. A seat someone else holds is swapped with the mover's old seat; when the mover had none, the
 * one who sat there is left unseated (the console says so). One write job: no moment with two people in a seat.
 */
export async function moveTo(ctx: ServiceContext, sittingId: number, participantId: number, seatId: number, actor: Actor): Promise<SeatingView> {
  const sitting = await getSitting(ctx, sittingId);
  await ctx.db.write(async (tx) => {
    await checkPlace(tx, sitting, participantId, seatId);
    const from = (await seats.seatOfParticipant(tx, sittingId, participantId))?.id ?? null;
    if (from === seatId) return;
    const other = await seats.participantAtSeat(tx, sittingId, seatId);
    await seats.deleteAssignmentOf(tx, sittingId, participantId);
    if (other !== undefined) await seats.deleteAssignmentOf(tx, sittingId, other);
    await seats.insertAssignment(tx, sittingId, seatId, participantId);
    if (other !== undefined && from !== null) await seats.insertAssignment(tx, sittingId, from, other);
    await appendAudit(tx, { actor, action: 'seating.move', subject: `sitting:${sittingId}`, detail: { participantId, from, to: seatId, displaced: other ?? null } });
  });
  return changed(ctx, sittingId);
}

export async function unseat(ctx: ServiceContext, sittingId: number, participantId: number, actor: Actor): Promise<SeatingView> {
  const sitting = await getSitting(ctx, sittingId);
  await ctx.db.write(async (tx) => {
    await checkPlace(tx, sitting, participantId, null);
    await seats.deleteAssignmentOf(tx, sittingId, participantId);
    await appendAudit(tx, { actor, action: 'seating.unseat', subject: `sitting:${sittingId}`, detail: { participantId } });
  });
  return changed(ctx, sittingId);
}

export async function clearSeating(ctx: ServiceContext, sittingId: number, actor: Actor): Promise<SeatingView> {
  await getSitting(ctx, sittingId);
  await ctx.db.write(async (tx) => {
    await seats.clearAssignments(tx, sittingId, null);
    await appendAudit(tx, { actor, action: 'seating.clear', subject: `sitting:${sittingId}`, detail: {} });
  });
  return changed(ctx, sittingId);
}

/** The 座次表 as .xlsx, with its title (meeting and sitting) for the file name. */
export async function seatingExport(ctx: ServiceContext, sittingId: number): Promise<{ bytes: Buffer; title: string }> {
  const sitting = await getSitting(ctx, sittingId);
  const meeting = await getMeeting(ctx, sitting.meetingId);
  const title = `${meeting.name} ${sitting.name} 座次表`;
  return { bytes: await seatingWorkbook(await getSeating(ctx, sittingId), title), title: `${meeting.name}-${sitting.name}` };
}
