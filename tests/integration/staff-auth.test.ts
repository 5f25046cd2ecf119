// Staff accounts: the first admin's one-time password, forced change, roles, lockout, sign-out, disabling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffView } from '../../shared/views';
import { ensureFirstAdmin, MAX_FAILURES } from '../../server/services/staff-service';
import { SESSION_COOKIE } from '../../server/plugins/access';
import { call, makeApp, signIn, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
});
afterAll(() => t.close());

async function login(username: string, password: string, address = '10.1.0.1') {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return { res, cookie, header: cookie ? `${SESSION_COOKIE}=${cookie.value}` : null };
}
const as = (cookie: string | null) => (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as never, headers: cookie ? { cookie } : {} });

describe('staff accounts', () => {
  it('the first admin has a one-time password that works once set, must be changed, and is stored only as a scrypt hash', async () => {
    // makeApp already made a test admin; a fresh database is what ensureFirstAdmin acts on.
    const fresh = await makeFreshApp();
    try {
      const first = await ensureFirstAdmin(fresh.ctx);
      expect(first?.username).toBe('admin');
      expect(first!.password.length).toBeGreaterThanOrEqual(16);
      expect(await ensureFirstAdmin(fresh.ctx)).toBeNull(); // printed once only
      const rows = await fresh.ctx.db.all<{ password_hash: string }>('SELECT password_hash FROM staff');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.password_hash).toMatch(/^scrypt\$/);
      expect(rows[0]!.password_hash).not.toContain(first!.password);

      const res = await fresh.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: first!.password } });
      expect(res.statusCode).toBe(200);
      expect(res.json<StaffView>().mustChangePassword).toBe(true);
      const c = res.cookies.find((x) => x.name === SESSION_COOKIE)!;
      expect([c.httpOnly, c.sameSite]).toEqual([true, 'Strict']);
      const cookie = `${SESSION_COOKIE}=${c.value}`;
      const blocked = await fresh.inject({ method: 'GET', url: '/api/bodies', headers: { cookie } });
      expect([blocked.statusCode, blocked.json<{ error: { code: string } }>().error.code]).toEqual([403, 'ERR_FORBIDDEN']);
      const short = await fresh.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: first!.password, newPassword: 'short' } });
      expect(short.statusCode).toBe(400);
      const wrong = await fresh.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: 'not-it', newPassword: '县人大常委会议室三楼' } });
      expect(wrong.statusCode).toBe(401);
      const changed = await fresh.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: first!.password, newPassword: '县人大常委会议室三楼' } });
      expect([changed.statusCode, changed.json<StaffView>().mustChangePassword]).toEqual([200, false]);
      expect((await fresh.inject({ method: 'GET', url: '/api/bodies', headers: { cookie } })).statusCode).toBe(200);
      const again = await fresh.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: first!.password } });
      expect(again.statusCode).toBe(401); // the one-time password is gone
    } finally {
      await fresh.close();
    }
  });

  it('each role reaches only its routes', async () => {
    const clerk = await signIn(t.app, 'clerk', 'role-clerk');
    const chair = await signIn(t.app, 'chair', 'role-chair');
    const body = (await call<{ id: number }>(t.app, 'POST', '/api/bodies', { name: '角色测试' }, 201)).body;
    const meeting = (await call<{ sittings: Array<{ id: number }> }>(t.app, 'POST', `/api/bodies/${body.id}/meetings`, { name: '会', sittings: [{ name: '全体会议' }] }, 201)).body;
    const item = (await call<{ id: number }>(t.app, 'POST', `/api/sittings/${meeting.sittings[0]!.id}/agenda`, { title: '议程' }, 201)).body;
    const vote = (await call<{ id: number }>(t.app, 'POST', `/api/agenda/${item.id}/votes`, { kind: 'resolution', title: '决议', secrecy: 'open' }, 201)).body;
    const cases: Array<[string, string, 'GET' | 'POST', string, unknown, number]> = [
      ['clerk', clerk, 'POST', '/api/bodies', { name: '新届' }, 403],
      ['clerk', clerk, 'GET', '/api/staff', undefined, 403],
      ['clerk', clerk, 'POST', `/api/votes/${vote.id}/open`, { overrideQuorum: { reason: '测试' } }, 403],
      ['clerk', clerk, 'POST', `/api/bodies/${body.id}/roster`, { rows: [{ name: '张三', cardNo: 'Z1' }] }, 200],
      ['chair', chair, 'POST', `/api/bodies/${body.id}/roster`, { rows: [{ name: '李四', cardNo: 'Z2' }] }, 403],
      ['chair', chair, 'POST', '/api/devices/accept', { code: '123456', name: 'x', mode: 'door' }, 403],
      ['chair', chair, 'GET', `/api/votes/${vote.id}`, undefined, 200],
      ['nobody', '', 'GET', `/api/votes/${vote.id}`, undefined, 401],
    ];
    for (const [who, cookie, method, url, payload, status] of cases) {
      const res = await as(cookie || null)(method, url, payload);
      expect([who, method, url, res.statusCode]).toEqual([who, method, url, status]);
    }
  });

  it(`locks an account after ${MAX_FAILURES} wrong passwords from one address, even for the right one`, async () => {
    await signIn(t.app, 'clerk', 'lock-me');
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login('lock-me', 'wrong-password', '10.2.0.1')).res.statusCode).toBe(401);
    const right = await login('lock-me', 'lock-me-password', '10.2.0.1');
    expect([right.res.statusCode, right.res.json<{ error: { code: string } }>().error.code]).toEqual([401, 'ERR_UNAUTHORIZED']);
  });

  it('signing out ends the session; disabling an account ends its sessions at once', async () => {
    await signIn(t.app, 'clerk', 'leaver');
    const a = await login('leaver', 'leaver-password');
    expect((await as(a.header)('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await as(a.header)('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await as(a.header)('GET', '/api/auth/me')).statusCode).toBe(401);

    const b = await login('leaver', 'leaver-password');
    const id = (await call<StaffView[]>(t.app, 'GET', '/api/staff', undefined, 200)).body.find((s) => s.username === 'leaver')!.id;
    await call(t.app, 'PATCH', `/api/staff/${id}`, { disabled: true }, 200);
    expect((await as(b.header)('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login('leaver', 'leaver-password')).res.statusCode).toBe(401);
    const audit = await t.app.ctx.db.all<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE 'staff.%'");
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['staff.login', 'staff.login_failed', 'staff.update']));
  });

  it('an admin creates an account with a one-time password and can reset it', async () => {
    const made = (await call<{ staff: StaffView; oneTimePassword: string }>(t.app, 'POST', '/api/staff', { username: 'zhang.clerk', displayName: '张书记员', role: 'clerk' }, 201)).body;
    expect(made.staff.mustChangePassword).toBe(true);
    expect((await login('zhang.clerk', made.oneTimePassword)).res.json<StaffView>().mustChangePassword).toBe(true);
    const reset = (await call<{ oneTimePassword: string }>(t.app, 'POST', `/api/staff/${made.staff.id}/reset-password`, undefined, 200)).body;
    expect(reset.oneTimePassword).not.toBe(made.oneTimePassword);
    expect((await login('zhang.clerk', made.oneTimePassword)).res.statusCode).toBe(401);
    expect((await login('zhang.clerk', reset.oneTimePassword)).res.statusCode).toBe(200);
  });
});

/** An app on its own fresh database with no staff at all (makeApp adds a test admin). */
async function makeFreshApp() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { buildApp } = await import('../../server/app');
  const dir = mkdtempSync(join(tmpdir(), 'quorum-fresh-'));
  const app = await buildApp({ dbPath: join(dir, 'quorum.db') });
  return {
    ctx: app.ctx,
    inject: app.inject.bind(app),
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
