import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { pairDevice } from '../helpers/devices';
import { seedSitting, type Sitting } from '../helpers/fixtures';

let t: TestApp;
let s: Sitting;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 3);
});
afterAll(() => t.close());

const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/device/me', headers: { authorization: `Bearer ${token}` } });

describe('tablet pairing', () => {
  it('shows a 6-digit code, waits for the clerk, then knows its mode and sitting', async () => {
    const token = randomBytes(32).toString('hex');
    const { body: pairing } = await call<{ deviceId: number; code: string }>(t.app, 'POST', '/api/devices/pairing', { token }, 201);
    expect(pairing.code).toMatch(/^\d{6}$/);
    const waiting = await me(token);
    expect(waiting.statusCode).toBe(403);
    expect(JSON.parse(waiting.body).error.message).toMatch(/等待工作人员确认/);
    const { body: listed } = await call<DeviceView[]>(t.app, 'GET', '/api/devices');
    expect(listed.find((d) => d.id === pairing.deviceId)).toMatchObject({ status: 'pending', pairingCode: pairing.code });
    await call(t.app, 'POST', '/api/devices/accept', { code: pairing.code, name: '东门1号', mode: 'door', sittingId: s.sittingId }, 201);
    const paired = await me(token);
    expect(paired.statusCode).toBe(200);
    expect(JSON.parse(paired.body)).toMatchObject({ name: '东门1号', mode: 'door', status: 'active', sittingId: s.sittingId, meetingId: s.meeting.id, pairingCode: null });
  });

  it('refuses a wrong code, a reused token and a malformed token', async () => {
    expect((await call(t.app, 'POST', '/api/devices/accept', { code: '000000', name: 'x', mode: 'seat' })).status).toBe(404);
    const p = await pairDevice(t.app, 'seat', s.sittingId);
    expect((await call(t.app, 'POST', '/api/devices/pairing', { token: p.token })).status).toBe(409);
    expect((await call(t.app, 'POST', '/api/devices/pairing', { token: 'short' })).status).toBe(400);
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
