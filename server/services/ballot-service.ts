// Casting a ballot: only a deputy of the vote's electorate, checked in to the sitting, while the vote is open.
//
// Exactly once: every request id is recorded with its ballot in the same transaction; a retry finds the id and
// is answered 'duplicate' without counting again, and a late retry of an older request never undoes a newer
// change. Speed: a cast is checked in memory against the open vote's cached state (open-votes.ts), in one
// synchronous step so two casts can never both pass the same check; accepted casts wait for the next batch,
// which stores them all with a few multi-row statements in one transaction. The reply goes out after commit.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { checkBallot } from '../../shared/rules';
import type { CastBallot, CastReply } from '../../shared/schemas/votes';
import type { BallotContent } from '../../shared/types';
import type { DeviceView } from '../../shared/views';
import { together } from '../db/database';
import { insertCasts, type CastRow } from '../repositories/ballots-repository';
import { counts } from '../repositories/attendance-repository';
import { appendAuditMany, type AuditEntry } from '../repositories/audit-repository';
import type { ServiceContext } from './context';
import { forget, openVote, type OpenVote } from './open-votes';
import { currentBinding, spend, unboundError } from './seat-bindings';
import type { VoterClaim } from './voter-token';

/** Secret votes key the ballot by a hash of the tablet's secret: the database alone cannot tie it to anyone. */
export function ballotKey(voteId: number, deputyId: number, secret: string | undefined): string {
  if (secret === undefined) return `deputy:${deputyId}`;
  return createHash('sha256').update(`${voteId}:${secret}`).digest('hex');
}

const notOpen = (state: string) =>
  state === 'draft'
    ? new AppError('ERR_VOTE_NOT_OPEN', '表决尚未开始 / Voting has not started')
    : new AppError('ERR_VOTE_NOT_OPEN', '表决已结束 / Voting is closed');

export interface CastRequest {
  clientId: string;
  deputyId: number;
  content: BallotContent;
  ballotSecret?: string;
}

