// Issue 21 point 1: a bearer token read out of a tablet's storage must not work from anywhere else. Each tablet
// signs every request and socket hello with a non-extractable key made at pairing (shared/device-proof.ts); the
// token, or everything the tablet's localStorage holds, in another client is refused; a captured signed request
// cannot be sent again, nor its signature used for another body. (The same in Chromium: e2e/kiosk-bound.)
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROOF_HEADER, PROOF_WINDOW_MS, formatProof, makeProof, requestProofText, sha256Hex } from '../../shared/device-proof';
import { LIVE_PATH, type ServerMessage } from '../../shared/protocol';
import { makeApp, type TestApp } from '../helpers/app';
import { inject, newTablet, pairDevice, signHeaders, signedHello, type PairedDevice } from '../helpers/devices';
import { seedSitting, type Sitting } from '../helpers/fixtures';
import { listen } from '../helpers/live';

let t: TestApp;
let s: Sitting;
let seat: PairedDevice;
let host: string;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 3);
  seat = await pairDevice(t.app, 'seat', s.sittingId);
  host = await listen(t.app);
});
afterAll(() => t.close());

const boxUrl = () => `/api/face/config`;
const get = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/device/me', headers });
const errorOf = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string; message: string; details?: { serverTime?: number } } }).error;

/** A hello over a real socket; resolves with 'snapshot' or the error's code. */
async function helloAnswer(message: string): Promise<string> {
  const ws = new WebSocket(`ws://${host}${LIVE_PATH}`);
  await new Promise((r) => ws.once('open', r));
  const answer = new Promise<string>((resolve) => ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as ServerMessage;
    resolve(m.type === 'error' ? m.code : m.type);
  }));
  ws.send(message);
  const got = await answer;
  ws.close();
  return got;
}

describe('tablet-bound credentials', () => {
  it('accepts the tablet itself: a request signed by its key, and its signed hello', async () => {
    expect((await inject(t.app, { method: 'GET', url: '/api/device/me', headers: seat.headers })).statusCode).toBe(200);
    expect(await helloAnswer(await signedHello(seat.token, s.meeting.id, 'kiosk'))).toBe('snapshot');
  });

  it('refuses the token alone, or with a key made on another machine, over HTTP and on the socket', async () => {
    const bare = await get(seat.headers);
    expect(bare.statusCode).toBe(401);
    expect(errorOf(bare).message).toMatch(/未.*签名|not signed/);
    const thief = await newTablet(); // another client: the copied token, its own key
    const forged = await inject(t.app, { method: 'GET', url: '/api/device/me', headers: seat.headers }, { ...thief.signer, token: seat.token });
    expect([forged.statusCode, errorOf(forged).message]).toEqual([401, '终端签名无效 / Tablet signature is not valid']);
    const faceRoute = await inject(t.app, { method: 'POST', url: '/api/face/challenge', headers: seat.headers, payload: {} }, thief.signer);
    expect(faceRoute.statusCode).toBe(401);
    expect(await helloAnswer(JSON.stringify({ type: 'hello', protocol: 1, meetingId: s.meeting.id, view: 'kiosk', deviceToken: seat.token }))).toBe('ERR_UNAUTHORIZED');
    expect(await helloAnswer(await signedHello(thief.token, s.meeting.id, 'kiosk', { deviceToken: seat.token }))).toBe('ERR_UNAUTHORIZED');
  });

  it('refuses a captured signed request sent again, and a captured hello said again', async () => {
    const headers = await signHeaders('GET', boxUrl(), undefined, seat.headers);
    expect((await t.app.inject({ method: 'GET', url: boxUrl(), headers })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'GET', url: boxUrl(), headers });
    expect([again.statusCode, errorOf(again).message]).toEqual([401, '该请求已使用过 / This signed request was already used']);
    const hello = await signedHello(seat.token, s.meeting.id, 'kiosk');
    expect(await helloAnswer(hello)).toBe('snapshot');
    expect(await helloAnswer(hello)).toBe('ERR_UNAUTHORIZED');
  });

  it('refuses a signature moved to another body, path or method', async () => {
    const door = await pairDevice(t.app, 'door', s.sittingId);
    const url = '/api/checkins/face/gave-up';
    const headers = { ...(await signHeaders('POST', url, JSON.stringify({ tries: 1 }), door.headers)), 'content-type': 'application/json' };
    const other = await t.app.inject({ method: 'POST', url, headers, payload: JSON.stringify({ tries: 3 }) });
    expect([other.statusCode, errorOf(other).message]).toEqual([401, '终端签名无效 / Tablet signature is not valid']);
    const spaced = await t.app.inject({ method: 'POST', url, headers, payload: '{ "tries": 1 }' }); // the bytes are signed
    expect(spaced.statusCode).toBe(401);
    const otherPath = await t.app.inject({ method: 'GET', url: '/api/device/me', headers });
    expect(otherPath.statusCode).toBe(401);
    const hello = JSON.parse(await signedHello(seat.token, s.meeting.id, 'kiosk')) as Record<string, unknown>;
    expect(await helloAnswer(JSON.stringify({ ...hello, view: 'console' }))).toBe('ERR_UNAUTHORIZED');
  });

  it('refuses a stale time and tells the tablet the server clock, so a skewed tablet signs again and is let in', async () => {
    const sha = await sha256Hex('');
    const skew = -5 * PROOF_WINDOW_MS; // a tablet whose clock is 5 minutes slow
    const stale = formatProof(await makeProof(seat.keys.privateKey, (p) => requestProofText('GET', '/api/device/me', p, sha), Date.now() + skew));
    const refused = await get({ ...seat.headers, [PROOF_HEADER]: stale });
    expect(refused.statusCode).toBe(401);
    const serverTime = errorOf(refused).details!.serverTime!;
    expect(Math.abs(serverTime - Date.now())).toBeLessThan(5000);
    const offset = serverTime - (Date.now() + skew);
    const fixed = formatProof(await makeProof(seat.keys.privateKey, (p) => requestProofText('GET', '/api/device/me', p, sha), Date.now() + skew + offset));
    expect((await get({ ...seat.headers, [PROOF_HEADER]: fixed })).statusCode).toBe(200);
  });

  it('refuses a tablet paired before device keys (no key stored) and asks it to pair again', async () => {
    const old = await pairDevice(t.app, 'door', s.sittingId);
    await t.app.ctx.db.write((tx) => tx.run('UPDATE devices SET public_key = NULL WHERE id = ?', [old.device.id]));
    await t.app.inject({ method: 'PATCH', url: `/api/devices/${old.device.id}`, headers: { cookie: t.cookie }, payload: { name: 'old' } }); // clears the caches
    const res = await inject(t.app, { method: 'GET', url: '/api/device/me', headers: old.headers });
    expect([res.statusCode, errorOf(res).message]).toEqual([401, '本终端没有设备密钥，请重新配对 / This tablet has no device key: pair it again']);
  });
});
