// Hostile review, points 1–2: a session ends for every later request when its owner signs out, is disabled or
// changes a password — even with requests in flight on the same cookie while the change commits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffView } from '../../shared/views';
import { SESSION_COOKIE } from '../../server/plugins/access';
import { call, createStaffAccount, makeApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
});
afterAll(() => t.close());

async function login(username: string, password: string, address = '10.9.0.1') {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address });
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  return { res, cookie: token ? `${SESSION_COOKIE}=${token}` : '' };
}
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

/** Fires `change` with requests on the same cookie in flight around it; answers the statuses of later requests. */
async function raceAgainst(cookie: string, change: () => Promise<unknown>): Promise<number[]> {
  let done = false;
  const changed = change().finally(() => (done = true));
  const inFlight: Array<Promise<unknown>> = [];
  // Keep asking on every turn of the event loop until the change has returned: some of these read the session
  // after the change began and before it committed.
  while (!done) {
    inFlight.push(me(cookie));
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all([changed, ...inFlight]);
  const later = await Promise.all(Array.from({ length: 5 }, () => me(cookie)));
  return later.map((r) => r.statusCode);
}

describe('ending sessions', () => {
  it('signing out ends the session even with requests in flight on the same cookie', async () => {
    const password = await createStaffAccount(t.app, 'chair', 'racer');
    for (let i = 0; i < 5; i++) {
      const { cookie } = await login('racer', password);
      expect((await me(cookie)).statusCode).toBe(200);
      const later = await raceAgainst(cookie, () => t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } }));
      expect(later, `try ${i + 1}`).toEqual([401, 401, 401, 401, 401]);
    }
  });

  it('disabling an account ends its sessions even with requests in flight', async () => {
    const password = await createStaffAccount(t.app, 'clerk', 'racer2');
    const { cookie } = await login('racer2', password);
    const id = (await call<StaffView[]>(t.app, 'GET', '/api/staff', undefined, 200)).body.find((s) => s.username === 'racer2')!.id;
    const later = await raceAgainst(cookie, () => call(t.app, 'PATCH', `/api/staff/${id}`, { disabled: true }, 200));
    expect(later).toEqual([401, 401, 401, 401, 401]);
  });
});

describe('changing your own password', () => {
  const change = (cookie: string, currentPassword: string, newPassword: string, address = '10.9.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword, newPassword }, remoteAddress: address });

  it('ends your other sessions and keeps the one that changed it', async () => {
    const password = await createStaffAccount(t.app, 'clerk', 'changer');
    const here = await login('changer', password);
    const there = await login('changer', password, '10.9.0.2');
    expect((await change(here.cookie, password, '新的会议室密码很长很长')).statusCode).toBe(200);
    expect((await me(there.cookie)).statusCode).toBe(401);
    expect((await me(here.cookie)).statusCode).toBe(200);
  });

  it('counts wrong "current password" attempts toward the lockout', async () => {
    const password = await createStaffAccount(t.app, 'clerk', 'guesser');
    const { cookie } = await login('guesser', password, '10.9.1.1');
    for (let i = 0; i < 5; i++) expect((await change(cookie, `guess-${i}-wrong`, '新的会议室密码很长很长', '10.9.1.1')).statusCode).toBe(401);
    // Locked now: the right current password is refused too, and so is signing in from that address.
    expect((await change(cookie, password, '新的会议室密码很长很长', '10.9.1.1')).statusCode).toBe(401);
    expect((await login('guesser', password, '10.9.1.1')).res.statusCode).not.toBe(200);
  });
});
