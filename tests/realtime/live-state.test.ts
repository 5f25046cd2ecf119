import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_PATH, PROTOCOL_VERSION, type ServerMessage } from '../../shared/protocol';
import type { VoteView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { listen, watch } from '../helpers/live';
import { seatVoters, type Voters } from '../helpers/voting';

let t: TestApp;
let s: Sitting;
let host: string;
let voters: Voters;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 300);
  voters = await seatVoters(t.app, s);
  host = await listen(t.app);
});
afterAll(() => t.close());

const presentOf = (state: { attendance: Array<{ sittingId: number; present: number }> }) =>
  state.attendance.find((a) => a.sittingId === s.sittingId)!.present;

describe('live state over WebSocket', () => {
  it('sends a snapshot on hello, then each change as the next version', async () => {
    const w = watch(host, s.meeting.id, t.cookie);
    const snap = await w.until(() => true);
    expect(w.messages[0]).toMatchObject({ type: 'snapshot', version: expect.any(Number) });
    expect(presentOf(snap)).toBe(0);
    await checkIn(t.app, s, s.deputyIds.slice(0, 3));
    const after = await w.until((st) => presentOf(st) === 3);
    expect(after.attendance[0]).toMatchObject({ expected: 300, present: 3, absent: 297 });
    const versions = w.messages.filter((m) => m.type !== 'snapshot').map((m) => (m as { version: number }).version);
    const base = (w.messages[0] as { version: number }).version;
    versions.forEach((v, i) => expect(v).toBe(base + i + 1));
    w.client.close();
  });

  it('tells a watching console the sitting has started when its first vote opens (缺席, no longer 未报到)', async () => {
    const startedOf = (st: { attendance: Array<{ sittingId: number; started: boolean }> }) => st.attendance.find((a) => a.sittingId === s.sittingId)!.started;
    const w = watch(host, s.meeting.id, t.cookie);
    expect(startedOf(await w.until(() => true))).toBe(false);
    const v = await createVote(t.app, s, { kind: 'resolution', title: '第一项表决', secrecy: 'open' });
    await call(t.app, 'POST', `/api/votes/${v.id}/open`, { overrideQuorumReason: '主持人决定继续' }, 200);
    // Nothing about attendance changed but the sitting's start: the push carries it without a check-in.
    await w.until((st) => startedOf(st));
    await call(t.app, 'POST', `/api/votes/${v.id}/cancel`, { reason: '测试结束' }, 200);
    w.client.close();
  });

  it('coalesces a burst of ballots into a few tally pushes per subscriber', async () => {
    await checkIn(t.app, s, s.deputyIds.slice(3, 250));
    const v = await createVote(t.app, s, { kind: 'resolution', title: '突发投票', secrecy: 'open' });
    await call(t.app, 'POST', `/api/votes/${v.id}/open`, {}, 200);
    const watchers = [watch(host, s.meeting.id, t.cookie), watch(host, s.meeting.id, t.cookie), watch(host, s.meeting.id, t.cookie)];
    await Promise.all(watchers.map((w) => w.until(() => true)));
    const motion = String(v.options[0]!.id);
    const tokens = await Promise.all(s.deputyIds.slice(0, 250).map((d) => voters.identify(d)));
    const started = Date.now();
    const replies = await Promise.all(
      s.deputyIds.slice(0, 250).map((d, i) => voters.castWith(v.id, d, tokens[i]!, { marks: { [motion]: 'yes' } })),
    );
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const states = await Promise.all(watchers.map((w) => w.until((st) => st.votes.find((x) => x.id === v.id)?.cast === 250)));
    const elapsed = Date.now() - started;
    for (const [i, w] of watchers.entries()) {
      const pushes = w.messages.filter((m) => m.type === 'vote' && m.vote.id === v.id).length;
      // ~10 per second at most, plus one for the tail of the burst.
      expect(pushes, `pushes for a ${elapsed} ms burst`).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
      expect(pushes).toBeLessThan(250 / 5);
      expect(states[i]!.votes.find((x) => x.id === v.id)!.tally).toMatchObject({ yes: 250 });
      w.client.close();
    }
  });

  it('resyncs from a fresh snapshot after a dropped connection', async () => {
    const w = watch(host, s.meeting.id, t.cookie);
    await w.until(() => true);
    const before = w.client.snapshots;
    w.client.dropConnection();
    await checkIn(t.app, s, s.deputyIds.slice(250, 260)); // happens while this client is away
    const state = await w.until((st) => presentOf(st) === 260 && w.client.snapshots > before);
    expect(presentOf(state)).toBe(260);
    expect(w.client.status).toBe('live');
    w.client.close();
  });

  it('asks for a snapshot when it sees a gap in the versions', async () => {
    const w = watch(host, s.meeting.id, t.cookie);
    await w.until(() => true);
    const before = w.client.snapshots;
    w.client.version -= 1; // as if one message had been lost
    await checkIn(t.app, s, [s.deputyIds[260]!]);
    await w.until((st) => presentOf(st) === 261 && w.client.snapshots === before + 1);
    expect(w.client.version).toBeGreaterThan(0);
    w.client.close();
  });

  it('refuses a socket with neither a staff session nor a device token', async () => {
    const ws = new WebSocket(`ws://${host}${LIVE_PATH}`);
    const replies: ServerMessage[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, meetingId: s.meeting.id }));
    expect(await closed).toBe(4401);
    expect(replies).toEqual([expect.objectContaining({ type: 'error', code: 'ERR_UNAUTHORIZED' })]);
  });

  it('answers a client of another protocol version as incompatible, and bad input with an error', async () => {
    const ws = new WebSocket(`ws://${host}${LIVE_PATH}`, { headers: { cookie: t.cookie } });
    const replies: ServerMessage[] = [];
    await new Promise((resolve) => ws.on('open', resolve));
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, meetingId: 999999 }));
    ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION + 1, meetingId: s.meeting.id }));
    await new Promise((r) => setTimeout(r, 300));
    expect(replies.map((r) => r.type).sort()).toEqual(['error', 'error', 'incompatible']);
    expect(replies.find((r) => r.type === 'incompatible')).toEqual({ type: 'incompatible', expected: PROTOCOL_VERSION });
    expect(replies.filter((r) => r.type === 'error')).toHaveLength(2);
    ws.close();
  });

  it('carries 已投/应投 for a secret vote without per-option counts until it closes', async () => {
    const v = await createVote(t.app, s, { kind: 'resolution', title: '无记名实时', secrecy: 'secret' });
    await call(t.app, 'POST', `/api/votes/${v.id}/open`, {}, 200);
    const w = watch(host, s.meeting.id, t.cookie);
    await w.until(() => true);
    const motion = String(v.options[0]!.id);
    expect((await voters.cast(v.id, s.deputyIds[0]!, { marks: { [motion]: 'yes' } })).status).toBe(201);
    const st = await w.until((x) => x.votes.find((y) => y.id === v.id)?.cast === 1);
    const live = st.votes.find((y) => y.id === v.id) as VoteView;
    expect(live).toMatchObject({ cast: 1, expected: 261, tally: null });
    await call(t.app, 'POST', `/api/votes/${v.id}/close`, undefined, 200);
    const closed = await w.until((x) => x.votes.find((y) => y.id === v.id)?.state === 'closed');
    expect(closed.votes.find((y) => y.id === v.id)!.tally).toMatchObject({ yes: 1 });
    w.client.close();
  });
});
