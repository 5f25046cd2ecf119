// Issue 21, point 4 (the door's physics): one paired door tablet, a stolen token and public photos checked in 36 of
// 50 deputies with nobody present, "dozens a minute". The server holds each door tablet to the pace people walk up
// (shared/rules/door-pace.ts: 4 s floor, 10 a minute): past it the check-in is held (存疑), the tablet pauses
// (ERR_DOOR_PAUSED, Chinese first) and 可疑报到 waits on the console for a clerk to clear it with a reason.
// Real photos, the real face engine, through the HTTP routes the kiosk uses. Time between people is played by
// moving the clock (Date only) forward, as a queue at the door would.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DoorWatchLive } from '../../shared/door-watch';
import type { AttendanceSummary } from '../../shared/views';
import { readEvalSet } from '../tools/face-eval/dataset';
import { call, makeApp, signIn, type TestApp } from '../helpers/app';
import { pairDevice, type PairedDevice, inject } from '../helpers/devices';
import { clientId } from '../helpers/fixtures';
import { headTurnFrames } from '../helpers/fake-camera';
import { LOOSE_CHALLENGES } from '../helpers/loose-challenges';
import type { RunningServer } from '../helpers/server';
import { seedVenue, type Person, type Venue } from '../e2e/kiosk-setup';

type Side = 'left' | 'right';
type Frames = { frontal: string; turned: string; back: string };

let t: TestApp;
let venue: Venue;
let clerk: string;
/** People not yet checked in, with a frame set for each side (made from a photo that is not enrolled). */
const queue: Array<Person & { frames: Record<Side, Frames> }> = [];

beforeAll(async () => {
  const faces = readEvalSet(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces'));
  for (const [i, who] of faces.identities.filter((p) => p.candidates.length >= 3).entries()) {
    const take = async (side: Side) => {
      const f = await headTurnFrames(who.candidates[2]!, side, 200 + i).catch(() => null);
      return f && { frontal: f.frontal.toString('base64'), turned: f.turned.toString('base64'), back: f.back.toString('base64') };
    };
    const [left, right] = [await take('left'), await take('right')];
    if (left && right) queue.push({ name: `代表${i + 1}`, cardNo: `D${100 + i}`, delegation: '第一代表团', photos: who.candidates.slice(0, 2), frames: { left, right } });
  }
  t = await makeApp({ challengeRate: LOOSE_CHALLENGES });
  venue = await seedVenue({ app: t.app, cookie: t.cookie } as RunningServer, queue);
  clerk = await signIn(t.app, 'clerk', 'door-clerk');
  vi.useFakeTimers({ toFake: ['Date'] });
}, 300_000);
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

const walk = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);
const challenge = (tablet: PairedDevice) => inject(t.app, { method: 'POST', url: '/api/face/challenge', headers: tablet.headers, payload: {} });

/** The next person in the queue at the tablet; people the server does not accept (some synthetic turns) step aside. */
async function nextPerson(tablet: PairedDevice): Promise<{ status: number; body: { status?: string; error?: { code: string; message: string } } }> {
  for (;;) {
    const ch = await challenge(tablet);
    if (ch.statusCode !== 200) return { status: ch.statusCode, body: JSON.parse(ch.body) };
    const { nonce, side } = JSON.parse(ch.body) as { nonce: string; side: Side };
    const person = queue.shift();
    if (!person) throw new Error('the queue ran out of people');
    const res = await inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: tablet.headers, payload: { clientId: clientId(), nonce, frames: person.frames[side] } });
    const body = JSON.parse(res.body) as { status?: string; error?: { code: string; message: string } };
    if (res.statusCode === 200 && body.status !== 'checked_in') continue; // not accepted: not a check-in, not counted
    return { status: res.statusCode, body };
  }
}

const present = async () => (await call<{ summary: AttendanceSummary }>(t.app, 'GET', `/api/sittings/${venue.sittingId}/attendance`)).body.summary.present;
const watch = async () => (await call<DoorWatchLive>(t.app, 'GET', `/api/sittings/${venue.sittingId}/door-watch`)).body;
const auditOf = async (action: string) => t.app.ctx.db.all<{ actor: string; detail: string }>('SELECT actor, detail FROM audit_events WHERE action = ? ORDER BY id', [action]);

