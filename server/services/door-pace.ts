// The door's physics, decided on the server (the tablet is not trusted): each face check-in a door tablet would
// accept is judged against the tablet's earlier ones (shared/rules/door-pace.ts). Past the limits the check-in is
// recorded but held (存疑), the tablet pauses, and the console raises 可疑报到 until a clerk clears it with a reason.
import { AppError } from '../../shared/errors';
import { DOOR_WINDOW_MS, doorPace, type DoorPaceVerdict } from '../../shared/rules';
import type { DeviceView } from '../../shared/views';
import { appendAudit } from '../repositories/audit-repository';
import { clearAlarm, faceCheckinTimes, findAlarm, insertAlarm, lastClearedAt, openAlarmOf } from '../repositories/door-watch-repository';
import type { NewCheckin } from '../repositories/attendance-repository';
import type { FrameLabel } from '../repositories/face-frames-repository';
import { checkIn, type CheckinOutcome } from './attendance-service';
import type { Actor, ServiceContext } from './context';
import { getSitting } from './meeting-service';

const PAUSED = '本终端已暂停报到，请联系工作人员 / This tablet is paused: please ask a member of staff';

/** Refuses a paused tablet (an alarm not cleared) before it costs the server a frame. */
export async function assertDoorOpen(ctx: ServiceContext, device: DeviceView): Promise<void> {
  const alarm = await openAlarmOf(ctx.db, device.id);
  if (alarm) throw new AppError('ERR_DOOR_PAUSED', PAUSED, { alarmId: alarm.id });
}

/** One tablet's check-ins are judged one after another, so a burst sent at once is judged in order, not all at once. */
const queues = new WeakMap<ServiceContext, Map<number, Promise<unknown>>>();

function inTurn<T>(ctx: ServiceContext, deviceId: number, fn: () => Promise<T>): Promise<T> {
  const perCtx = queues.get(ctx) ?? new Map<number, Promise<unknown>>();
  queues.set(ctx, perCtx);
  const run = (perCtx.get(deviceId) ?? Promise.resolve()).catch(() => undefined).then(fn);
  perCtx.set(deviceId, run);
  void run.finally(() => perCtx.get(deviceId) === run && perCtx.delete(deviceId)).catch(() => undefined);
  return run;
}

/** The tablet's pace if it accepts one more now: judged on its acceptances since the last alarm was cleared. */
async function paceNow(ctx: ServiceContext, device: DeviceView, sittingId: number): Promise<DoorPaceVerdict> {
  const at = Date.now();
  const cleared = await lastClearedAt(ctx.db, device.id);
  const windowStart = new Date(at - DOOR_WINDOW_MS).toISOString();
  const since = cleared && cleared > windowStart ? cleared : windowStart;
  return doorPace(await faceCheckinTimes(ctx.db, device.id, sittingId, since), at, ctx.doorPace);
}

const why = (v: Exclude<DoorPaceVerdict, { ok: true }>) =>
  v.kind === 'floor'
    ? `可疑报到：距上一人仅 ${(v.gapMs / 1000).toFixed(1)} 秒 / Suspicious: ${v.gapMs} ms after the previous check-in`
    : `可疑报到：一分钟内第 ${v.count} 人 / Suspicious: check-in number ${v.count} within a minute`;

/**
 * The door's check-in (faceCheckIn's one call): within the door's physics it is an ordinary check-in; past it the
 * check-in is recorded held (its evidence kept for the clerk who comes over), an alarm pauses the tablet, and the
 * person at the tablet is told to ask a member of staff (ERR_DOOR_PAUSED).
 */
export async function pacedCheckIn(
  ctx: ServiceContext,
  device: DeviceView,
  c: NewCheckin & { frames?: Array<{ label: FrameLabel; jpeg: Buffer }> },
): Promise<CheckinOutcome> {
  return inTurn(ctx, device.id, async () => {
    await assertDoorOpen(ctx, device); // an earlier check-in of the same burst may have paused it meanwhile
    const verdict = await paceNow(ctx, device, c.sittingId);
    const actor = `device:${device.id}`;
    if (verdict.ok) return checkIn(ctx, c, actor);
    const outcome = await checkIn(ctx, { ...c, held: why(verdict) }, actor);
    if (outcome.status !== 'checked_in') return outcome; // a repeat accepts no one
    const detail = verdict.kind === 'floor' ? { gapMs: verdict.gapMs } : { count: verdict.count };
    await ctx.db.write(async (tx) => {
      const id = await insertAlarm(tx, { deviceId: device.id, sittingId: c.sittingId, kind: verdict.kind, detail });
      await appendAudit(tx, { actor, action: 'door.alarm', subject: `sitting:${c.sittingId}`, detail: { alarmId: id, deviceId: device.id, kind: verdict.kind, ...detail, participantId: c.participantId } });
    });
    ctx.hub.attendanceChanged(outcome.participant.meetingId, c.sittingId);
    throw new AppError('ERR_DOOR_PAUSED', PAUSED);
  });
}

/** A clerk clears 可疑报到 with a reason (having looked at the door): the tablet takes check-ins again. */
export async function clearDoorAlarm(ctx: ServiceContext, alarmId: number, reason: string, staffId: number, actor: Actor): Promise<void> {
  const alarm = await findAlarm(ctx.db, alarmId);
  if (!alarm) throw new AppError('ERR_NOT_FOUND', `没有该报警 / No alarm ${alarmId}`);
  const done = await ctx.db.write(async (tx) => {
    if (!(await clearAlarm(tx, alarmId, staffId, reason.trim()))) return false;
    await appendAudit(tx, { actor, action: 'door.alarm.clear', subject: `sitting:${alarm.sittingId}`, detail: { alarmId, deviceId: alarm.deviceId, reason: reason.trim() } });
    return true;
  });
  if (!done) throw new AppError('ERR_CONFLICT', '该报警已解除 / This alarm was already cleared');
  ctx.hub.attendanceChanged((await getSitting(ctx, alarm.sittingId)).meetingId, alarm.sittingId);
}
