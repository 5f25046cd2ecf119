// The vote checks: what the ballot tables hold must agree with itself, with the audit log and with the
// stored result. Each closed or announced vote's result is recomputed with computeResult from the stored
// ballots (the same spec the server used: specOf) and its stored in_office / present.
import { computeResult } from '../../shared/rules';
import type { BallotContent } from '../../shared/types';
import type { VoteResult } from '../../shared/rules/result-types';
import { ballotBox, ballotContents } from '../repositories/ballots-repository';
import { electorateIds, findVote, type VoteRecord } from '../repositories/votes-repository';
import type { Reader } from '../repositories/rows';
import { boxDigest } from '../services/secret-seal';
import { specOf } from '../services/vote-spec';
import type { VoteTrail } from './chain';
import { canonical, type AuditProblem } from './problem';
import { resultInEachRulesVersion } from './result-rules';

interface Counts {
  ballots: number;
  participation: number;
  changes: number;
  requests: number;
  recorded: number;
}

async function countsOf(db: Reader, voteId: number): Promise<Counts> {
  const row = await db.get<Counts>(
    `SELECT (SELECT COUNT(*) FROM ballots WHERE vote_id = $v) AS ballots,
            (SELECT COUNT(*) FROM participation WHERE vote_id = $v) AS participation,
            (SELECT COALESCE(SUM(changes), 0) FROM participation WHERE vote_id = $v) AS changes,
            (SELECT COUNT(*) FROM cast_requests WHERE vote_id = $v) AS requests,
            (SELECT COUNT(*) FROM cast_requests WHERE vote_id = $v AND outcome = 'recorded') AS recorded`,
    { $v: voteId },
  );
  return row!;
}

type Check = (p: Omit<AuditProblem, 'voteId'>) => AuditProblem;

/** Open votes: every ballot belongs to a deputy who has a participation row, and holds what the log recorded last. */
async function checkOpenBallots(db: Reader, v: VoteRecord, trail: VoteTrail, fail: Check): Promise<AuditProblem | null> {
  const rows = await db.all<{ deputy_id: number | null; content: string; voted: number }>(
    `SELECT b.deputy_id, b.content, EXISTS (SELECT 1 FROM participation p WHERE p.vote_id = b.vote_id AND p.deputy_id = b.deputy_id) AS voted
     FROM ballots b WHERE b.vote_id = ? ORDER BY b.deputy_id`,
    [v.id],
  );
  for (const r of rows) {
    const logged = r.deputy_id === null ? undefined : trail.lastContent.get(r.deputy_id);
    if (r.deputy_id === null || !r.voted) {
      return fail({ entryId: logged?.entryId ?? null, action: logged ? 'ballot.record' : null, message: `a ballot of this open vote has no voter on record (deputy ${r.deputy_id})` });
    }
    if (!logged) return fail({ entryId: null, action: null, message: `deputy ${r.deputy_id}'s ballot has no ballot.record entry in the log` });
    let stored: unknown;
    try {
      stored = JSON.parse(r.content);
    } catch {
      stored = r.content;
    }
    if (canonical(stored) !== canonical(logged.content)) {
      return fail({ ...logged, action: 'ballot.record', message: `deputy ${r.deputy_id}'s stored ballot ${r.content} is not what this entry recorded (${canonical(logged.content)})` });
    }
  }
  return null;
}

/**
 * A secret vote that ended: its close or cancel entry sums up its ballots (no entry per ballot is logged) and holds
 * the closed box's digest, so a ballot edited after the end shows here; its request ids were deleted at the end.
 */
async function checkSealed(db: Reader, v: VoteRecord, c: Counts, trail: VoteTrail, fail: Check): Promise<AuditProblem | null> {
  const s = trail.sealed;
  if (!s) return fail({ entryId: trail.close?.entryId ?? null, action: trail.close ? 'vote.close' : null, message: `the secret vote is ${v.state} but no close or cancel entry sums up its ballots` });
  const at = { entryId: s.entryId, action: s.action };
  if (c.ballots !== c.participation) return fail({ ...at, message: `${c.ballots} ballots stored but ${c.participation} deputies recorded as having voted` });
  if (s.ballots !== c.ballots) return fail({ ...at, message: `${c.ballots} ballots stored, this entry sealed ${String(s.ballots)}` });
  if (s.requests !== c.participation + c.changes) {
    return fail({ ...at, message: `this entry sealed ${String(s.requests)} cast requests, but ${c.participation} voters with ${c.changes} changes make ${c.participation + c.changes}` });
  }
  if (c.requests !== 0) return fail({ ...at, message: `${c.requests} cast request ids are still stored after the vote ended` });
  if (boxDigest(await ballotBox(db, v.id)) !== s.box) return fail({ ...at, message: 'the stored ballot box differs from the one this entry sealed: a ballot was edited after the vote ended' });
  return null;
}

