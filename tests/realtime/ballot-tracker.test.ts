// Ballot tracker (计票核验), over real sockets: three seat tablets cast a secret vote (3–2) over their live sockets;
// while it is open someone rewrites the ballots in the file from outside the app, as the review did with the sqlite3
// CLI, and turns it into 5–0. The close counts 5–0 and audit:verify, which sees only a consistent file, says OK. The
// tablets that cast a ballot now changed find it in the published box as not cast; the console, live, shows
// "3 台终端已核验，2 台不一致".
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotKeyOf, boxAsAnnounced, trackBallot, type BallotBox } from '../../shared/ballot-tracker';
import type { BallotContent, Mark } from '../../shared/types';
import type { VoteView } from '../../shared/views';
import { verifyAudit, verifyFile } from '../../server/audit/verify';
import { buildApp } from '../../server/app';
import { openReadOnly } from '../../server/audit/read-only';
import { pairDevice } from '../helpers/devices';
import { tamperedCopy } from '../helpers/tampered-copy';
import { call, makeApp, type TestApp } from '../helpers/app';
import { inject, signedFetch } from '../helpers/devices';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { listen, tablet, watch } from '../helpers/live';
import { seatVoters, type Voters } from '../helpers/voting';

let t: TestApp;
let s: Sitting;
let host: string;
/** Three seat tablets, each the one its deputies vote at. */
let seats: Voters[];

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 5);
  await checkIn(t.app, s, s.deputyIds);
  seats = [await seatVoters(t.app, s), await seatVoters(t.app, s), await seatVoters(t.app, s)];
  host = await listen(t.app);
});
afterAll(() => t.close());

/** What a tablet keeps for each ballot it cast until the vote ends: the secret and the content it sent. */
interface Kept {
  secret: string;
  content: BallotContent;
}

async function rewriteFromOutside(sql: string): Promise<void> {
  const db = new sqlite3.Database(t.dbPath);
  await new Promise<void>((resolve, reject) => db.exec(`PRAGMA busy_timeout = 5000; ${sql}`, (e) => (e ? reject(e) : resolve())));
  await new Promise<void>((resolve) => db.close(() => resolve()));
}

