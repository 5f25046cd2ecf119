// Ballots over a seat tablet's live socket (how the kiosk casts): the same rules as the HTTP route, exactly once
// across resends and dropped connections, malformed or misplaced casts refused with a clear error and nothing stored.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CastFailed } from '../../shared/live-casts';
import type { LiveClient } from '../../shared/live-client';
import { LIVE_PATH, PROTOCOL_VERSION, type ServerMessage } from '../../shared/protocol';
import type { VoteView } from '../../shared/views';
import { call, makeApp, sessionCookie, type TestApp } from '../helpers/app';
import { pairDevice, signedHello } from '../helpers/devices';
import { checkIn, clientId, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { listen, tablet } from '../helpers/live';
import { seatVoters, type Voters } from '../helpers/voting';

let t: TestApp;
let s: Sitting;
let host: string;
let voters: Voters;

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 6);
  await checkIn(t.app, s, s.deputyIds);
  voters = await seatVoters(t.app, s);
  host = await listen(t.app);
});
afterAll(() => t.close());

/** The kiosk's own live client for a tablet token, resolved once it is live. */
async function liveTablet(deviceToken: string): Promise<LiveClient> {
  const tab = tablet(host, s.meeting.id, deviceToken);
  expect(await tab.until('live')).toBe('live');
  return tab.client;
}

/** A bare socket, said hello to (with a tablet token, or as the signed-in clerk), that returns each answer. */
async function rawSocket(deviceToken?: string): Promise<{ send(m: unknown): Promise<ServerMessage>; close(): void }> {
  const ws = new WebSocket(`ws://${host}${LIVE_PATH}`, deviceToken ? {} : { headers: { cookie: sessionCookie(t.app)! } });
  const inbox: ServerMessage[] = [];
  const waiting: Array<(m: ServerMessage) => void> = [];
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as ServerMessage;
    if (m.type === 'snapshot') return;
    const w = waiting.shift();
    if (w) w(m);
    else inbox.push(m);
  });
  await new Promise((r) => ws.once('open', r));
  const snapshot = new Promise((r) => ws.once('message', r));
  ws.send(deviceToken ? await signedHello(deviceToken, s.meeting.id, 'kiosk') : JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, meetingId: s.meeting.id, view: 'kiosk' }));
  await snapshot;
  return {
    send(m) {
      ws.send(typeof m === 'string' ? m : JSON.stringify(m));
      return new Promise((r) => (inbox.length > 0 ? r(inbox.shift()!) : waiting.push(r)));
    },
    close: () => ws.close(),
  };
}

