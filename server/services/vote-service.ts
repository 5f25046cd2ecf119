// Votes through their life: draft → open → closed → announced (or cancelled). Results come from shared/rules
// and are fixed when the vote closes.
import { AppError } from '../../shared/errors';
import { computeResult, describePassRule, passRuleAllowed, validateSpec } from '../../shared/rules';
import type { CreateVote } from '../../shared/schemas/votes';
import type { BodyRules, PassRule } from '../../shared/types';
import type { VoteView } from '../../shared/views';
import type { VoteResult } from '../../shared/rules/result-types';
import { STATE_LABELS } from '../../shared/labels';
import * as votes from '../repositories/votes-repository';
import * as ballots from '../repositories/ballots-repository';
import { headcountOf } from './vote-headcount';
import { inOfficeDeputyIds } from '../repositories/deputies-repository';
import { findAgendaItem } from '../repositories/agenda-repository';
import type { Tx } from '../db/database';
import { appendAudit } from '../repositories/audit-repository';
import { trackerTally } from '../repositories/tracker-repository';
import type { Actor, ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { getBody } from './roster-service';
import { summary } from './attendance-service';
import { forget, openVote as castingState, stopAccepting } from './open-votes';
import { clearWal, sealSecretVote, walPending } from './secret-seal';
import { specOf } from './vote-spec';

function defaultPassRule(rules: BodyRules, kind: CreateVote['kind']): PassRule {
  if (kind === 'election') return rules.electionPass;
  if (kind === 'project') return rules.projectPass;
  return rules.resolutionPass;
}

function checkShape(input: CreateVote): void {
  const bad = (zh: string, en: string) => new AppError('ERR_VALIDATION', `${zh} / ${en}`);
  const n = input.options?.length ?? 0;
  if (input.kind === 'resolution' && n > 1) throw bad('议案表决只有一个表决事项', 'A resolution has exactly one motion');
  if (input.kind !== 'resolution' && n === 0) throw bad('请至少填写一个选项', 'At least one option is required');
  if ((input.kind === 'project' || input.kind === 'election') && !input.maxYes) {
    throw bad('请设置最多可赞成的数目（项目数或应选名额）', 'maxYes (N projects or seats) is required');
  }
  if (input.maxYes && input.kind === 'project' && input.maxYes > n) {
    throw bad('可赞成项目数不能多于候选项目数', 'N cannot exceed the number of projects');
  }
  if (input.allowWriteIn && input.kind !== 'election') throw bad('只有选举可以另选他人', 'Write-ins are for elections only');
}

/** What a checked vote form stores (votes.insertVote's input without its item). */
export type PreparedVote = Omit<votes.NewVote, 'agendaItemId'>;

/** Checks a vote form against its shape and the body's rules, before anything is written; refuses in Chinese. */
export async function prepareVote(ctx: ServiceContext, sittingId: number, input: CreateVote): Promise<PreparedVote> {
  checkShape(input);
  const sitting = await getSitting(ctx, sittingId);
  const body = await getBody(ctx, sitting.bodyId);
  const floor = defaultPassRule(body.rules, input.kind);
  const passRule = input.passRule ?? floor;
  if (!passRuleAllowed(passRule, floor)) {
    const words = describePassRule(floor);
    throw new AppError(
      'ERR_VALIDATION',
      `通过规则不能低于本届的规定（${words.zh}）；如需放宽，请管理员修改本届规则 / The pass rule cannot be easier than the body's (${words.en}); an admin may change the body's rules`,
    );
  }
  const labels = input.kind === 'resolution' ? [{ label: input.options?.[0]?.label ?? input.title.trim() }] : input.options!;
  // The same checks the tallies rely on, with placeholder ids: a vote that could not be counted is refused now.
  const check = validateSpec({
    kind: input.kind,
    options: labels.map((o, i) => ({ id: i + 1, label: o.label })),
    maxYes: input.maxYes,
    allowWriteIn: input.allowWriteIn,
    passRule,
  });
  if (!check.ok) throw new AppError('ERR_VALIDATION', check.message);
  return {
    sittingId,
    kind: input.kind,
    title: input.title.trim(),
    secrecy: input.secrecy,
    changePolicy: input.changePolicy ?? 'last',
    maxYes: input.kind === 'project' || input.kind === 'election' ? input.maxYes! : null,
    allowWriteIn: input.allowWriteIn ?? false,
    passRule,
    ratingVerdict: input.kind === 'rating' ? body.rules.ratingVerdict : null,
    options: labels,
  };
}

/** Stores a prepared vote for its item, audited, inside the caller's transaction. */
export async function insertPreparedVote(tx: Tx, prepared: PreparedVote, agendaItemId: number, input: CreateVote, actor: Actor): Promise<number> {
  const voteId = await votes.insertVote(tx, { ...prepared, agendaItemId });
  await appendAudit(tx, { actor, action: 'vote.create', subject: `vote:${voteId}`, detail: { ...input } });
  return voteId;
}

/** A vote for an existing agenda item. */
export async function createVote(ctx: ServiceContext, agendaItemId: number, input: CreateVote, actor: Actor): Promise<VoteView> {
  const item = await findAgendaItem(ctx.db, agendaItemId);
  if (!item) throw new AppError('ERR_NOT_FOUND', `找不到该议程 / Agenda item ${agendaItemId} not found`);
  const prepared = await prepareVote(ctx, item.sittingId, input);
  const id = await ctx.db.write((tx) => insertPreparedVote(tx, prepared, agendaItemId, input, actor));
  const sitting = await getSitting(ctx, item.sittingId);
  ctx.hub.voteChanged(sitting.meetingId, id, 'state');
  return getVoteView(ctx, id);
}

export async function getVote(ctx: ServiceContext, id: number): Promise<votes.VoteRecord> {
  const v = await votes.findVote(ctx.db, id);
  if (!v) throw new AppError('ERR_NOT_FOUND', `找不到该表决 / Vote ${id} not found`);
  return v;
}

/** Who may vote now — the electorate (or, before opening, those in office) — checked in (应投) and on leave. */
async function liveHeadcount(ctx: ServiceContext, v: votes.VoteRecord, bodyId: number) {
  const eligible = v.state === 'draft' ? await inOfficeDeputyIds(ctx.db, bodyId) : await votes.electorateIds(ctx.db, v.id);
  return headcountOf(ctx.db, v.sittingId, eligible, v.inOffice ?? eligible.length);
}

export async function getVoteView(ctx: ServiceContext, id: number): Promise<VoteView> {
  const v = await getVote(ctx, id);
  const sitting = await getSitting(ctx, v.sittingId);
  const cast = await ballots.participationCount(ctx.db, id);
  const head = await liveHeadcount(ctx, v, sitting.bodyId);
  const expected = head.present;
  let tally: VoteResult | null = null;
  if (v.state === 'closed' || v.state === 'announced') tally = v.result as VoteResult;
  // Secret votes show no per-option counts while open: a count that moves as one deputy presses tells who chose what.
  else if (v.state === 'open' && v.secrecy === 'open') {
    tally = computeResult(specOf(v), await ballots.ballotContents(ctx.db, id), head);
  }
  return {
    id: v.id,
    sittingId: v.sittingId,
    agendaItemId: v.agendaItemId,
    kind: v.kind,
    title: v.title,
    secrecy: v.secrecy,
    changePolicy: v.changePolicy,
    state: v.state,
    options: v.options,
    maxYes: v.maxYes,
    allowWriteIn: v.allowWriteIn,
    passRule: v.passRule,
    cast,
    expected,
    inOffice: v.inOffice,
    tally,
    quorumOverride: v.quorumOverride,
    openedAt: v.openedAt,
    closedAt: v.closedAt,
    announcedAt: v.announcedAt,
    walPending: walPending(ctx, v.id),
    tracker: v.secrecy === 'secret' && (v.state === 'closed' || v.state === 'announced') ? await trackerTally(ctx.db, v.id) : null,
  };
}

const stateError = (v: votes.VoteRecord, wanted: string) =>
  new AppError('ERR_VOTE_STATE', `表决当前状态为「${STATE_LABELS[v.state].zh}」，不能${wanted} / Vote is ${v.state}`);

/** Opens the vote only with quorum, unless the chair gives an explicit reason (audited). */
export async function openVote(ctx: ServiceContext, id: number, overrideReason: string | undefined, actor: Actor) {
  const v = await getVote(ctx, id);
  if (v.state !== 'draft') throw stateError(v, '开始表决');
  const sitting = await getSitting(ctx, v.sittingId);
  const att = await summary(ctx, v.sittingId);
  if (!att.quorum.met && !overrideReason) {
    throw new AppError(
      'ERR_QUORUM_NOT_MET',
      `出席代表 ${att.present} 人，未达到法定人数 ${att.quorum.required} 人，还差 ${att.quorum.shortBy} 人 / ` +
        `Quorum not met: ${att.present} present, ${att.quorum.required} required`,
      { attendance: att },
    );
  }
  const opened = await ctx.db.write(async (tx) => {
    const electorate = await inOfficeDeputyIds(tx, sitting.bodyId);
    await votes.markOpened(tx, id, electorate, att.quorum.met ? null : overrideReason!.trim());
    const row = await tx.get<{ state: string }>('SELECT state FROM votes WHERE id = ?', [id]);
    if (row?.state !== 'open') return false;
    await appendAudit(tx, {
      actor,
      action: 'vote.open',
      subject: `vote:${id}`,
      detail: { inOffice: electorate.length, present: att.present, quorumOverride: att.quorum.met ? null : overrideReason },
    });
    return true;
  });
  forget(ctx, id); // a cast tried before opening may have cached it as a draft
  if (!opened) throw stateError(await getVote(ctx, id), '开始表决');
  // Load what the ballot path checks against before the tablets hear of the vote, not under their first casts.
  await castingState(ctx, id);
  ctx.hub.voteChanged(sitting.meetingId, id, 'state');
  // The first vote opened starts the sitting: those not checked in now read 缺席, not 未报到 (summary.started).
  ctx.hub.attendanceChanged(sitting.meetingId, v.sittingId);
  return getVoteView(ctx, id);
}

/** Closes the vote and fixes its result from the stored ballots. */
export async function closeVote(ctx: ServiceContext, id: number, actor: Actor) {
  const v = await getVote(ctx, id);
  if (v.state !== 'open') throw stateError(v, '结束表决');
  const sitting = await getSitting(ctx, v.sittingId);
  // From here no cast is accepted; casts accepted before are queued ahead of the close and counted.
  await stopAccepting(ctx, id);
  const closed = await ctx.db.write(async (tx) => {
    const row = await tx.get<{ state: string }>('SELECT state FROM votes WHERE id = ?', [id]);
    if (row?.state !== 'open') return false;
    const electorate = await votes.electorateIds(tx, id);
    const head = await headcountOf(tx, v.sittingId, electorate, v.inOffice ?? electorate.length);
    const result = computeResult(specOf(v), await ballots.ballotContents(tx, id), head);
    const sealed = v.secrecy === 'secret' ? await sealSecretVote(tx, id) : undefined;
    await votes.markClosed(tx, id, head.present, result);
    await appendAudit(tx, { actor, action: 'vote.close', subject: `vote:${id}`, detail: sealed ? { result, sealed } : { result } });
    return true;
  });
  forget(ctx, id);
  if (!closed) throw stateError(await getVote(ctx, id), '结束表决');
  if (v.secrecy === 'secret') await clearWal(ctx, id, walCleared(ctx));
  ctx.hub.voteChanged(sitting.meetingId, id, 'state');
  return getVoteView(ctx, id);
}

/** Tells the console that votes' WAL was cleared in the background (their walPending turns false). */
const walCleared = (ctx: ServiceContext) => (voteIds: number[]) => {
  for (const voteId of voteIds) {
    void getVote(ctx, voteId)
      .then((v) => getSitting(ctx, v.sittingId))
      .then((sitting) => ctx.hub.voteChanged(sitting.meetingId, voteId, 'state'))
      .catch(() => undefined);
  }
};

const walNotCleared = () =>
  new AppError(
    'ERR_VOTE_STATE',
    '数据库日志（WAL）尚未清除：仍有读取连接占用，本无记名表决的投票顺序可能还留在日志中，请稍后再宣布结果 / ' +
      'The write-ahead log still holds this secret vote (a reader is holding it): announce once it has been truncated',
  );

async function transition(ctx: ServiceContext, id: number, from: votes.VoteRecord['state'][], to: 'announced' | 'cancelled', actor: Actor, detail: Record<string, unknown>) {
  const v = await getVote(ctx, id);
  if (to === 'cancelled') await stopAccepting(ctx, id);
  if (to === 'announced' && walPending(ctx, id) && !(await clearWal(ctx, id, walCleared(ctx)))) throw walNotCleared();
  const ok = await ctx.db.write(async (tx) => {
    const row = await tx.get<{ state: string }>('SELECT state FROM votes WHERE id = ?', [id]);
    const sealed = to === 'cancelled' && v.secrecy === 'secret' && row?.state === 'open' ? await sealSecretVote(tx, id) : undefined;
    const changed = await votes.setState(tx, id, from, to);
    const action = `vote.${to === 'announced' ? 'announce' : 'cancel'}`;
    if (changed) await appendAudit(tx, { actor, action, subject: `vote:${id}`, detail: sealed ? { ...detail, sealed } : detail });
    return changed;
  });
  forget(ctx, id);
  if (!ok) throw stateError(v, to === 'announced' ? '宣布结果' : '取消');
  if (to === 'cancelled' && v.secrecy === 'secret') await clearWal(ctx, id, walCleared(ctx));
  const sitting = await getSitting(ctx, v.sittingId);
  ctx.hub.voteChanged(sitting.meetingId, id, 'state');
  return getVoteView(ctx, id);
}

export const announceVote = (ctx: ServiceContext, id: number, actor: Actor) => transition(ctx, id, ['closed'], 'announced', actor, {});

export const cancelVote = (ctx: ServiceContext, id: number, reason: string, actor: Actor) =>
  transition(ctx, id, ['draft', 'open'], 'cancelled', actor, { reason });
