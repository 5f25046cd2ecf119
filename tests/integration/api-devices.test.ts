import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { inject, newTablet, pairDevice } from '../helpers/devices';
import type { DeviceSigner } from '../../shared/device-proof';
import { seedSitting, type Sitting } from '../helpers/fixtures';

let t: TestApp;
let s: Sitting;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 3);
});
afterAll(() => t.close());

const me = (token: string) => inject(t.app, { method: 'GET', url: '/api/device/me', headers: { authorization: `Bearer ${token}` } });
const claim = (tab: { token: string; publicKey: string; signer: DeviceSigner }) =>
  inject(t.app, { method: 'POST', url: '/api/devices/pairing', payload: { token: tab.token, publicKey: tab.publicKey } }, tab.signer);

describe('tablet pairing', () => {
  it('shows the 6-digit code of its key, waits for the clerk, then knows its mode and sitting', async () => {
    const tab = await newTablet();
    expect(tab.code).toMatch(/^\d{6}$/);
    const waiting = await claim(tab);
    expect([waiting.statusCode, waiting.json()]).toEqual([202, { code: tab.code }]);
    expect((await me(tab.token)).statusCode).toBe(401);
    const { body: accepted } = await call<DeviceView>(t.app, 'POST', '/api/devices/accept', { code: tab.code, name: '东门1号', mode: 'door', sittingId: s.sittingId }, 201);
    expect(accepted).toMatchObject({ status: 'pending', pairingCode: tab.code });
    const { body: pending } = await call<DeviceView[]>(t.app, 'GET', '/api/devices/pending');
    expect(pending.map((d) => d.pairingCode)).toContain(tab.code);
    const claimed = await claim(tab);
    expect(claimed.statusCode).toBe(201);
    const paired = await me(tab.token);
    expect(paired.statusCode).toBe(200);
    expect(JSON.parse(paired.body)).toMatchObject({ id: accepted.id, name: '东门1号', mode: 'door', status: 'active', sittingId: s.sittingId, meetingId: s.meeting.id, pairingCode: null });
  });

  it('refuses a code typed twice, a reused token, a malformed token and a claim not signed by its key', async () => {
    const tab = await newTablet();
    await call(t.app, 'POST', '/api/devices/accept', { code: tab.code, name: 'x', mode: 'seat', sittingId: s.sittingId }, 201);
    expect((await call(t.app, 'POST', '/api/devices/accept', { code: tab.code, name: 'y', mode: 'seat', sittingId: s.sittingId })).status).toBe(409);
    const stranger = await newTablet();
    const unsigned = await inject(t.app, { method: 'POST', url: '/api/devices/pairing', payload: { token: tab.token, publicKey: tab.publicKey } }, stranger.signer);
    expect(unsigned.statusCode).toBe(401);
    expect((await claim(tab)).statusCode).toBe(201);
    const p = await pairDevice(t.app, 'seat', s.sittingId);
    expect((await claim({ ...(await newTablet()), token: p.token })).statusCode).toBe(409);
    expect((await call(t.app, 'POST', '/api/devices/pairing', { token: 'short', publicKey: tab.publicKey })).status).toBe(400);
  });

  it('sends a revoked tablet back to pairing', async () => {
    const p = await pairDevice(t.app, 'seat', s.sittingId);
    expect((await me(p.token)).statusCode).toBe(200);
    await call(t.app, 'POST', `/api/devices/${p.device.id}/revoke`, undefined, 200);
    const after = await me(p.token);
    expect(after.statusCode).toBe(401);
    expect(JSON.parse(after.body).error.message).toMatch(/重新配对/);
  });

  it('changes a tablet mode', async () => {
    const p = await pairDevice(t.app, 'door', s.sittingId);
    const { body } = await call<DeviceView>(t.app, 'PATCH', `/api/devices/${p.device.id}`, { mode: 'screen' }, 200);
    expect(body.mode).toBe('screen');
  });
});
