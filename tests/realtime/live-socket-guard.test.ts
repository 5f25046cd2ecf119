// Hostile review, point 6: the live socket checks the staff session on every message and closes when it ends,
// refuses a session that must still change its one-time password, limits message rates, gives a tablet only its
// own meeting in the view its mode needs, and drops a reader that does not read.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_PATH, PROTOCOL_VERSION, type ServerMessage } from '../../shared/protocol';
import type { MeetingView } from '../../shared/views';
import { call, makeApp, signIn, type TestApp } from '../helpers/app';
import { pairDevice, signedHello } from '../helpers/devices';
import { createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { listen } from '../helpers/live';

let t: TestApp;
let s: Sitting;
let host: string;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 3);
  host = await listen(t.app);
});
afterAll(() => t.close());

interface Raw {
  ws: WebSocket;
  messages: ServerMessage[];
  closed: Promise<number>;
  send(m: object): void;
  /** Resolves once `n` messages of `type` arrived (or after `ms`), with how many did. */
  count(type: ServerMessage['type'], n: number, ms?: number): Promise<number>;
}

async function open(headers: Record<string, string> = {}): Promise<Raw> {
  const ws = new WebSocket(`ws://${host}${LIVE_PATH}`, { headers });
  const messages: ServerMessage[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(d.toString()) as ServerMessage));
  // The close code, or -1 when the server has not closed it within 5 s.
  const closed = new Promise<number>((resolve) => {
    ws.on('close', (code) => resolve(code));
    setTimeout(() => resolve(-1), 5000).unref();
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const count = async (type: ServerMessage['type'], n: number, ms = 2000) => {
    const until = Date.now() + ms;
    const seen = () => messages.filter((m) => m.type === type).length;
    while (seen() < n && Date.now() < until && ws.readyState === WebSocket.OPEN) await new Promise((r) => setTimeout(r, 20));
    return seen();
  };
  return { ws, messages, closed, send: (m) => ws.send(JSON.stringify(m)), count };
}
const hello = (meetingId: number, extra: object = {}) => ({ type: 'hello', protocol: PROTOCOL_VERSION, meetingId, ...extra });
/** A tablet's hello, signed by its key (helpers/devices). */
const tabletHello = async (meetingId: number, view: string, token: string) => JSON.parse(await signedHello(token, meetingId, view)) as object;

describe('live socket', () => {
  it('ends a console socket when its session signs out; a resync after that gets no snapshot', async () => {
    const cookie = await signIn(t.app, 'chair', 'live-chair');
    const c = await open({ cookie });
    c.send(hello(s.meeting.id));
    expect(await c.count('snapshot', 1)).toBe(1);
    await call(t.app, 'POST', '/api/auth/logout', undefined, 200, cookie);
    c.send({ type: 'resync' });
    expect(await c.count('snapshot', 2, 1000)).toBe(1);
    expect(await c.closed).toBe(4401);
  });

  it('closes a console socket the moment its account is disabled', async () => {
    const cookie = await signIn(t.app, 'clerk', 'live-clerk');
    const c = await open({ cookie });
    c.send(hello(s.meeting.id));
    expect(await c.count('snapshot', 1)).toBe(1);
    const id = (await t.app.ctx.db.get<{ id: number }>("SELECT id FROM staff WHERE username = 'live-clerk'"))!.id;
    await call(t.app, 'PATCH', `/api/staff/${id}`, { disabled: true }, 200);
    expect(await c.closed).toBe(4401);
  });

  it('refuses a session that must still change its one-time password', async () => {
    const made = (await call<{ oneTimePassword: string }>(t.app, 'POST', '/api/staff', { username: 'fresh.chair', displayName: '新主持人', role: 'chair' }, 201)).body;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'fresh.chair', password: made.oneTimePassword } });
    const cookie = `quorum_session=${res.cookies.find((x) => x.name === 'quorum_session')!.value}`;
    const c = await open({ cookie });
    c.send(hello(s.meeting.id));
    expect(await c.closed).toBe(4401);
    expect(c.messages.filter((m) => m.type === 'snapshot')).toHaveLength(0);
  });

  it('limits resyncs: 2,000 in a row get a handful of snapshots, then the socket is closed', async () => {
    const c = await open({ cookie: t.cookie });
    c.send(hello(s.meeting.id));
    expect(await c.count('snapshot', 1)).toBe(1);
    for (let i = 0; i < 2000 && c.ws.readyState === WebSocket.OPEN; i++) c.send({ type: 'resync' });
    expect(await c.closed).toBe(4429);
    const snapshots = c.messages.filter((m) => m.type === 'snapshot').length;
    expect(snapshots).toBeLessThanOrEqual(6);
    expect(c.messages.some((m) => m.type === 'error' && m.code === 'ERR_RATE_LIMITED')).toBe(true);
  });

  it("gives a tablet only its own meeting, and a seat tablet only the kiosk view", async () => {
    const { body: other } = await call<MeetingView>(t.app, 'POST', `/api/bodies/${s.body.id}/meetings`, { name: '另一次会议', sittings: [{ name: '全体会议' }] }, 201);
    const seat = await pairDevice(t.app, 'seat', s.sittingId);
    const door = await pairDevice(t.app, 'door', s.sittingId);
    const cases: Array<[string, object, boolean]> = [
      ['seat, own meeting, kiosk view', await tabletHello(s.meeting.id, 'kiosk', seat.token), true],
      ['seat, own meeting, console view', await tabletHello(s.meeting.id, 'console', seat.token), false],
      ['seat, other meeting', await tabletHello(other.id, 'kiosk', seat.token), false],
      ['door, own meeting, console view', await tabletHello(s.meeting.id, 'console', door.token), true],
      ['door, other meeting', await tabletHello(other.id, 'console', door.token), false],
    ];
    for (const [label, message, allowed] of cases) {
      const c = await open();
      c.send(message);
      const got = await c.count('snapshot', 1, allowed ? 2000 : 500);
      expect([label, got]).toEqual([label, allowed ? 1 : 0]);
      c.ws.close();
    }
  });

  it("gives a tablet only its own sitting: another sitting's votes and attendance never reach it", async () => {
    const { body: second } = await call<{ id: number }>(t.app, 'POST', `/api/meetings/${s.meeting.id}/sittings`, { name: '第二次全体会议' }, 201);
    const { body: item } = await call<{ id: number }>(t.app, 'POST', `/api/sittings/${second.id}/agenda`, { title: '另一场的议程' }, 201);
    const elsewhere = (await call<{ id: number }>(t.app, 'POST', `/api/agenda/${item.id}/votes`, { kind: 'resolution', title: '另一场的表决', secrecy: 'open' }, 201)).body;
    const here = await createVote(t.app, s, { kind: 'resolution', title: '本场表决', secrecy: 'open' });
    const seat = await pairDevice(t.app, 'seat', s.sittingId);
    const door = await pairDevice(t.app, 'door', s.sittingId);
    const tablet = await open();
    tablet.send(await tabletHello(s.meeting.id, 'kiosk', seat.token));
    const doorSocket = await open();
    doorSocket.send(await tabletHello(s.meeting.id, 'console', door.token));
    const chair = await open({ cookie: t.cookie });
    chair.send(hello(s.meeting.id, { view: 'kiosk' }));
    for (const c of [tablet, doorSocket, chair]) expect(await c.count('snapshot', 1)).toBe(1);
    const snap = (c: Raw) => (c.messages.find((m) => m.type === 'snapshot') as Extract<ServerMessage, { type: 'snapshot' }>).state;
    expect(snap(tablet).votes.map((v) => v.sittingId)).not.toContain(second.id);
    expect(snap(tablet).votes.map((v) => v.id)).toContain(here.id);
    expect(snap(doorSocket).attendance.map((a) => a.sittingId)).toEqual([s.sittingId]);
    expect(snap(chair).votes.map((v) => v.id)).toContain(elsewhere.id);
    t.app.ctx.hub.voteChanged(s.meeting.id, elsewhere.id, 'state');
    t.app.ctx.hub.voteChanged(s.meeting.id, here.id, 'state');
    t.app.ctx.hub.attendanceChanged(s.meeting.id, second.id);
    await t.app.ctx.hub.drain();
    expect(await chair.count('vote', 2)).toBe(2);
    expect(await tablet.count('vote', 1)).toBe(1);
    const pushed = (c: Raw) => c.messages.flatMap((m): Array<number | string> => (m.type === 'vote' ? [m.vote.id] : m.type === 'attendance' ? [`a${m.attendance.sittingId}`] : []));
    expect(pushed(tablet)).toEqual([here.id]);
    expect(pushed(doorSocket)).not.toContain(`a${second.id}`);
    for (const c of [tablet, doorSocket, chair]) c.ws.close();
  });

  it('drops a reader that does not read instead of buffering every push for it', async () => {
    const options = Array.from({ length: 200 }, (_, i) => ({ label: `${'民生实事项目'.repeat(30)}${i}`, description: 'x'.repeat(900) }));
    const vote = await createVote(t.app, s, { kind: 'project', title: '大表决', secrecy: 'open', options, maxYes: 10 });
    const reader = await open({ cookie: t.cookie });
    reader.send(hello(s.meeting.id));
    expect(await reader.count('snapshot', 1)).toBe(1);
    const stalled = await open({ cookie: t.cookie });
    stalled.send(hello(s.meeting.id));
    expect(await stalled.count('snapshot', 1)).toBe(1);
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    expect(t.app.ctx.hub.subscriberCount(s.meeting.id)).toBe(2);
    // ~250 KB per push; 200 pushes is 50 MB, far past what one socket may hold.
    for (let i = 0; i < 200 && t.app.ctx.hub.subscriberCount(s.meeting.id) > 1; i++) {
      t.app.ctx.hub.voteChanged(s.meeting.id, vote.id, 'tally');
      await t.app.ctx.hub.drain();
      await new Promise((r) => setImmediate(r));
    }
    expect(t.app.ctx.hub.subscriberCount(s.meeting.id)).toBe(1);
    reader.ws.close();
  });
});
