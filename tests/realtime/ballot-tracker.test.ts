// Ballot tracker (计票核验), over real sockets: three seat tablets cast a secret vote (3–2) over their live sockets;
// while it is open someone rewrites the ballots in the file from outside the app, as the review did with the sqlite3
// CLI, and turns it into 5–0. The close counts 5–0 and audit:verify, which sees only a consistent file, says OK. The
// tablets that cast a ballot now changed find it in the published box as not cast; the console, live, shows
// "3 台终端已核验，2 台不一致".
import { randomBytes, randomUUID } from 'node:crypto';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotKeyOf, trackBallot, type BallotBox } from '../../shared/ballot-tracker';
import type { BallotContent, Mark } from '../../shared/types';
import type { VoteView } from '../../shared/views';
import { verifyAudit } from '../../server/audit/verify';
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
