import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyView, DeputyView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
});
afterAll(() => t.close());

describe('bodies and rosters', () => {
  it('answers health once ready', async () => {
    expect((await call(t.app, 'GET', '/api/health', undefined, 200)).body).toEqual({ ok: true });
  });

  it('creates a body with the legal default rules', async () => {
    const { body } = await call<BodyView>(t.app, 'POST', '/api/bodies', { name: '某镇第八届人民代表大会' }, 201);
    expect(body.rules.quorum).toEqual({ num: 2, den: 3, strict: false });
    expect(body.rules.resolutionPass).toEqual({ base: 'all', fraction: { num: 1, den: 2, strict: true } });
  });

  it('imports good rows and reports each bad row by number', async () => {
    const { body } = await call<BodyView>(t.app, 'POST', '/api/bodies', { name: '某县第十七届人民代表大会' }, 201);
    const rows = [
      { name: '王某某', cardNo: '001', gender: '男', delegation: '城关镇代表团' },
      { name: '', cardNo: '002' },
      { name: '李某某', cardNo: 3, delegation: '东乡' },
      { name: '张某某' },
      { name: '赵某某', cardNo: '001' },
      'not a row',
      { name: '<script>alert(1)</script>', cardNo: '005' },
    ];
    const { body: report } = await call<{ created: number; errors: Array<{ row: number; message: string }> }>(
      t.app,
      'POST',
      `/api/bodies/${body.id}/roster`,
      { rows },
      200,
    );
    expect(report.created).toBe(3);
    expect(report.errors.map((e) => e.row)).toEqual([2, 4, 5, 6]);
    expect(report.errors[0]!.message).toMatch(/姓名/);
    expect(report.errors[1]!.message).toMatch(/代表证号/);
    expect(report.errors[2]!.message).toMatch(/重复/);
    const { body: list } = await call<DeputyView[]>(t.app, 'GET', `/api/bodies/${body.id}/deputies`);
    expect(list.map((d) => d.cardNo).sort()).toEqual(['001', '005', '3']);
    expect(list.find((d) => d.cardNo === '005')!.name).toBe('<script>alert(1)</script>');
  });

  it('re-importing a card number updates that deputy instead of adding one', async () => {
    const { body } = await call<BodyView>(t.app, 'POST', '/api/bodies', { name: '某乡人大' }, 201);
    await call(t.app, 'POST', `/api/bodies/${body.id}/roster`, { rows: [{ name: '甲', cardNo: 'A1' }] }, 200);
    const { body: report } = await call<{ created: number; updated: number }>(
      t.app,
      'POST',
      `/api/bodies/${body.id}/roster`,
      { rows: [{ name: '甲(改)', cardNo: 'A1' }] },
      200,
    );
    expect(report).toMatchObject({ created: 0, updated: 1 });
    const { body: list } = await call<DeputyView[]>(t.app, 'GET', `/api/bodies/${body.id}/deputies`);
    expect(list.map((d) => d.name)).toEqual(['甲(改)']);
  });

  it('suspends a deputy, who then no longer counts in office', async () => {
    const { body } = await call<BodyView>(t.app, 'POST', '/api/bodies', { name: '某镇人大' }, 201);
    const { body: d } = await call<DeputyView>(t.app, 'POST', `/api/bodies/${body.id}/deputies`, { name: '钱某', cardNo: 'Q1' }, 201);
    await call(t.app, 'POST', `/api/bodies/${body.id}/deputies`, { name: '孙某', cardNo: 'S1' }, 201);
    await call(t.app, 'PATCH', `/api/deputies/${d.id}`, { status: 'suspended' }, 200);
    const { body: after } = await call<BodyView>(t.app, 'GET', `/api/bodies/${body.id}`);
    expect(after).toMatchObject({ deputies: 2, inOffice: 1 });
  });

  it('refuses malformed requests with a 4xx and a message', async () => {
    const cases: Array<[string, string, unknown, number]> = [
      ['POST', '/api/bodies', { name: 42 }, 400],
      ['POST', '/api/bodies', { name: '   ' }, 400],
      ['POST', '/api/bodies', { name: 'x', extra: true }, 400],
      ['GET', '/api/bodies/abc', undefined, 400],
      ['GET', '/api/bodies/999999', undefined, 404],
      ['PATCH', '/api/deputies/1', { status: 'retired' }, 400],
      ['POST', '/api/bodies/1/roster', { rows: [] }, 400],
      ['GET', '/api/nope', undefined, 404],
    ];
    for (const [method, url, payload, status] of cases) {
      const res = await call<{ error: { code: string; message: string } }>(t.app, method as 'GET', url, payload);
      expect(res.status, `${method} ${url}`).toBe(status);
      expect(res.body.error.message.length).toBeGreaterThan(3);
    }
    const raw = await t.app.inject({ method: 'POST', url: '/api/bodies', headers: { 'content-type': 'application/json', cookie: t.cookie }, payload: '{"name":' });
    expect(raw.statusCode).toBe(400);
    expect(JSON.parse(raw.body).error.code).toBe('ERR_VALIDATION');
  });
});
