// The chair's side of speaking (发言): give the floor (请发言), skip (跳过), end a speech (结束发言), the time per
// speech of the sitting or of an item, and a clerk's answer turn (答) after a question in an inquiry (询问). Every
// action is one write with its audit entry; a repeated action (a double click, a retry) changes nothing.
import { AppError } from '../../shared/errors';
import { DEFAULT_SPEECH_SECONDS, limitFor, type SpeakingView } from '../../shared/speaking';
import type { AddAnswerBody, SetSpeechLimitBody } from '../../shared/schemas/speaking';
import type { Tx } from '../db/database';
import { appendAudit } from '../repositories/audit-repository';
import * as speaking from '../repositories/speaking-repository';
import { findAgendaItem } from '../repositories/agenda-repository';
import type { Actor, ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { arrivalTicket } from './speaking-arrival';
import { speakingChanged } from './speaking-feed';
import { speakingView } from './speaking-view';

async function turnOf(ctx: ServiceContext, sittingId: number, requestId: number) {
  const request = await speaking.findRequest(ctx.db, requestId);
  if (!request || request.sittingId !== sittingId) throw new AppError('ERR_NOT_FOUND', '没有这条发言申请 / No such request in this sitting');
  return request;
}

/** Runs one queue action with its audit entry, then pushes the new state; answers the sitting's view. */
async function act(ctx: ServiceContext, sittingId: number, job: (tx: Tx) => Promise<unknown>): Promise<SpeakingView> {
  const sitting = await getSitting(ctx, sittingId);
  await ctx.db.write(job);
  speakingChanged(ctx, sitting.meetingId, sittingId);
  return speakingView(ctx, sittingId);
}

/** Ends whoever has the floor now (结束发言); nothing when nobody has it. */
async function endFloor(tx: Tx, sittingId: number, actor: Actor): Promise<void> {
  const floor = await speaking.floorOf(tx, sittingId);
  if (!floor || !(await speaking.moveRequest(tx, floor.id, 'speaking', 'done'))) return;
  await appendAudit(tx, { actor, action: 'speech.end', subject: `sitting:${sittingId}`, detail: { requestId: floor.id, deputyId: floor.deputyId } });
}

/** 请发言: the turn takes the floor with the limit of its item (or the sitting's); whoever spoke before ends. */
export async function giveFloor(ctx: ServiceContext, sittingId: number, requestId: number, actor: Actor): Promise<SpeakingView> {
  const request = await turnOf(ctx, sittingId, requestId);
  if (request.state === 'speaking') return speakingView(ctx, sittingId);
  if (request.state !== 'queued') throw new AppError('ERR_CONFLICT', '该申请已不在排队中 / This request is no longer queued');
  return act(ctx, sittingId, async (tx) => {
    const limits = await speaking.limitsOf(tx, sittingId, DEFAULT_SPEECH_SECONDS);
    const seconds = limitFor(limits, request.agendaItemId);
    await endFloor(tx, sittingId, actor);
    if (!(await speaking.moveRequest(tx, requestId, 'queued', 'speaking', seconds))) {
      throw new AppError('ERR_CONFLICT', '该申请已不在排队中 / This request is no longer queued');
    }
    await appendAudit(tx, { actor, action: 'speech.floor', subject: `sitting:${sittingId}`, detail: { requestId, deputyId: request.deputyId, limitSeconds: seconds } });
  });
}

/** 跳过: the turn leaves the queue without speaking (recorded as skipped, not as withdrawn by the deputy). */
export async function skipRequest(ctx: ServiceContext, sittingId: number, requestId: number, actor: Actor): Promise<SpeakingView> {
  const request = await turnOf(ctx, sittingId, requestId);
  if (request.state !== 'queued') return speakingView(ctx, sittingId);
  return act(ctx, sittingId, async (tx) => {
    if (!(await speaking.moveRequest(tx, requestId, 'queued', 'skipped'))) return;
    await appendAudit(tx, { actor, action: 'speech.skip', subject: `sitting:${sittingId}`, detail: { requestId, deputyId: request.deputyId } });
  });
}

export async function endSpeech(ctx: ServiceContext, sittingId: number, actor: Actor): Promise<SpeakingView> {
  return act(ctx, sittingId, (tx) => endFloor(tx, sittingId, actor));
}

export async function setSpeechLimit(ctx: ServiceContext, sittingId: number, body: SetSpeechLimitBody, actor: Actor): Promise<SpeakingView> {
  const itemId = body.agendaItemId ?? 0;
  if (itemId !== 0) {
    const item = await findAgendaItem(ctx.db, itemId);
    if (!item || item.sittingId !== sittingId) throw new AppError('ERR_NOT_FOUND', '该议程不属于本次会议 / Agenda item not in this sitting');
  } else if (body.seconds === null) {
    throw new AppError('ERR_VALIDATION', '本次会议的发言时间不能为空 / The sitting’s time per speech cannot be cleared');
  }
  return act(ctx, sittingId, async (tx) => {
    await speaking.setLimit(tx, sittingId, itemId, body.seconds);
    await appendAudit(tx, { actor, action: 'speech.limit', subject: `sitting:${sittingId}`, detail: { agendaItemId: itemId || null, seconds: body.seconds } });
  });
}

/** 答: an official a clerk names answers a deputy's question (问); the turn sits right after that question. */
export async function addAnswer(ctx: ServiceContext, sittingId: number, body: AddAnswerBody, actor: Actor): Promise<SpeakingView> {
  const question = await turnOf(ctx, sittingId, body.answersId);
  if (question.turn !== 'question') throw new AppError('ERR_VALIDATION', '只能答复询问议程中的提问 / Only a question of an inquiry item can be answered');
  const arrival = arrivalTicket();
  return act(ctx, sittingId, async (tx) => {
    const id = await speaking.insertRequest(tx, {
      sittingId, turn: 'answer', agendaItemId: question.agendaItemId, deputyId: null, official: body.official.trim(), answersId: question.id, deviceId: null, seat: null, clientId: null, arrival,
    });
    await appendAudit(tx, { actor, action: 'speech.answer', subject: `sitting:${sittingId}`, detail: { requestId: id, answersId: question.id, official: body.official.trim() } });
  });
}
