// Speaking (发言) at a seat: a deputy recognised at a seat tablet asks to speak (申请发言), optionally on an agenda
// item, and may withdraw it. The tablet decides nothing: the voter token says who the server recognised there, the
// server checks the deputy's standing (in office, on the roster, checked in), and the queue's order is the server's
// arrival ticket. A retry of a request (same tablet, same clientId) is answered with the request it made, never a
// second one; a deputy has at most one open request per sitting (a second asks is answered with the first).
import { AppError } from '../../shared/errors';
import type { SpeechTurn } from '../../shared/speaking';
import type { SpeakReply, SpeakRequestBody } from '../../shared/schemas/speaking';
import type { DeviceView } from '../../shared/views';
import { findDeputy } from '../repositories/deputies-repository';
import { appendAudit } from '../repositories/audit-repository';
import * as speaking from '../repositories/speaking-repository';
import { findAgendaItem } from '../repositories/agenda-repository';
import { seatOfParticipant } from '../repositories/seats-repository';
import type { ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { seatStanding } from './seat-eligibility';
import type { ArrivalGate } from './speaking-arrival';
import { speakingChanged } from './speaking-feed';


/** The deputy the token names, when it was issued to this tablet; `fresh`: not expired (asking needs a fresh one). */
function voterOf(ctx: ServiceContext, device: DeviceView, voterToken: string, fresh: boolean): number {
  const claim = ctx.voterTokens.read(voterToken);
  if (!claim || claim.deviceId !== device.id) throw new AppError('ERR_UNAUTHORIZED', '身份未确认，请看摄像头 / Not identified: look at the camera');
  if (fresh && claim.expiresAt < Date.now()) throw new AppError('ERR_UNAUTHORIZED', '身份确认已过期，请重新刷脸 / Identity confirmation expired: look at the camera again');
  return claim.deputyId;
}

function sittingOf(device: DeviceView): number {
  if (device.sittingId === null) throw new AppError('ERR_CONFLICT', '本终端尚未指定会议，请联系工作人员 / This tablet has no sitting assigned');
  return device.sittingId;
}

/** The turn an item's request takes: a question (问) in an inquiry (询问) item, else a speech. */
async function turnFor(ctx: ServiceContext, sittingId: number, agendaItemId: number | undefined): Promise<SpeechTurn> {
  if (agendaItemId === undefined) return 'speech';
  const item = await findAgendaItem(ctx.db, agendaItemId);
  if (!item || item.sittingId !== sittingId) throw new AppError('ERR_NOT_FOUND', '该议程不属于本次会议 / Agenda item not in this sitting');
  return item.kind === 'inquiry' ? 'question' : 'speech';
}

async function replyFor(ctx: ServiceContext, outcome: SpeakReply['outcome'], requestId: number): Promise<SpeakReply> {
  const request = (await speaking.findRequest(ctx.db, requestId))!;
  const queue = await speaking.queueOf(ctx.db, request.sittingId);
  const at = queue.findIndex((e) => e.id === requestId);
  return { outcome, requestId, position: at < 0 ? null : at + 1, state: request.state, at: Date.now() };
}

/**
 * `arrival` is the request's ticket from `gate`: the request is handed to the writer only when every earlier one has
 * been, so requests are stored in arrival order and the place answered is final.
 */
export async function requestToSpeak(ctx: ServiceContext, device: DeviceView, body: SpeakRequestBody, arrival: number, gate: ArrivalGate): Promise<SpeakReply> {
  try {
    return await asked(ctx, device, body, arrival, gate);
  } finally {
    gate.release(arrival);
  }
}

async function asked(ctx: ServiceContext, device: DeviceView, body: SpeakRequestBody, arrival: number, gate: ArrivalGate): Promise<SpeakReply> {
  const sittingId = sittingOf(device);
  const seen = await speaking.findByClientId(ctx.db, device.id, body.clientId);
  if (seen) return replyFor(ctx, 'duplicate', seen.id);
  const deputyId = voterOf(ctx, device, body.voterToken, true);
  // Independent reads at once: each is a trip to the reader pool, and the requests behind this one wait at the gate.
  const [sitting, deputy, turn] = await Promise.all([getSitting(ctx, sittingId), findDeputy(ctx.db, deputyId), turnFor(ctx, sittingId, body.agendaItemId)]);
  const standing = deputy ? await seatStanding(ctx.db, sitting, deputy) : null;
  if (!standing?.ok) throw new AppError('ERR_NOT_CHECKED_IN', '您尚未报到，不能申请发言 / Not checked in: cannot ask to speak');
  // The seat the 座次表 gives the deputy (hall), else the tablet's own label; kept as it was when they asked.
  const seat = (await seatOfParticipant(ctx.db, sittingId, standing.participantId))?.label ?? device.seat ?? null;
  await gate.turn(arrival);
  const written = ctx.db.write(async (tx) => {
    // Checked again inside the one writer: two copies of a request sent at once both got past the reads above.
    const again = await speaking.findByClientId(tx, device.id, body.clientId);
    if (again) return { outcome: 'duplicate' as const, id: again.id };
    const open = await speaking.openRequestOf(tx, sittingId, deputyId);
    if (open) return { outcome: 'already' as const, id: open.id };
    const id = await speaking.insertRequest(tx, {
      sittingId, turn, agendaItemId: body.agendaItemId ?? null, deputyId, official: null, answersId: null, deviceId: device.id, seat, clientId: body.clientId, arrival,
    });
    await appendAudit(tx, { actor: `device:${device.id}`, action: 'speech.request', subject: `sitting:${sittingId}`, detail: { requestId: id, deputyId, turn, agendaItemId: body.agendaItemId ?? null } });
    return { outcome: 'queued' as const, id };
  });
  gate.release(arrival); // handed to the writer: jobs run in the order they were queued
  const result = await written;
  if (result.outcome === 'queued') speakingChanged(ctx, sitting.meetingId, sittingId, false);
  return replyFor(ctx, result.outcome, result.id);
}

/**
 * 撤回: only the deputy who asked, at the tablet it was asked from. A token past its 5 minutes still withdraws (a
 * deputy who waited longer must not have to show a face to take back their own request); it cannot ask.
 */
export async function withdrawRequest(ctx: ServiceContext, device: DeviceView, requestId: number, voterToken: string): Promise<SpeakReply> {
  const deputyId = voterOf(ctx, device, voterToken, false);
  const request = await speaking.findRequest(ctx.db, requestId);
  if (!request || request.deputyId !== deputyId || request.deviceId !== device.id) throw new AppError('ERR_NOT_FOUND', '没有找到您的发言申请 / No such request of yours');
  if (request.state !== 'queued') return replyFor(ctx, 'duplicate', requestId);
  const moved = await ctx.db.write(async (tx) => {
    if (!(await speaking.moveRequest(tx, requestId, 'queued', 'withdrawn'))) return false;
    await appendAudit(tx, { actor: `device:${device.id}`, action: 'speech.withdraw', subject: `sitting:${request.sittingId}`, detail: { requestId, deputyId } });
    return true;
  });
  if (moved) speakingChanged(ctx, (await getSitting(ctx, request.sittingId)).meetingId, request.sittingId);
  return replyFor(ctx, moved ? 'queued' : 'duplicate', requestId);
}
