// 人脸校对: door staff watch each check-in beside the enrolled photo and hold a doubtful one (存疑) with one tap. A
// held check-in does not count (attendance, quorum, the right to vote: attendance-repository `counts`) until a clerk
// confirms it (确认) or refuses it (驳回), with a reason. A refused check-in is void: kept whole as a record
// (voided_checkins) and counted nowhere, so the real deputy, whose face someone used (代签), can still check in.
// Every step goes to the audit log; the rows are covered.
import { AppError } from '../../shared/errors';
import type { DoorWatchLive } from '../../shared/door-watch';
import { appendAudit } from '../repositories/audit-repository';
import { findCheckin } from '../repositories/attendance-repository';
import { decideCheckin, holdCheckin, openAlarmsOfSitting, watchedCheckins } from '../repositories/door-watch-repository';
import { voidHeldCheckin } from '../repositories/voided-checkins-repository';
import { findParticipant } from '../repositories/meetings-repository';
import type { Actor, ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { dropCheckedIn } from './open-votes';

/** The check-in's sitting and participant, checked to exist. */
async function checkinOf(ctx: ServiceContext, sittingId: number, participantId: number) {
  const sitting = await getSitting(ctx, sittingId);
  const participant = await findParticipant(ctx.db, participantId);
  if (!participant || participant.meetingId !== sitting.meetingId || !(await findCheckin(ctx.db, sittingId, participantId))) {
    throw new AppError('ERR_NOT_FOUND', '该人员没有本次会议的报到记录 / No check-in of this participant in this sitting');
  }
  return { sitting, participant };
}

/** 存疑: holds the check-in at once; the deputy counts as not checked in and cannot vote until a clerk decides. */
export async function doubtCheckin(ctx: ServiceContext, sittingId: number, participantId: number, staffId: number, actor: Actor): Promise<void> {
  const { sitting, participant } = await checkinOf(ctx, sittingId, participantId);
  const held = await ctx.db.write(async (tx) => {
    if (!(await holdCheckin(tx, { sittingId, participantId, staffId, reason: null }))) return false;
    await appendAudit(tx, { actor, action: 'checkin.doubt', subject: `sitting:${sittingId}`, detail: { participantId } });
    return true;
  });
  if (!held) throw new AppError('ERR_CONFLICT', '该报到已在存疑中 / This check-in is already held');
  if (participant.deputyId !== null) await dropCheckedIn(ctx, sittingId, participant.deputyId);
  ctx.hub.attendanceChanged(sitting.meetingId, sittingId);
}

/** 确认 (counts again) or 驳回 (void: not checked in, free to check in again) a held check-in, with the clerk's reason. */
export async function decideHeldCheckin(
  ctx: ServiceContext,
  sittingId: number,
  participantId: number,
  verdict: 'confirmed' | 'refused',
  reason: string,
  staffId: number,
  actor: Actor,
): Promise<void> {
  const { sitting } = await checkinOf(ctx, sittingId, participantId);
  const text = reason.trim();
  if (!text) throw new AppError('ERR_VALIDATION', '请填写理由 / A reason is required');
  const done = await ctx.db.write(async (tx) => {
    const decided =
      verdict === 'confirmed'
        ? await decideCheckin(tx, { sittingId, participantId, state: verdict, staffId, reason: text })
        : await voidHeldCheckin(tx, { sittingId, participantId, staffId, reason: text });
    if (!decided) return false;
    await appendAudit(tx, { actor, action: verdict === 'confirmed' ? 'checkin.confirm' : 'checkin.refuse', subject: `sitting:${sittingId}`, detail: { participantId, reason: text } });
    return true;
  });
  if (!done) throw new AppError('ERR_CONFLICT', '该报到不在存疑中 / This check-in is not held');
  ctx.hub.attendanceChanged(sitting.meetingId, sittingId);
}

/** What the 人脸校对 screen shows for a sitting: its latest and held check-ins and the door alarms not cleared. */
export async function doorWatch(ctx: ServiceContext, sittingId: number): Promise<DoorWatchLive> {
  await getSitting(ctx, sittingId); // 404 for an unknown sitting
  return { checkins: await watchedCheckins(ctx.db, sittingId), alarms: await openAlarmsOfSitting(ctx.db, sittingId) };
}