async function openResolution(secrecy: 'open' | 'secret' = 'open'): Promise<VoteView> {
  const vote = await createVote(t.app, s, { kind: 'resolution', title: '套接字表决', secrecy });
  await call(t.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
  return vote;
}

const yes = (v: VoteView) => ({ marks: { [v.options[0]!.id]: 'yes' as const } });
const ballotRows = async (voteId: number) => (await t.app.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM ballots WHERE vote_id = ?', [voteId]))!.n;
const auditRows = async () => (await t.app.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_events'))!.n;

describe('casting over the live socket', () => {
  it('records a ballot, answers a resend of the same request as a duplicate, and counts it once', async () => {
    const vote = await openResolution();
    const client = await liveTablet(voters.seat.token);
    const ballot = { clientId: clientId(), voterToken: await voters.identify(s.deputyIds[0]!), content: yes(vote) };
    expect(await client.cast(vote.id, ballot)).toEqual({ outcome: 'recorded', voteId: vote.id, clientId: ballot.clientId });
    expect((await client.cast(vote.id, ballot)).outcome).toBe('duplicate');
    const view = (await call<VoteView>(t.app, 'GET', `/api/votes/${vote.id}`)).body;
    expect(view.cast).toBe(1);
    expect(view.tally).toMatchObject({ yes: 1 });
    client.close();
  });

  it('sends a ballot again after the connection drops under it, and the server stores it once', async () => {
    const vote = await openResolution('secret');
    const client = await liveTablet(voters.seat.token);
    const retries: number[] = [];
    const ballot = { clientId: clientId(), voterToken: await voters.identify(s.deputyIds[1]!), content: yes(vote), ballotSecret: 'ab'.repeat(16) };
    const answer = client.cast(vote.id, ballot, (n) => retries.push(n));
    client.dropConnection(); // the cast is on the wire (or not): the tablet cannot know
    const reply = await answer;
    expect(['recorded', 'duplicate']).toContain(reply.outcome);
    expect(retries).toEqual([1]);
    expect(await ballotRows(vote.id)).toBe(1);
    client.close();
  });

  it('refuses what the HTTP route refuses, with the same codes: a closed vote, a bad ballot, a wrong voter token', async () => {
    const vote = await openResolution();
    const client = await liveTablet(voters.seat.token);
    const token = await voters.identify(s.deputyIds[2]!);
    const refused = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof CastFailed ? e.code : String(e)));
    expect(await refused(client.cast(vote.id, { clientId: clientId(), voterToken: token, content: { marks: { 999999: 'yes' } } }))).toBe('ERR_BAD_BALLOT');
    expect(await refused(client.cast(vote.id, { clientId: clientId(), voterToken: `${token.slice(0, -2)}xx`, content: yes(vote) }))).toBe('ERR_UNAUTHORIZED');
    await call(t.app, 'POST', `/api/votes/${vote.id}/close`, {}, 200);
    expect(await refused(client.cast(vote.id, { clientId: clientId(), voterToken: token, content: yes(vote) }))).toBe('ERR_VOTE_NOT_OPEN');
    expect(await ballotRows(vote.id)).toBe(0);
    client.close();
  });

  it('answers malformed casts with cast-error ERR_VALIDATION and stores nothing', async () => {
    const vote = await openResolution();
    const sock = await rawSocket(voters.seat.token);
    const token = await voters.identify(s.deputyIds[3]!);
    const good = { clientId: clientId(), voterToken: token, content: yes(vote) };
    const before = await auditRows();
    const malformed: unknown[] = [
      { type: 'cast' },
      { type: 'cast', voteId: vote.id },
      { type: 'cast', voteId: String(vote.id), ballot: good },
      { type: 'cast', voteId: 1.5, ballot: good },
      { type: 'cast', voteId: vote.id, ballot: { ...good, clientId: '<script>' } },
      { type: 'cast', voteId: vote.id, ballot: { ...good, content: { marks: { [vote.options[0]!.id]: 'maybe' } } } },
      { type: 'cast', voteId: vote.id, ballot: { ...good, extra: 1 } },
      { type: 'cast', voteId: vote.id, ballot: good, extra: 1 },
      { type: 'cast', voteId: vote.id, ballot: [] },
    ];
    for (const m of malformed) {
      const answer = await sock.send(m);
      expect(answer, JSON.stringify(m)).toMatchObject({ type: 'cast-error', code: 'ERR_VALIDATION', retry: false });
      expect((answer as { message: string }).message).toMatch(/^选票格式错误 \/ Malformed ballot: \/\S* .+/);
    }
    expect(await ballotRows(vote.id)).toBe(0);
    expect(await auditRows()).toBe(before);
    // The socket is still good for a proper ballot.
    expect(await sock.send({ type: 'cast', voteId: vote.id, ballot: good })).toMatchObject({ type: 'cast-result', clientId: good.clientId });
    sock.close();
  });

  it('takes ballots only from a seat tablet: not from a clerk’s console socket, nor a door kiosk', async () => {
    const vote = await openResolution();
    const ballot = { clientId: clientId(), voterToken: await voters.identify(s.deputyIds[4]!), content: yes(vote) };
    const console = await rawSocket();
    expect(await console.send({ type: 'cast', voteId: vote.id, ballot })).toMatchObject({ type: 'cast-error', code: 'ERR_UNAUTHORIZED', clientId: ballot.clientId });
    console.close();
    const door = await pairDevice(t.app, 'door', s.sittingId);
    const doorSock = await rawSocket(door.token);
    expect(await doorSock.send({ type: 'cast', voteId: vote.id, ballot })).toMatchObject({ type: 'cast-error', code: 'ERR_FORBIDDEN' });
    doorSock.close();
    expect(await ballotRows(vote.id)).toBe(0);
  });

  it('the database itself refuses a ballot row for a vote that is not open', async () => {
    const vote = await openResolution();
    await call(t.app, 'POST', `/api/votes/${vote.id}/close`, {}, 200);
    const late = t.app.ctx.db.write((tx) => tx.run('INSERT INTO ballots (vote_id, ballot_key, deputy_id, content) VALUES (?, ?, ?, ?)', [vote.id, 'late', null, '{}']));
    await expect(late).rejects.toThrow(/ERR_VOTE_NOT_OPEN/);
    expect(await ballotRows(vote.id)).toBe(0);
  });
});