describe('the door physics, decided on the server', () => {
  it('lets a queue of real people through: one every 7 s', async () => {
    const door = await pairDevice(t.app, 'door', venue.sittingId, 'east-door');
    for (let i = 0; i < 3; i++) {
      expect((await nextPerson(door)).body.status).toBe('checked_in');
      walk(7);
    }
    expect((await watch()).alarms).toEqual([]);
    expect(await present()).toBe(3);
  });

  it("pauses at the review's burst: the second person within 4 s is held, the tablet refuses until a clerk clears it", async () => {
    const door = await pairDevice(t.app, 'door', venue.sittingId, 'west-door');
    const before = await present();
    expect((await nextPerson(door)).body.status).toBe('checked_in');
    const second = await nextPerson(door);
    expect(second.status).toBe(423);
    expect(second.body.error).toEqual({ code: 'ERR_DOOR_PAUSED', message: expect.stringMatching(/^本终端已暂停报到，请联系工作人员/) });
    for (let i = 0; i < 3; i++) expect((await nextPerson(door)).body.error?.code).toBe('ERR_DOOR_PAUSED'); // no frames examined
    expect(await present()).toBe(before + 1);
    const w = await watch();
    expect(w.alarms).toEqual([expect.objectContaining({ deviceName: 'west-door', kind: 'floor', gapMs: expect.any(Number) })]);
    const held = w.checkins.filter((c) => c.review?.state === 'doubted');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ deviceName: 'west-door', hasEvidence: true, review: { doubtedBy: null, doubtReason: expect.stringMatching(/^可疑报到/) } });
    expect(await auditOf('door.alarm')).toHaveLength(1);

    // Another door is not paused by this one.
    expect((await challenge(await pairDevice(t.app, 'door', venue.sittingId, 'north-door'))).statusCode).toBe(200);

    // A clerk clears it with a reason (the chair may not; no reason is refused in Chinese).
    const alarm = w.alarms[0]!;
    const bare = await call<{ error: { message: string } }>(t.app, 'POST', `/api/door-alarms/${alarm.id}/clear`, { reason: '' }, 400, clerk);
    expect(bare.body.error.message).toMatch(/^[\u4e00-\u9fff]/);
    await call(t.app, 'POST', `/api/door-alarms/${alarm.id}/clear`, { reason: '已到门口核实，为代表排队' }, 403, await signIn(t.app, 'chair', 'the-chair'));
    await call(t.app, 'POST', `/api/door-alarms/${alarm.id}/clear`, { reason: '已到门口核实，为代表排队' }, 200, clerk);
    await call(t.app, 'POST', `/api/door-alarms/${alarm.id}/clear`, { reason: '再次解除' }, 409, clerk);
    expect(JSON.parse((await auditOf('door.alarm.clear'))[0]!.detail)).toMatchObject({ alarmId: alarm.id, reason: '已到门口核实，为代表排队' });
    expect((await watch()).alarms).toEqual([]);
    expect((await nextPerson(door)).body.status).toBe('checked_in');

    // The held one counts once the clerk confirms it.
    await call(t.app, 'POST', `/api/sittings/${venue.sittingId}/checkins/${held[0]!.participantId}/confirm`, { reason: '本人在场' }, 200, clerk);
    expect(await present()).toBe(before + 3);
  });

  it('judges a burst sent all at once in order: one accepted, the next held, the rest refused', async () => {
    const door = await pairDevice(t.app, 'door', venue.sittingId, 'side-door');
    const before = await present();
    const challenges = await Promise.all([0, 1, 2].map(async () => JSON.parse((await challenge(door)).body) as { nonce: string; side: Side }));
    const people = queue.splice(0, 3);
    const replies = await Promise.all(
      challenges.map((ch, i) => inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: door.headers, payload: { clientId: clientId(), nonce: ch.nonce, frames: people[i]!.frames[ch.side] } })),
    );
    const accepted = replies.filter((r) => r.statusCode === 200 && JSON.parse(r.body).status === 'checked_in').length;
    expect(accepted).toBeLessThanOrEqual(1);
    expect(await present()).toBe(before + accepted);
    const here = (await watch()).checkins.filter((c) => c.deviceName === 'side-door');
    expect(here.length).toBeLessThanOrEqual(2); // the first, and at most one held before the pause took hold
    expect(here.filter((c) => c.review?.state === 'doubted').length).toBe(here.length - accepted);
    if (here.length === 2) expect(replies.filter((r) => r.statusCode === 423)).toHaveLength(2);
  });

  it('pauses at the ceiling: the 11th person within a minute, each 5 s apart', async () => {
    const door = await pairDevice(t.app, 'door', venue.sittingId, 'south-door');
    for (let i = 0; i < 10; i++) {
      expect((await nextPerson(door)).body.status).toBe('checked_in');
      walk(5);
    }
    expect((await nextPerson(door)).body.error?.code).toBe('ERR_DOOR_PAUSED');
    expect((await watch()).alarms.filter((a) => a.deviceName === 'south-door')).toEqual([expect.objectContaining({ kind: 'ceiling', count: 11 })]);
  });
});
