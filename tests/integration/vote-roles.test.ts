// Hostile review, point 7: a clerk could create votes, with any pass rule ("1/1000 of those cast"). Only the
// chair or an admin creates votes, and a pass rule may not be easier than the body's unless an admin widened it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeApp, signIn, type TestApp } from '../helpers/app';
import { seedSitting, type Sitting } from '../helpers/fixtures';

let t: TestApp;
let s: Sitting;
let clerk: string;
let chair: string;
let agendaItemId: number;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 5);
  clerk = await signIn(t.app, 'clerk', 'vote-clerk');
  chair = await signIn(t.app, 'chair', 'vote-chair');
  agendaItemId = (await call<{ id: number }>(t.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: '议程' }, 201)).body.id;
});
afterAll(() => t.close());

const tiny = { base: 'cast', fraction: { num: 1, den: 1000, strict: false } };
const create = (cookie: string, extra: object = {}) =>
  call<{ id: number; passRule: unknown; error?: { code: string; message: string } }>(
    t.app, 'POST', `/api/agenda/${agendaItemId}/votes`, { kind: 'resolution', title: '关于某事项的决定', secrecy: 'open', ...extra }, undefined, cookie,
  );

describe('who creates votes, with which pass rules', () => {
  it('a clerk cannot create a vote', async () => {
    expect((await create(clerk)).status).toBe(403);
    expect((await create(clerk, { passRule: tiny })).status).toBe(403);
  });

  it('the chair creates votes at or above the body\'s rule, not below it', async () => {
    expect((await create(chair)).status).toBe(201);
    expect((await create(chair, { passRule: { base: 'all', fraction: { num: 2, den: 3, strict: false } } })).status).toBe(201);
    const below = await create(chair, { passRule: tiny });
    expect([below.status, below.body.error?.code]).toEqual([400, 'ERR_VALIDATION']);
    expect(below.body.error?.message).toMatch(/^通过规则不能低于本届的规定（全体代表的过半数）/);
    const present = await create(chair, { passRule: { base: 'present', fraction: { num: 2, den: 3, strict: false } } });
    expect(present.status).toBe(400);
  });

  it('once an admin widens the body\'s rules, the chair may use them', async () => {
    await call(t.app, 'PATCH', `/api/bodies/${s.body.id}/rules`, { resolutionPass: tiny }, 200);
    const made = await create(chair, { passRule: tiny });
    expect([made.status, made.body.passRule]).toEqual([201, tiny]);
    await call(t.app, 'PATCH', `/api/bodies/${s.body.id}/rules`, { resolutionPass: { base: 'all', fraction: { num: 1, den: 2, strict: true } } }, 200);
  });
});
