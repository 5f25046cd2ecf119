// Ballot tracker (计票核验, shared/ballot-tracker.ts): the closed ballot box of a secret vote goes to seat tablets, and
// each tablet that cast reports whether its ballots are in it as cast. A mismatch is an alarm on the console. Only a
// tablet that cast in the vote may report; its first mismatch stays (tracker-repository.ts trackerTally).
import type { BallotBox } from '../../shared/ballot-tracker';
import { AppError } from '../../shared/errors';
import type { TrackerReport } from '../../shared/schemas/votes';
import type { BallotContent } from '../../shared/types';
import type { DeviceView } from '../../shared/views';
import { appendAudit } from '../repositories/audit-repository';
import { ballotBox } from '../repositories/ballots-repository';
import { castIn, sealedSummary, TRACKER_ACTION } from '../repositories/tracker-repository';
import type { ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { getVote } from './vote-service';

async function closedSecretVote(ctx: ServiceContext, voteId: number) {
  const v = await getVote(ctx, voteId);
  if (v.secrecy !== 'secret') throw new AppError('ERR_VOTE_STATE', '只有无记名表决公布投票箱 / Only secret votes publish a ballot box');
  if (v.state !== 'closed' && v.state !== 'announced') {
    throw new AppError('ERR_VOTE_STATE', '表决结束后才公布投票箱 / The ballot box is published once the vote has closed');
  }
  return v;
}

/**
 * The closed box: every ballot's key and content, in key order, and nothing about who cast it; with what the close
 * announced in the log (count and digest), which the tablet checks the box against (shared/ballot-tracker.ts).
 */
export async function publishedBox(ctx: ServiceContext, voteId: number): Promise<BallotBox> {
  await closedSecretVote(ctx, voteId);
  const rows = await ballotBox(ctx.db, voteId);
  const sealed = await sealedSummary(ctx.db, voteId);
  return {
    voteId,
    ballots: rows.map((r) => ({ key: r.key, content: JSON.parse(r.content) as BallotContent })),
    announced: sealed ? { ballots: sealed.ballots, digest: sealed.box } : null,
  };
}

export async function reportTracker(ctx: ServiceContext, device: DeviceView, voteId: number, report: TrackerReport): Promise<{ ok: true }> {
  const v = await closedSecretVote(ctx, voteId);
  if (report.mismatched > report.checked) throw new AppError('ERR_VALIDATION', '不一致的选票数不能多于核验数 / mismatched exceeds checked');
  if (!(await castIn(ctx.db, voteId, device.id))) {
    throw new AppError('ERR_FORBIDDEN', '本终端未在该表决中投票，不能提交核验结果 / This tablet did not cast in this vote: it cannot report on it');
  }
  await ctx.db.write((tx) => appendAudit(tx, { actor: `device:${device.id}`, action: TRACKER_ACTION, subject: `vote:${voteId}`, detail: { ...report } }));
  ctx.hub.voteChanged((await getSitting(ctx, v.sittingId)).meetingId, voteId, 'state');
  return { ok: true };
}
