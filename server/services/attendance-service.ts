// Attendance of a sitting: 应到/实到/请假/缺席 with quorum, leave, and check-in (face or manual).
import { insertCheckinFrames, type FrameLabel } from '../repositories/face-frames-repository';
import { pixelsOnly } from './pixels-only';
import { AppError } from '../../shared/errors';
import { isInOffice, quorumStatus } from '../../shared/rules';
import { findDeputy } from '../repositories/deputies-repository';
import type { AttendanceEntry, AttendanceSummary, CheckinView, ParticipantView } from '../../shared/views';
import * as attendance from '../repositories/attendance-repository';
import { findParticipant } from '../repositories/meetings-repository';
import { appendAudit } from '../repositories/audit-repository';
import { holdCheckin } from '../repositories/door-watch-repository';
import type { Actor, ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { getBody } from './roster-service';

export async function summary(ctx: ServiceContext, sittingId: number): Promise<AttendanceSummary> {
  const sitting = await getSitting(ctx, sittingId);
  const body = await getBody(ctx, sitting.bodyId);
  const c = await attendance.attendanceCounts(ctx.db, sittingId);
  const q = quorumStatus(body.rules.quorum, { inOffice: c.expected, present: c.present });
  return {
    sittingId,
    expected: c.expected,
    present: c.present,
    onLeave: c.onLeave,
    absent: Math.max(0, c.expected - c.present - c.onLeave),
    quorum: { met: q.met, required: q.required, shortBy: q.shortBy },
    othersPresent: c.othersPresent,
    started: await attendance.sittingStarted(ctx.db, sittingId, new Date().toISOString()),
  };
}

export async function entries(ctx: ServiceContext, sittingId: number): Promise<AttendanceEntry[]> {
  await getSitting(ctx, sittingId);
  return attendance.attendanceEntries(ctx.db, sittingId);
}

/** The participant, checked to belong to the sitting's meeting. */
async function participantOf(ctx: ServiceContext, sittingId: number, participantId: number): Promise<ParticipantView> {
  const sitting = await getSitting(ctx, sittingId);
  const p = await findParticipant(ctx.db, participantId);
  if (!p || p.meetingId !== sitting.meetingId) {
    throw new AppError('ERR_NOT_FOUND', `该人员不在本次会议名单中 / Participant ${participantId} is not on this meeting's list`);
  }
  return p;
}

export async function recordLeave(ctx: ServiceContext, sittingId: number, participantId: number, reason: string, actor: Actor) {
  const p = await participantOf(ctx, sittingId, participantId);
  await ctx.db.write(async (tx) => {
    await attendance.upsertLeave(tx, sittingId, participantId, reason.trim());
    await appendAudit(tx, { actor, action: 'leave.record', subject: `sitting:${sittingId}`, detail: { participantId, reason } });
  });
  ctx.hub.attendanceChanged(p.meetingId, sittingId);
}

export async function removeLeave(ctx: ServiceContext, sittingId: number, participantId: number, actor: Actor) {
  const p = await participantOf(ctx, sittingId, participantId);
  const removed = await ctx.db.write(async (tx) => {
    const done = await attendance.deleteLeave(tx, sittingId, participantId);
    if (done) await appendAudit(tx, { actor, action: 'leave.remove', subject: `sitting:${sittingId}`, detail: { participantId } });
    return done;
  });
  if (!removed) throw new AppError('ERR_NOT_FOUND', '该人员没有请假记录 / No leave recorded for this participant');
  ctx.hub.attendanceChanged(p.meetingId, sittingId);
}

export interface CheckinOutcome {
  status: 'checked_in' | 'already_checked_in';
  participant: ParticipantView;
  checkin: CheckinView;
}

/** The check-in's evidence and frames as pixels only (pixels-only.ts): no byte a tablet sent is stored as sent. */
async function keptPixels<C extends { evidence?: Buffer | null; frames?: Array<{ label: FrameLabel; jpeg: Buffer }> }>(c: C): Promise<C> {
  const evidence = c.evidence ? await pixelsOnly(c.evidence) : c.evidence;
  const frames = c.frames && (await Promise.all(c.frames.map(async (f) => ({ label: f.label, jpeg: await pixelsOnly(f.jpeg) }))));
  return { ...c, evidence, frames: frames?.filter((f): f is { label: FrameLabel; jpeg: Buffer } => f.jpeg !== null) };
}

/**
 * One check-in per participant per sitting: a second one answers "already checked in at HH:MM". `held`: recorded
 * but held (存疑) at once, with that reason, in the same transaction (the door's pace rule: door-pace.ts).
 */
export async function checkIn(
  ctx: ServiceContext,
  c: attendance.NewCheckin & { frames?: Array<{ label: FrameLabel; jpeg: Buffer }>; held?: string },
  actor: Actor,
): Promise<CheckinOutcome> {
  const p = await participantOf(ctx, c.sittingId, c.participantId);
  const kept = await keptPixels(c);
  const created = await ctx.db.write(async (tx) => {
    const isNew = await attendance.insertCheckin(tx, kept);
    if (isNew) {
      if (kept.frames) await insertCheckinFrames(tx, c.sittingId, c.participantId, kept.frames);
      await appendAudit(tx, {
        actor,
        action: c.method === 'face' ? 'checkin.face' : 'checkin.manual',
        subject: `sitting:${c.sittingId}`,
        detail: { participantId: c.participantId, reason: c.reason ?? null, distance: c.distance ?? null, ...(c.method === 'face' ? { antispoof: c.antispoof ?? null } : {}) },
      });
      if (c.held) {
        await holdCheckin(tx, { sittingId: c.sittingId, participantId: c.participantId, staffId: null, reason: c.held });
        await appendAudit(tx, { actor, action: 'checkin.doubt', subject: `sitting:${c.sittingId}`, detail: { participantId: c.participantId, reason: c.held } });
      }
    }
    return isNew;
  });
  if (created) ctx.hub.attendanceChanged(p.meetingId, c.sittingId);
  const checkin = (await attendance.findCheckin(ctx.db, c.sittingId, c.participantId))!;
  return { status: created ? 'checked_in' : 'already_checked_in', participant: p, checkin };
}

const OUT_OF_OFFICE: Record<string, string> = {
  suspended: '该代表已暂停执行代表职务，不能补签报到 / This deputy is suspended and cannot be checked in',
  terminated: '该代表已终止代表资格，不能补签报到 / This deputy\'s mandate has ended; they cannot be checked in',
};

/** A clerk cannot do by hand what the door refuses by face (seat-eligibility): only deputies in office check in. */
async function refuseOutOfOffice(ctx: ServiceContext, p: ParticipantView): Promise<void> {
  const deputy = p.deputyId === null ? undefined : await findDeputy(ctx.db, p.deputyId);
  if (deputy && !isInOffice(deputy.status)) throw new AppError('ERR_NOT_ELIGIBLE', OUT_OF_OFFICE[deputy.status]!);
}

/** 人工补签 by a clerk: the row records who (staffId) and why, as DESIGN.md asks of a manual check-in. */
export async function manualCheckIn(
  ctx: ServiceContext,
  sittingId: number,
  input: { participantId: number; reason: string; clientId?: string },
  staffId: number,
  actor: Actor,
): Promise<CheckinOutcome> {
  await refuseOutOfOffice(ctx, await participantOf(ctx, sittingId, input.participantId));
  return checkIn(
    ctx,
    { sittingId, participantId: input.participantId, method: 'manual', staffId, reason: input.reason.trim(), clientId: input.clientId },
    actor,
  );
}