describe('ballot tracker', () => {
  it('catches ballots rewritten in the file while the vote was open, on the tablets that cast them', async () => {
    const vote = await createVote(t.app, s, { kind: 'resolution', title: '无记名计票核验', secrecy: 'secret' });
    await call(t.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
    const motion = String(vote.options[0]!.id);
    const marks: Mark[] = ['yes', 'yes', 'yes', 'no', 'no'];
    const console_ = watch(host, s.meeting.id, t.cookie);
    const kept = new Map<number, Kept[]>();
    const clients = seats.map((seat) => tablet(host, s.meeting.id, seat.seat.token));
    for (const c of clients) expect(await c.until('live')).toBe('live');
    for (const [i, deputyId] of s.deputyIds.entries()) {
      const at = i < 2 ? 0 : i < 4 ? 1 : 2;
      const content = { marks: { [motion]: marks[i]! } };
      const secret = randomBytes(16).toString('hex');
      const voterToken = await seats[at]!.identify(deputyId);
      const reply = await clients[at]!.client.cast(vote.id, { clientId: randomUUID(), voterToken, content, ballotSecret: secret });
      expect(reply.outcome).toBe('recorded');
      kept.set(at, [...(kept.get(at) ?? []), { secret, content }]);
    }

    await rewriteFromOutside(`UPDATE ballots SET content = replace(content, '"no"', '"yes"') WHERE vote_id = ${vote.id}`);
    const closed = (await call<VoteView>(t.app, 'POST', `/api/votes/${vote.id}/close`, undefined, 200)).body;
    expect(closed.tally).toMatchObject({ yes: 5, no: 0 });
    expect((await verifyAudit(t.app.ctx.db)).ok).toBe(true); // the file agrees with itself: only the tablets can tell

    // Each tablet sees the close on its socket, fetches the closed box and checks its own ballots.
    for (const [at, c] of clients.entries()) {
      for (let i = 0; i < 100 && c.client.state?.votes.find((v) => v.id === vote.id)?.state !== 'closed'; i++) await new Promise((r) => setTimeout(r, 50));
      const res = await signedFetch(`http://${host}/api/votes/${vote.id}/ballot-box`, { headers: seats[at]!.seat.headers });
      expect(res.status).toBe(200);
      const box = (await res.json()) as BallotBox;
      expect(box.ballots).toHaveLength(5);
      expect(JSON.stringify(box)).not.toMatch(/deputy/);
      const outcomes = await Promise.all(kept.get(at)!.map(async (k) => trackBallot(box, await ballotKeyOf(vote.id, k.secret), k.content)));
      const report = { checked: outcomes.length, mismatched: outcomes.filter((o) => o === 'mismatch').length };
      expect(report.mismatched).toBe(at === 0 ? 0 : 1);
      const sent = await signedFetch(`http://${host}/api/votes/${vote.id}/tracker`, {
        method: 'POST',
        headers: { ...seats[at]!.seat.headers, 'content-type': 'application/json' },
        body: JSON.stringify(report),
      });
      expect(sent.status).toBe(200);
    }

    const state = await console_.until((st) => st.votes.find((v) => v.id === vote.id)?.tracker?.verified === 3);
    expect(state.votes.find((v) => v.id === vote.id)!.tracker).toEqual({ verified: 3, mismatched: 2 });
    for (const c of clients) c.client.close();
    console_.client.close();
  });

  it('publishes the box only once the vote has closed, and only to seat tablets', async () => {
    const vote = await createVote(t.app, s, { kind: 'resolution', title: '未结束', secrecy: 'secret' });
    await call(t.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
    const res = await inject(t.app, { method: 'GET', url: `/api/votes/${vote.id}/ballot-box`, headers: seats[0]!.seat.headers });
    expect(res.statusCode).toBe(409);
    expect((JSON.parse(res.body) as { error: { message: string } }).error.message).toMatch(/^表决结束后才公布投票箱/);
    const bad = await inject(t.app, { method: 'POST', url: `/api/votes/${vote.id}/tracker`, headers: seats[0]!.seat.headers, payload: { checked: 0, mismatched: 0 } });
    expect(bad.statusCode).toBe(400);
    expect((await inject(t.app, { method: 'GET', url: `/api/votes/${vote.id}/ballot-box` })).statusCode).toBe(401);
  });
});

// Issue 22, point 4: the tracker could be emptied or faked. A report from a tablet of another sitting that never cast
// ({1000, 1000}) counted; a stolen token re-reported a mismatching tablet as fine (the last report counted: 2 alarms
// became 1); deleting the trailing tracker entries offline left the console at 0 / 0 and audit:verify OK.
describe('ballot tracker reports that cannot be faked or emptied', () => {
  const report = (app: TestApp['app'], headers: Record<string, string>, voteId: number, body: { checked: number; mismatched: number }) =>
    inject(app, { method: 'POST', url: `/api/votes/${voteId}/tracker`, headers, payload: body });

  async function castAndClose(app: TestApp['app'], sitting: Sitting, tablets: Voters[]): Promise<VoteView> {
    const vote = await createVote(app, sitting, { kind: 'resolution', title: '核验伪造', secrecy: 'secret' });
    await call(app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
    const motion = String(vote.options[0]!.id);
    // tablet 0: deputies 0 and 1; tablet 1: deputies 2 and 3; tablet 2 casts nothing in this vote.
    for (const [i, deputyId] of sitting.deputyIds.slice(0, 4).entries()) {
      expect((await tablets[i < 2 ? 0 : 1]!.cast(vote.id, deputyId, { marks: { [motion]: 'yes' } })).status).toBe(201);
    }
    await call(app, 'POST', `/api/votes/${vote.id}/close`, undefined, 200);
    return vote;
  }

  it('counts a report once per tablet that cast in the vote, and a mismatch is never overwritten', async () => {
    const vote = await castAndClose(t.app, s, seats);
    const other = await seedSitting(t.app, 2);
    const stranger = await pairDevice(t.app, 'seat', other.sittingId);
    const refused = await report(t.app, stranger.headers, vote.id, { checked: 1000, mismatched: 1000 });
    expect(refused.statusCode).toBe(403);
    expect((JSON.parse(refused.body) as { error: { message: string } }).error.message).toMatch(/^本终端未在该表决中投票/);
    expect((await report(t.app, seats[2]!.seat.headers, vote.id, { checked: 1, mismatched: 1 })).statusCode).toBe(403); // same sitting, did not cast
    expect((await report(t.app, seats[0]!.seat.headers, vote.id, { checked: 2, mismatched: 0 })).statusCode).toBe(200);
    expect((await report(t.app, seats[0]!.seat.headers, vote.id, { checked: 2, mismatched: 0 })).statusCode).toBe(200);
    expect((await report(t.app, seats[1]!.seat.headers, vote.id, { checked: 2, mismatched: 1 })).statusCode).toBe(200);
    expect((await report(t.app, seats[1]!.seat.headers, vote.id, { checked: 2, mismatched: 0 })).statusCode).toBe(200); // the stolen token's "all fine"
    expect((await call<VoteView>(t.app, 'GET', `/api/votes/${vote.id}`)).body.tracker).toEqual({ verified: 2, mismatched: 1 });
  });

  it('the tablet checks the box against the count and digest the close sealed in the log', async () => {
    const vote = await castAndClose(t.app, s, seats);
    const boxNow = async () => JSON.parse((await inject(t.app, { method: 'GET', url: `/api/votes/${vote.id}/ballot-box`, headers: seats[0]!.seat.headers })).body) as BallotBox;
    expect(await boxAsAnnounced(await boxNow())).toBe(true);
    await rewriteFromOutside(`DELETE FROM ballots WHERE vote_id = ${vote.id} AND ballot_key = (SELECT MAX(ballot_key) FROM ballots WHERE vote_id = ${vote.id})`);
    expect(await boxAsAnnounced(await boxNow())).toBe(false);
  });

  it('trailing tracker reports cut from the file while the server was stopped are found at the next start and by audit:verify', async () => {
    const u = await makeApp();
    try {
      const us = await seedSitting(u.app, 4);
      await checkIn(u.app, us, us.deputyIds);
      const tablets = [await seatVoters(u.app, us), await seatVoters(u.app, us)];
      const vote = await castAndClose(u.app, us, tablets);
      expect((await report(u.app, tablets[0]!.seat.headers, vote.id, { checked: 2, mismatched: 0 })).statusCode).toBe(200);
      expect((await report(u.app, tablets[1]!.seat.headers, vote.id, { checked: 2, mismatched: 2 })).statusCode).toBe(200);
      await u.app.close();
      const copy = await tamperedCopy(u.dbPath, `DELETE FROM audit_events WHERE action = 'ballot.tracker'`);
      expect((await verifyFile(copy)).problem?.message).toMatch(/its tail was cut/);
      const restarted = await buildApp({ dbPath: copy });
      await restarted.close();
      const db = await openReadOnly(copy);
      const found = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'audit.anchor'");
      await db.close();
      expect(found?.n).toBe(1);
      expect((await verifyFile(copy)).ok).toBe(false);
    } finally {
      rmSync(u.dir, { recursive: true, force: true });
    }
  }, 60_000);
});
