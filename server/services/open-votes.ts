// What the ballot path needs to know about an open vote, held in memory so a cast is checked without a read:
// the electorate, who has voted, which ballot keys exist, every request id seen, who is checked in.
// Loaded inside the write queue (so it reflects every write before it), kept current by the ballot path,
// flagged closed synchronously when the vote closes, and dropped whenever a write fails.
import { assertSpec } from '../../shared/rules';
import type { VoteSpec } from '../../shared/types';
import type { VoteRecord } from '../repositories/votes-repository';
import { findVote } from '../repositories/votes-repository';
import { counts } from '../repositories/attendance-repository';
import type { ServiceContext } from './context';
import { specOf } from './vote-spec';

export interface OpenVote {
  vote: VoteRecord;
  spec: VoteSpec;
  meetingId: number;
  /** False from the moment a close or cancel is requested: no cast is accepted after that. */
  open: boolean;
  electorate: Set<number>;
  /** Deputies with a ballot. For secret votes this and `keys` are separate sets: nothing maps one to the other. */
  voted: Set<number>;
  keys: Set<string>;
  /** Every request id seen, committed or in flight, with the deputy it was for and its commit. */
  requests: Map<string, { deputyId: number; committed: Promise<void> }>;
  /** Deputies known to be checked in to the vote's sitting; a check-in held on 人脸校对 is taken out (dropCheckedIn). */
  checkedIn: Set<number>;
}

const caches = new WeakMap<ServiceContext, Map<number, Promise<OpenVote | null>>>();

function cacheOf(ctx: ServiceContext): Map<number, Promise<OpenVote | null>> {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = new Map()));
  return c;
}

async function load(ctx: ServiceContext, voteId: number): Promise<OpenVote | null> {
  // Inside the write queue: every earlier write has committed, none is half done.
  return ctx.db.write(async (tx) => {
    const vote = await findVote(tx, voteId);
    if (!vote) return null;
    const meeting = await tx.get<{ meeting_id: number }>('SELECT meeting_id FROM sittings WHERE id = ?', [vote.sittingId]);
    const ids = async (sql: string) => (await tx.all<{ v: number }>(sql, [voteId])).map((r) => r.v);
    const requests = await tx.all<{ client_id: string; deputy_id: number }>('SELECT client_id, deputy_id FROM cast_requests WHERE vote_id = ?', [voteId]);
    const keys = await tx.all<{ ballot_key: string }>('SELECT ballot_key FROM ballots WHERE vote_id = ?', [voteId]);
    const checkedIn = await tx.all<{ v: number }>(
      `SELECT p.deputy_id AS v FROM checkins c JOIN participants p ON p.id = c.participant_id
       WHERE c.sitting_id = ? AND p.deputy_id IS NOT NULL AND ${counts('c')}`,
      [vote.sittingId],
    );
    const done = Promise.resolve();
    const spec = specOf(vote);
    assertSpec(spec); // once here, so each cast checks only its ballot against it
    return {
      vote,
      spec,
      meetingId: meeting!.meeting_id,
      open: vote.state === 'open',
      electorate: new Set(await ids('SELECT deputy_id AS v FROM vote_electorate WHERE vote_id = ?')),
      voted: new Set(await ids('SELECT deputy_id AS v FROM participation WHERE vote_id = ?')),
      keys: new Set(keys.map((k) => k.ballot_key)),
      requests: new Map(requests.map((r) => [r.client_id, { deputyId: r.deputy_id, committed: done }])),
      checkedIn: new Set(checkedIn.map((r) => r.v)),
    };
  });
}

/** The vote's cached state (null when there is no such vote). */
export function openVote(ctx: ServiceContext, voteId: number): Promise<OpenVote | null> {
  const cache = cacheOf(ctx);
  let entry = cache.get(voteId);
  if (!entry) {
    entry = load(ctx, voteId);
    entry.catch(() => cache.delete(voteId));
    cache.set(voteId, entry);
  }
  return entry;
}

/** Stops accepting casts at once (before the close is written), then forgets the state. */
export async function stopAccepting(ctx: ServiceContext, voteId: number): Promise<void> {
  const entry = cacheOf(ctx).get(voteId);
  if (!entry) return;
  const state = await entry.catch(() => null);
  if (state) state.open = false;
}

export function forget(ctx: ServiceContext, voteId: number): void {
  cacheOf(ctx).delete(voteId);
}

/** A check-in held on 人脸校对: the deputy may not cast in the sitting's open votes until it is confirmed. */
export async function dropCheckedIn(ctx: ServiceContext, sittingId: number, deputyId: number): Promise<void> {
  for (const entry of cacheOf(ctx).values()) {
    const state = await entry.catch(() => null);
    if (state?.vote.sittingId === sittingId) state.checkedIn.delete(deputyId);
  }
}
