// Frames sent ahead (POST /api/face/frames): the kiosk sends the frontal and the turned frame while the person still
// turns back, so when the set arrives the server has one frame left to examine. They save time and decide nothing:
// the set is checked whole, as sent. And a tablet's face challenges are rationed (a stolen token spends CPU).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeApp, type TestApp } from '../helpers/app';
import { pairDevice, type PairedDevice, inject } from '../helpers/devices';
import { clientId } from '../helpers/fixtures';
import { headTurnFrames } from '../helpers/fake-camera';
import type { RunningServer } from '../helpers/server';
import { seedVenue, type Venue } from '../e2e/kiosk-setup';
import { NO_DOOR_PACE } from '../helpers/door-pace-off';

type Side = 'left' | 'right';
let t: TestApp;
let venue: Venue;
let door: PairedDevice;
let seat: PairedDevice;

beforeAll(async () => {
  t = await makeApp({ doorPace: NO_DOOR_PACE }); // not about the door's pace
  venue = await seedVenue({ app: t.app, cookie: t.cookie } as RunningServer);
  door = await pairDevice(t.app, 'door', venue.sittingId);
  seat = await pairDevice(t.app, 'seat', venue.sittingId);
}, 180_000);
afterAll(() => t.close());

async function challenge(device: PairedDevice) {
  const res = await inject(t.app, { method: 'POST', url: '/api/face/challenge', headers: device.headers, payload: {} });
  return { status: res.statusCode, body: JSON.parse(res.body) as { nonce: string; side: Side; error?: { message: string } } };
}
const ahead = (device: PairedDevice, nonce: string, label: 'frontal' | 'turned', frame: Buffer) =>
  inject(t.app, { method: 'POST', url: '/api/face/frames', headers: device.headers, payload: { nonce, label, frame: frame.toString('base64') } });
const b64 = (f: Record<'frontal' | 'turned' | 'back', Buffer>) => ({ frontal: f.frontal.toString('base64'), turned: f.turned.toString('base64'), back: f.back.toString('base64') });

/** How many frames the frame engine examines while `run` runs. */
async function examinedDuring(run: () => Promise<unknown>): Promise<number> {
  const engine = t.app.ctx.face.frameEngine;
  const spy = vi.spyOn(engine, 'detectDecoded');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('frames sent ahead', () => {
  it('leave the set one frame to examine, and the answer is the same', async () => {
    const { body: ch } = await challenge(door);
    const f = await headTurnFrames('michelle_kwan/1.jpg', ch.side, 21);
    expect((await ahead(door, ch.nonce, 'frontal', f.frontal)).statusCode).toBe(202);
    expect((await ahead(door, ch.nonce, 'turned', f.turned)).statusCode).toBe(202);
    let reply: { status?: string; deputy?: { name: string } } = {};
    const examined = await examinedDuring(async () => {
      const res = await inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: door.headers, payload: { clientId: clientId(), nonce: ch.nonce, frames: b64(f) } });
      reply = JSON.parse(res.body);
    });
    expect(reply).toMatchObject({ status: 'checked_in', deputy: { name: '关某某' } });
    expect(examined).toBe(1); // only the back frame
  }, 60_000);

  it('decide nothing: a set whose frames differ from those sent ahead is examined whole, on its own frames', async () => {
    const { body: ch } = await challenge(seat);
    const sentAhead = await headTurnFrames('strangers/1.jpg', ch.side, 22); // someone else's frames sent ahead…
    await ahead(seat, ch.nonce, 'frontal', sentAhead.frontal);
    await ahead(seat, ch.nonce, 'turned', sentAhead.turned);
    // …then 关某某's set (checked in at the door above; the seat's camera takes its own picture of him, so another
    // photo here: the door's one again would be its frames replayed, services/seen-faces.ts)
    const set = await headTurnFrames('michelle_kwan/4.jpg', ch.side, 24);
    let reply: { status?: string; deputy?: { name: string } } = {};
    const examined = await examinedDuring(async () => {
      const res = await inject(t.app, { method: 'POST', url: '/api/seat/identify', headers: seat.headers, payload: { nonce: ch.nonce, frames: b64(set) } });
      reply = JSON.parse(res.body);
    });
    expect(examined).toBe(3);
    expect(reply).toMatchObject({ status: 'identified', deputy: { name: '关某某' } });
  }, 60_000);

  it('are refused (409, in Chinese) for another tablet’s challenge, beyond two, or once the challenge is decided', async () => {
    const { body: ch } = await challenge(door);
    const f = await headTurnFrames('wu_yi/1.jpg', ch.side, 23);
    const other = await ahead(seat, ch.nonce, 'frontal', f.frontal);
    expect(other.statusCode).toBe(409);
    expect(JSON.parse(other.body).error.message).toMatch(/请重新开始/);
    expect((await ahead(door, ch.nonce, 'frontal', f.frontal)).statusCode).toBe(202);
    expect((await ahead(door, ch.nonce, 'turned', f.turned)).statusCode).toBe(202);
    expect((await ahead(door, ch.nonce, 'turned', f.back)).statusCode).toBe(409); // a third frame
    await inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: door.headers, payload: { clientId: clientId(), nonce: ch.nonce, frames: b64(f) } });
    expect((await ahead(door, ch.nonce, 'frontal', f.back)).statusCode).toBe(409);
  }, 60_000);
});