function checkCounts(c: Counts, trail: VoteTrail, fail: Check, secret: boolean): AuditProblem | null {
  const at = { entryId: trail.lastBallotEntry ?? trail.close?.entryId ?? null, action: trail.lastBallotEntry ? 'ballot.record' : trail.close ? 'vote.close' : null };
  if (c.ballots !== c.participation) return fail({ ...at, message: `${c.ballots} ballots stored but ${c.participation} deputies recorded as having voted` });
  if (c.recorded !== c.participation) return fail({ ...at, message: `${c.recorded} first-ballot requests for ${c.participation} voters` });
  if (c.requests !== c.participation + c.changes) {
    return fail({ ...at, message: `${c.requests} cast requests, but ${c.participation} voters with ${c.changes} changes make ${c.participation + c.changes}` });
  }
  // Secret votes log no entry per ballot (secret-seal.ts).
  if (secret) return trail.ballotRecords === 0 ? null : fail({ ...at, message: `the log records ${trail.ballotRecords} ballots of a secret vote one by one` });
  if (trail.ballotRecords !== c.requests) return fail({ ...at, message: `the log records ${trail.ballotRecords} ballots, the cast requests ${c.requests}` });
  return null;
}

function recompute(v: VoteRecord, contents: BallotContent[], inOffice: number): { result?: VoteResult; error?: string } {
  try {
    // 请假 decides nothing (no pass rule counts it) and leaves may change after close: it is taken as stored.
    const onLeave = (v.result as { onLeave?: number } | null)?.onLeave ?? 0;
    return { result: computeResult(specOf(v), contents, { inOffice, present: v.present ?? 0, onLeave }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function checkResult(db: Reader, v: VoteRecord, trail: VoteTrail, fail: Check): Promise<AuditProblem | null> {
  const close = trail.close;
  const at = close ? { entryId: close.entryId, action: 'vote.close' } : { entryId: null, action: null };
  if (!close) return fail({ ...at, message: `the vote is ${v.state} but the log has no vote.close entry for it` });
  if (v.result === null) return fail({ ...at, message: 'the vote is closed but votes.result is empty' });
  const inOffice = v.inOffice ?? (await electorateIds(db, v.id)).length;
  const again = recompute(v, await ballotContents(db, v.id), inOffice);
  if (again.error) return fail({ ...at, message: `its result cannot be recomputed: ${again.error}` });
  // The stored result may come from an earlier version of the rules (result-rules.ts says why and what that allows).
  const stored = canonical(v.result);
  if (!resultInEachRulesVersion(again.result!).some((form) => canonical(form) === stored)) {
    return fail({ ...at, message: `the result recomputed from the stored ballots ${canonical(again.result)} differs from votes.result ${canonical(v.result)}` });
  }
  if (canonical(close.result) !== canonical(v.result)) {
    return fail({ ...at, message: `votes.result ${canonical(v.result)} differs from the result this entry recorded ${canonical(close.result)}` });
  }
  return null;
}

/** The first problem with one vote, or null. */
export async function checkVote(db: Reader, voteId: number, trail: VoteTrail | undefined): Promise<AuditProblem | null> {
  const v = (await findVote(db, voteId))!;
  const t: VoteTrail = trail ?? { ballotRecords: 0, lastContent: new Map() };
  const fail: Check = (p) => ({ ...p, voteId });
  const c = await countsOf(db, voteId);
  if (v.state === 'draft' || (v.state === 'cancelled' && v.openedAt === null)) {
    if (c.ballots + c.participation + c.requests > 0) return fail({ entryId: t.lastBallotEntry ?? null, action: null, message: 'a draft vote has ballots' });
    return null;
  }
  if (!t.open) return fail({ entryId: null, action: null, message: `the vote is ${v.state} but the log has no vote.open entry for it` });
  const electorate = (await electorateIds(db, voteId)).length;
  if (t.open.inOffice !== v.inOffice || electorate !== v.inOffice) {
    return fail({ ...t.open, action: 'vote.open', message: `deputies in office: this entry says ${String(t.open.inOffice)}, votes.in_office ${v.inOffice}, the electorate has ${electorate}` });
  }
  // A secret vote that ended before sealing existed logged each ballot: it is checked the way open votes are.
  const sealedKind = v.secrecy === 'secret' && (t.sealed !== undefined || t.ballotRecords === 0);
  const problem =
    (sealedKind && v.state !== 'open' ? await checkSealed(db, v, c, t, fail) : checkCounts(c, t, fail, sealedKind)) ??
    (v.secrecy === 'open' ? await checkOpenBallots(db, v, t, fail) : null) ??
    (v.state === 'closed' || v.state === 'announced' ? await checkResult(db, v, t, fail) : null);
  return problem;
}
