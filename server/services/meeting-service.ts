// Meetings (会议), sittings (全体会议) and 列席/staff participants; the agenda is agenda-service.ts.
import { archivedBodyIds, findBody } from '../repositories/bodies-repository';
import { AppError } from '../../shared/errors';
import type { AddParticipant, CreateMeeting, CreateSitting } from '../../shared/schemas/meetings';
import type { MeetingView, ParticipantView, SittingView } from '../../shared/views';
import * as meetings from '../repositories/meetings-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { getBody } from './roster-service';

export async function createMeeting(
  ctx: ServiceContext,
  bodyId: number,
  input: CreateMeeting,
  actor: Actor,
): Promise<MeetingView> {
  await getBody(ctx, bodyId);
  const id = await ctx.db.write(async (tx) => {
    const meetingId = await meetings.insertMeeting(tx, bodyId, input.name.trim());
    for (const s of input.sittings ?? []) await meetings.insertSitting(tx, meetingId, s.name.trim(), s.startsAt);
    await meetings.addBodyDeputies(tx, meetingId);
    await appendAudit(tx, { actor, action: 'meeting.create', subject: `meeting:${meetingId}`, detail: { name: input.name } });
    return meetingId;
  });
  return getMeeting(ctx, id);
}

export async function getMeeting(ctx: ServiceContext, id: number): Promise<MeetingView> {
  const m = await meetings.findMeeting(ctx.db, id);
  if (!m) throw new AppError('ERR_NOT_FOUND', `找不到该会议 / Meeting ${id} not found`);
  return m;
}

export async function listMeetings(ctx: ServiceContext): Promise<MeetingView[]> {
  const ids = await meetings.listMeetingIds(ctx.db);
  const archived = await archivedBodyIds(ctx.db);
  return (await Promise.all(ids.map((id) => getMeeting(ctx, id)))).filter((m) => !archived.has(m.bodyId));
}

/** One congress's meetings, archived or not (its own page lists them). */
export async function listMeetingsOfBody(ctx: ServiceContext, bodyId: number): Promise<MeetingView[]> {
  if (!(await findBody(ctx.db, bodyId))) throw new AppError('ERR_NOT_FOUND', `找不到该届人大 / Body ${bodyId} not found`);
  const ids = await meetings.listMeetingIds(ctx.db);
  return (await Promise.all(ids.map((id) => getMeeting(ctx, id)))).filter((m) => m.bodyId === bodyId);
}

export async function addSitting(ctx: ServiceContext, meetingId: number, input: CreateSitting, actor: Actor): Promise<SittingView> {
  await getMeeting(ctx, meetingId);
  const id = await ctx.db.write(async (tx) => {
    const sittingId = await meetings.insertSitting(tx, meetingId, input.name.trim(), input.startsAt);
    await appendAudit(tx, { actor, action: 'sitting.create', subject: `sitting:${sittingId}`, detail: { name: input.name } });
    return sittingId;
  });
  return getSitting(ctx, id);
}

export async function getSitting(ctx: ServiceContext, id: number): Promise<SittingView & { bodyId: number }> {
  const s = await meetings.findSitting(ctx.db, id);
  if (!s) throw new AppError('ERR_NOT_FOUND', `找不到该次全体会议 / Sitting ${id} not found`);
  return s;
}

export async function listParticipants(ctx: ServiceContext, meetingId: number): Promise<ParticipantView[]> {
  await getMeeting(ctx, meetingId);
  return meetings.listParticipants(ctx.db, meetingId);
}

export async function addParticipant(
  ctx: ServiceContext,
  meetingId: number,
  input: AddParticipant,
  actor: Actor,
): Promise<ParticipantView> {
  await getMeeting(ctx, meetingId);
  const id = await ctx.db.write(async (tx) => {
    const pid = await meetings.insertParticipant(tx, meetingId, { ...input, name: input.name.trim() });
    await appendAudit(tx, { actor, action: 'participant.add', subject: `participant:${pid}`, detail: { ...input } });
    return pid;
  });
  return (await meetings.findParticipant(ctx.db, id))!;
}