interface Pending {
  cast: CastRow;
  secret: boolean;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** Casts accepted in memory and waiting for their batch, per app instance. */
const queues = new WeakMap<ServiceContext, { pending: Pending[]; queued: boolean }>();

/**
 * Open (记名) votes log each ballot: who, what, from which tablet. Secret votes log none: an entry per ballot carries
 * a tablet, a time and an order, which is what must not outlive the vote; its close (or cancel) entry sums them up
 * instead (secret-seal.ts).
 */
function auditOf(p: Pending): AuditEntry[] {
  const c = p.cast;
  if (p.secret) return [];
  const actor = c.deviceId ? `device:${c.deviceId}` : 'api';
  return [{ actor, action: 'ballot.record', subject: `vote:${c.voteId}`, detail: { outcome: c.outcome, deputyId: c.deputyId, content: c.content } }];
}

/** Queues one write job that, when it runs, takes every cast accepted by then: the batch grows while I/O waits. */
function enqueue(ctx: ServiceContext, item: Pending): void {
  let q = queues.get(ctx);
  if (!q) queues.set(ctx, (q = { pending: [], queued: false }));
  q.pending.push(item);
  if (q.queued) return;
  q.queued = true;
  const queue = q;
  let batch: Pending[] = [];
  ctx.db
    .write(async (tx) => {
      queue.queued = false;
      batch = queue.pending.splice(0);
      // A vote closed after these casts were accepted in memory: the database refuses them (migration 0003).
      const stored = insertCasts(tx, batch.map((p) => p.cast)).catch((e: unknown) => {
        throw String(e).includes('ERR_VOTE_NOT_OPEN') ? notOpen('closed') : e;
      });
      await together([stored, appendAuditMany(tx, batch.flatMap(auditOf))]);
    }, { covered: false }) // ballots, participation and cast requests: no audit-covered table (audit/covered.ts)
    .then(
      () => batch.forEach((p) => p.resolve()),
      (error: unknown) => {
        // The in-memory state ran ahead of a write that did not happen: drop it, reload from the database.
        for (const voteId of new Set(batch.map((p) => p.cast.voteId))) forget(ctx, voteId);
        batch.forEach((p) => p.reject(error));
      },
    );
}

/** Check and accept in one synchronous step (no await inside), so concurrent casts see each other. */
function accept(state: OpenVote, req: CastRequest, key: string, deviceId: number | null, retryOnly: boolean, retryOnlyError?: AppError) {
  const { vote } = state;
  if (!state.open) return { error: notOpen('closed') };
  const seen = state.requests.get(req.clientId);
  if (seen) {
    if (seen.deputyId !== req.deputyId) return { error: new AppError('ERR_CONFLICT', '请求编号已被使用 / clientId already used') };
    return { duplicate: seen.committed };
  }
  if (retryOnly) return { error: retryOnlyError ?? new AppError('ERR_UNAUTHORIZED', '身份确认已过期，请重新刷脸 / Identity confirmation expired: look at the camera again') };
  if (!state.electorate.has(req.deputyId)) {
    return { error: new AppError('ERR_NOT_ELIGIBLE', '您不在本次表决的代表名单中 / Not a deputy in office for this vote') };
  }
  if (!state.checkedIn.has(req.deputyId)) return { error: new AppError('ERR_NOT_CHECKED_IN', '您尚未报到，不能表决 / Not checked in to this sitting') };
  const voted = state.voted.has(req.deputyId);
  if (voted && vote.changePolicy === 'first') {
    return { error: new AppError('ERR_ALREADY_VOTED', '您已投票，本表决不可更改 / Already voted; this vote allows no change') };
  }
  // A secret ballot can only be replaced by the tablet holding its secret; a new secret from a deputy who
  // voted would be a second ballot, and an existing key for a deputy who has not voted is someone else's.
  if (voted !== state.keys.has(key)) {
    return { error: new AppError('ERR_ALREADY_VOTED', '您已投票，请在原表决终端更改 / Already voted from another tablet') };
  }
  const secret = vote.secrecy === 'secret';
  const cast: CastRow = {
    voteId: vote.id,
    ballotKey: key,
    ballotDeputyId: secret ? null : req.deputyId,
    deputyId: req.deputyId,
    deviceId,
    clientId: req.clientId,
    content: req.content,
    outcome: voted ? 'changed' : 'recorded',
  };
  state.voted.add(req.deputyId);
  state.keys.add(key);
  return { cast, secret };
}

export async function castBallot(
  ctx: ServiceContext,
  voteId: number,
  req: CastRequest,
  deviceId: number | null,
  /** When the voter's identity confirmation has expired, only a retry of an already recorded request passes. */
  retryOnly = false,
  /** The refusal for a request that is not such a retry (default: the confirmation expired). */
  retryOnlyError?: AppError,
): Promise<CastReply> {
  const state = await openVote(ctx, voteId);
  if (!state) throw new AppError('ERR_NOT_FOUND', `找不到该表决 / Vote ${voteId} not found`);
  if (state.vote.state === 'draft') throw notOpen('draft');
  const check = checkBallot(state.spec, req.content); // the spec itself was checked when the state loaded
  if (!check.ok) throw new AppError('ERR_BAD_BALLOT', check.message, { reason: check.code });
  const secret = state.vote.secrecy === 'secret';
  if (secret !== (req.ballotSecret !== undefined)) {
    throw new AppError(
      'ERR_BAD_BALLOT',
      secret ? '无记名表决需要选票密钥 / A secret vote needs the tablet ballot secret' : '记名表决不使用选票密钥 / An open vote takes no ballot secret',
    );
  }
  if (!state.checkedIn.has(req.deputyId) && (await isCheckedIn(ctx, state, req.deputyId))) state.checkedIn.add(req.deputyId);

  const outcome = accept(state, req, ballotKey(voteId, req.deputyId, req.ballotSecret), deviceId, retryOnly, retryOnlyError);
  if ('error' in outcome) throw outcome.error;
  if ('duplicate' in outcome) {
    await outcome.duplicate;
    return { outcome: 'duplicate', voteId, clientId: req.clientId };
  }
  const committed = new Promise<void>((resolve, reject) => enqueue(ctx, { cast: outcome.cast, secret: outcome.secret, resolve, reject }));
  committed.catch(() => undefined); // a retry awaiting it gets the error; this request rethrows below
  state.requests.set(req.clientId, { deputyId: req.deputyId, committed });
  await committed;
  ctx.hub.voteChanged(state.meetingId, voteId, 'tally');
  return { outcome: outcome.cast.outcome, voteId, clientId: req.clientId };
}

/**
 * A ballot from a seat tablet (over HTTP or its live socket): cast for the deputy the tablet recognised, as its
 * voter token says. The device is already known to be active and in seat mode.
 */
export async function castFromSeat(ctx: ServiceContext, device: DeviceView, voteId: number, body: CastBallot): Promise<CastReply> {
  const { voterToken, ...ballot } = body;
  const claim = ctx.voterTokens.read(voterToken);
  if (!claim || claim.deviceId !== device.id) {
    throw new AppError('ERR_UNAUTHORIZED', '身份确认无效，请重新刷脸 / Voter confirmation invalid: look at the camera again');
  }
  const expired = claim.expiresAt < Date.now();
  // A token from a seat binding casts one ballot, and only while the binding holds; else only a retry of a ballot
  // already recorded passes (its answer was lost), as for an expired token.
  const bound = claim.bindingId === undefined || (await bindingAllows(ctx, device.id, claim, voterToken, ballot.clientId));
  return castBallot(ctx, voteId, { ...ballot, deputyId: claim.deputyId }, claim.deviceId, expired || !bound, bound ? undefined : unboundError());
}

async function bindingAllows(ctx: ServiceContext, deviceId: number, claim: VoterClaim, token: string, clientId: string): Promise<boolean> {
  const b = await currentBinding(ctx, deviceId);
  return !!b && b.id === claim.bindingId && b.deputyId === claim.deputyId && spend(b, token, clientId);
}

async function isCheckedIn(ctx: ServiceContext, state: OpenVote, deputyId: number): Promise<boolean> {
  return !!(await ctx.db.get(
    `SELECT 1 AS x FROM checkins c JOIN participants p ON p.id = c.participant_id WHERE c.sitting_id = ? AND p.deputy_id = ? AND ${counts('c')}`,
    [state.vote.sittingId, deputyId],
  ));
}
