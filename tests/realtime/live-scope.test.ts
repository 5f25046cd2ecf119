// Issue 22 point 7: live sockets kept a scope they had lost. A tablet unassigned from its sitting still received that
// sitting's new vote (and on resync); a screen tablet re-moded to seat kept the console view; a console socket whose
// 12-hour session had expired still got attendance pushes until it sent a resync. The server re-checks a tablet's
// scope on every change of the device and on resync, and a console's session when it ends.
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient, type SocketLike } from '../../shared/live-client';
import type { LiveView } from '../../shared/protocol';
import type { VoteView } from '../../shared/views';
import { call, makeApp, signIn, type TestApp } from '../helpers/app';
import { lazySigner, pairDevice } from '../helpers/devices';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { listen, tablet, watch } from '../helpers/live';

let t: TestApp;
let s: Sitting;
let second: number;
let host: string;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 3);
  await checkIn(t.app, s, s.deputyIds);
  second = (await call<{ id: number }>(t.app, 'POST', `/api/meetings/${s.meeting.id}/sittings`, { name: '第二次全体会议' }, 201)).body.id;
  host = await listen(t.app);
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Opens a new vote in the first sitting: a state change every view of that sitting is pushed. */
const openVote = async (title: string): Promise<VoteView> => {
  const vote = await createVote(t.app, s, { kind: 'resolution', title, secrecy: 'open' });
  return (await call<VoteView>(t.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200)).body;
};
/** A tablet's socket with the view it asks for (a screen tablet asks for the console view), as the kiosk app makes it. */
const tabletWithView = (token: string, view: LiveView) =>
  new LiveClient({ origin: `ws://${host}`, meetingId: s.meeting.id, view, device: lazySigner(token), connect: (url) => new WebSocket(url) as unknown as SocketLike });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await sleep(50);
  return check();
};

describe('a tablet whose device changes', () => {
  it('unassigned from its sitting: refused at once, and never told of that sitting’s new vote', async () => {
    const p = await pairDevice(t.app, 'seat', s.sittingId);
    const tab = tablet(host, s.meeting.id, p.token);
    expect(await tab.until('live')).toBe('live');
    await call(t.app, 'PATCH', `/api/devices/${p.device.id}`, { sittingId: null }, 200);
    const vote = await openVote('撤下后的表决');
    await sleep(400);
    tab.client.resync();
    await sleep(300);
    expect(tab.client.state!.votes.map((v) => v.id)).not.toContain(vote.id);
    expect(tab.client.status).toBe('unauthorized');
    tab.client.close();
  });

  it('moved to another sitting: follows the new sitting, on push and on resync, and sees none of the old one’s votes', async () => {
    const p = await pairDevice(t.app, 'seat', s.sittingId);
    const tab = tablet(host, s.meeting.id, p.token);
    expect(await tab.until('live')).toBe('live');
    await call(t.app, 'PATCH', `/api/devices/${p.device.id}`, { sittingId: second }, 200);
    const vote = await openVote('换场后的表决');
    await sleep(400);
    tab.client.resync();
    await sleep(300);
    expect(tab.client.status).toBe('live');
    expect(tab.client.state!.votes.map((v) => v.id)).not.toContain(vote.id);
    expect(tab.client.state!.attendance.map((a) => a.sittingId)).toEqual([second]);
    tab.client.close();
  });

  it('a screen tablet re-moded to seat loses the console view: refused, no attendance push after', async () => {
    const p = await pairDevice(t.app, 'screen', s.sittingId);
    const client = tabletWithView(p.token, 'console');
    expect(await until(() => client.status === 'live')).toBe(true);
    await call(t.app, 'PATCH', `/api/devices/${p.device.id}`, { mode: 'seat' }, 200);
    expect(await until(() => client.status === 'unauthorized')).toBe(true);
    const before = client.state!.attendance.find((a) => a.sittingId === s.sittingId)!.onLeave;
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/leaves`, { participantId: s.participantOf.get(s.deputyIds[0]!), reason: '因公请假' }, 201);
    await sleep(400);
    expect(client.state!.attendance.find((a) => a.sittingId === s.sittingId)!.onLeave).toBe(before);
    client.close();
  });
});

describe('a console whose session ends', () => {
  it('is closed when its session expires, before any later attendance push reaches it', async () => {
    const cookie = await signIn(t.app, 'clerk', 'short.session');
    const token = cookie.split('=')[1]!;
    const endsAt = new Date(Date.now() + 1500).toISOString();
    const hash = createHash('sha256').update(token).digest('hex');
    await t.app.ctx.db.write((tx) => tx.run('UPDATE sessions SET expires_at = ? WHERE token_hash = ?', [endsAt, hash]));
    const desk = watch(host, s.meeting.id, cookie);
    await desk.until(() => true);
    await sleep(Date.parse(endsAt) - Date.now() + 300);
    const onLeave = desk.client.state!.attendance.find((a) => a.sittingId === s.sittingId)!.onLeave;
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/leaves`, { participantId: s.participantOf.get(s.deputyIds[1]!), reason: '因病请假' }, 201);
    await sleep(400);
    expect(desk.messages.filter((m) => m.type === 'attendance')).toEqual([]);
    expect(desk.client.state!.attendance.find((a) => a.sittingId === s.sittingId)!.onLeave).toBe(onLeave);
    expect(desk.client.status).toBe('unauthorized');
    desk.client.close();
  });
});
