// The console's vote form: a vote belongs to an agenda item the clerk chose or made in the same step. Both are
// written in one transaction after every check, so a refused form leaves no item behind and its retry makes no
// second one (before, the form made the item first and the vote after, and a refusal left the item).
import { AppError } from '../../shared/errors';
import type { CreateVoteWithItem } from '../../shared/schemas/agenda';
import type { VoteView } from '../../shared/views';
import type { Actor, ServiceContext } from './context';
import { announceAgenda, getItem, insertItem } from './agenda-service';
import { getSitting } from './meeting-service';
import { getVoteView, insertPreparedVote, prepareVote } from './vote-service';

export async function createVoteWithItem(ctx: ServiceContext, sittingId: number, form: CreateVoteWithItem, actor: Actor): Promise<VoteView> {
  const sitting = await getSitting(ctx, sittingId);
  if ((form.agendaItemId === undefined) === (form.newItem === undefined)) {
    throw new AppError('ERR_VALIDATION', '请选择一项议程，或新建一项议程（二者选一） / Choose an agenda item or make a new one (one of the two)');
  }
  if (form.agendaItemId !== undefined && (await getItem(ctx, form.agendaItemId)).sittingId !== sittingId) {
    throw new AppError('ERR_VALIDATION', '该议程不属于本次会议 / The item belongs to another sitting');
  }
  const prepared = await prepareVote(ctx, sittingId, form.vote);
  const voteId = await ctx.db.write(async (tx) => {
    const kind = form.vote.kind === 'election' ? 'election' : 'vote';
    const itemId = form.newItem ? await insertItem(tx, sittingId, { kind, ...form.newItem }, actor) : form.agendaItemId!;
    return insertPreparedVote(tx, prepared, itemId, form.vote, actor);
  });
  if (form.newItem) await announceAgenda(ctx, sittingId);
  ctx.hub.voteChanged(sitting.meetingId, voteId, 'state');
  return getVoteView(ctx, voteId);
}