describe('failures and made-up nonces', () => {
  it('an engine failure during a decision is one 500, not a crashed server', async () => {
    // Before, the challenge's cleanup promise rejected unhandled, and tfjs's WASM backend throws on that: the process died.
    const spy = vi.spyOn(t.app.ctx.face.frameEngine, 'detectDecoded').mockRejectedValueOnce(new Error('simulated engine failure'));
    try {
      const { body: ch } = await challenge(door);
      const f = await headTurnFrames('wu_yi/1.jpg', ch.side, 25);
      const res = await inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: door.headers, payload: { clientId: clientId(), nonce: ch.nonce, frames: b64(f) } });
      expect(res.statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await challenge(door)).status).toBe(200); // still serving
  }, 60_000);

  it('frames with made-up nonces are refused before any decoding, leave no refusal row and spend the tablet’s allowance', async () => {
    const prober = await pairDevice(t.app, 'door', venue.sittingId, 'door-prober');
    const f = await headTurnFrames('wu_yi/1.jpg', 'left', 26);
    const refusals = async () => (await inject(t.app, { method: 'GET', url: `/api/sittings/${venue.sittingId}/refusals`, headers: { cookie: t.cookie } })).json<unknown[]>().length;
    const before = await refusals();
    const engine = vi.spyOn(t.app.ctx.face.frameEngine, 'detectDecoded');
    const codes: number[] = [];
    try {
      for (let i = 0; i < 6; i++) codes.push((await ahead(prober, `madeUpNonce0000000${i}`, 'frontal', f.frontal)).statusCode);
      for (let i = 0; i < 6; i++) {
        const res = await inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: prober.headers, payload: { clientId: clientId(), nonce: `madeUpNonce1111111${i}`, frames: b64(f) } });
        codes.push(res.statusCode === 200 ? (res.json<{ status: string }>().status === 'challenge_expired' ? 409 : 200) : res.statusCode);
      }
      expect(engine).not.toHaveBeenCalled();
    } finally {
      engine.mockRestore();
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(409)); // refused (the set's answer: challenge_expired)
    expect(codes.slice(10)).toEqual([429, 429]); // the allowance (10) is spent
    expect(await refusals()).toBe(before);
  }, 60_000);
});

describe('face challenges per tablet', () => {
  it('a tablet holding three undecided challenges gets no fourth (429, in Chinese); another tablet is not held up', async () => {
    const greedy = await pairDevice(t.app, 'door', venue.sittingId, 'door-greedy');
    for (let i = 0; i < 3; i++) expect((await challenge(greedy)).status).toBe(200);
    const fourth = await challenge(greedy);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error?.message).toMatch(/请稍候再试/);
    expect((await challenge(seat)).status).toBe(200);
  });
});
