// The agenda (议程) of a sitting: items made, edited, reordered and deleted before and during the sitting, and the
// current item (当前议程) the chair moves, which every seat tablet and the big screen follow (live hub).
import { AppError } from '../../shared/errors';
import type { SittingAgenda } from '../../shared/agenda';
import type { CreateAgendaItem, EditAgendaItem } from '../../shared/schemas/agenda';
import type { AgendaItemView } from '../../shared/views';
import * as agenda from '../repositories/agenda-repository';
import { voteIdsOfAgendaItem } from '../repositories/votes-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Tx } from '../db/database';
import type { Actor, ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { getVoteView } from './vote-service';

/** An empty presenter is none. */
const presenterOf = (text: string | undefined): string | null => text?.trim() || null;

export async function getItem(ctx: ServiceContext, itemId: number) {
  const item = await agenda.findAgendaItem(ctx.db, itemId);
  if (!item) throw new AppError('ERR_NOT_FOUND', `找不到该议程 / Agenda item ${itemId} not found`);
  return item;
}

/** Adds an item at the end inside a caller's transaction (the vote form makes its item this way), audited. */
export async function insertItem(tx: Tx, sittingId: number, input: CreateAgendaItem, actor: Actor): Promise<number> {
  const item = { title: input.title.trim(), kind: input.kind ?? 'other', presenter: presenterOf(input.presenter) };
  const itemId = await agenda.insertAgendaItem(tx, sittingId, item);
  await appendAudit(tx, { actor, action: 'agenda.create', subject: `agenda:${itemId}`, detail: { sittingId, ...item } });
  return itemId;
}

/** Tells every console, seat tablet and big screen of the sitting its agenda changed. */
export async function announceAgenda(ctx: ServiceContext, sittingId: number): Promise<void> {
  const sitting = await getSitting(ctx, sittingId);
  ctx.hub.agendaChanged(sitting.meetingId, sittingId);
}

export async function addItem(ctx: ServiceContext, sittingId: number, input: CreateAgendaItem, actor: Actor): Promise<AgendaItemView> {
  await getSitting(ctx, sittingId);
  const id = await ctx.db.write((tx) => insertItem(tx, sittingId, input, actor));
  await announceAgenda(ctx, sittingId);
  return itemView(ctx, id);
}

export async function editItem(ctx: ServiceContext, itemId: number, input: EditAgendaItem, actor: Actor): Promise<AgendaItemView> {
  const old = await getItem(ctx, itemId);
  const item = {
    title: input.title?.trim() ?? old.title,
    kind: input.kind ?? old.kind,
    presenter: input.presenter === undefined ? old.presenter : presenterOf(input.presenter),
  };
  await ctx.db.write(async (tx) => {
    await agenda.updateAgendaItem(tx, itemId, item);
    await appendAudit(tx, { actor, action: 'agenda.edit', subject: `agenda:${itemId}`, detail: item });
  });
  await announceAgenda(ctx, old.sittingId);
  return itemView(ctx, itemId);
}

/** New order: every item of the sitting, each once (a list made from an old view is refused, not half applied). */
export async function reorder(ctx: ServiceContext, sittingId: number, itemIds: number[], actor: Actor): Promise<AgendaItemView[]> {
  await getSitting(ctx, sittingId);
  await ctx.db.write(async (tx) => {
    const have = (await agenda.listAgendaItems(tx, sittingId)).map((i) => i.id);
    const same = itemIds.length === have.length && new Set(itemIds).size === have.length && itemIds.every((id) => have.includes(id));
    if (!same) {
      throw new AppError('ERR_VALIDATION', '议程顺序须列出本次会议的每一项议程，且各一次；请刷新后重试 / The order must list every item of the sitting once');
    }
    await agenda.writeOrder(tx, itemIds);
    await appendAudit(tx, { actor, action: 'agenda.reorder', subject: `sitting:${sittingId}`, detail: { itemIds } });
  });
  await announceAgenda(ctx, sittingId);
  return agendaWithVotes(ctx, sittingId);
}

/** Deletes an item that holds nothing (no vote, no document); if it was current, the sitting has none. */
export async function deleteItem(ctx: ServiceContext, itemId: number, actor: Actor): Promise<void> {
  const item = await getItem(ctx, itemId);
  await ctx.db.write(async (tx) => {
    const held = await agenda.itemHoldings(tx, itemId);
    if (held.votes > 0) {
      throw new AppError('ERR_CONFLICT', `该议程下有 ${held.votes} 项表决，不能删除 / The item holds ${held.votes} vote(s) and cannot be deleted`);
    }
    if ((await agenda.currentItemId(tx, item.sittingId)) === itemId) await agenda.setCurrentItem(tx, item.sittingId, null);
    await agenda.deleteAgendaItem(tx, item);
    await appendAudit(tx, { actor, action: 'agenda.delete', subject: `agenda:${itemId}`, detail: { title: item.title } });
  });
  await announceAgenda(ctx, item.sittingId);
}

/** 设为当前议程: an item of this sitting, or null for none. */
export async function setCurrent(ctx: ServiceContext, sittingId: number, itemId: number | null, actor: Actor): Promise<SittingAgenda> {
  await getSitting(ctx, sittingId);
  if (itemId !== null && (await getItem(ctx, itemId)).sittingId !== sittingId) {
    throw new AppError('ERR_VALIDATION', '该议程不属于本次会议 / The item belongs to another sitting');
  }
  await ctx.db.write(async (tx) => {
    await agenda.setCurrentItem(tx, sittingId, itemId);
    await appendAudit(tx, { actor, action: 'agenda.current', subject: `sitting:${sittingId}`, detail: { itemId } });
  });
  await announceAgenda(ctx, sittingId);
  return sittingAgenda(ctx, sittingId);
}

/** The agenda as the live state carries it: items in order and the current one. */
export async function sittingAgenda(ctx: ServiceContext, sittingId: number): Promise<SittingAgenda> {
  const [items, currentItemId] = await Promise.all([agenda.listAgendaItems(ctx.db, sittingId), agenda.currentItemId(ctx.db, sittingId)]);
  return { sittingId, currentItemId, items };
}

async function itemView(ctx: ServiceContext, itemId: number): Promise<AgendaItemView> {
  const item = await getItem(ctx, itemId);
  const current = (await agenda.currentItemId(ctx.db, item.sittingId)) === itemId;
  return { ...item, current, votes: await Promise.all((await voteIdsOfAgendaItem(ctx.db, itemId)).map((id) => getVoteView(ctx, id))) };
}

/** The console's agenda: every item with its votes, in order. */
export async function agendaWithVotes(ctx: ServiceContext, sittingId: number): Promise<AgendaItemView[]> {
  await getSitting(ctx, sittingId);
  const items = await agenda.listAgendaItems(ctx.db, sittingId);
  return Promise.all(items.map((i) => itemView(ctx, i.id)));
}
