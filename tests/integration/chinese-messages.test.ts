// Schema refusals reach Chinese screens in Chinese: field name and what is wrong, never TypeBox's English alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => void (t = await makeApp()));
afterAll(async () => t?.close());

const zh = (body: unknown) => (body as { error: { message: string } }).error.message.split(' / ')[0];

describe('validation messages in Chinese', () => {
  it('accepts a Chinese user name and explains a refused one', async () => {
    await call(t.app, 'POST', '/api/staff', { username: '王秘书', displayName: '王秘书', role: 'clerk' }, 201);
    const spaced = await call(t.app, 'POST', '/api/staff', { username: 'wang mishu', displayName: 'x', role: 'clerk' }, 400);
    expect(zh(spaced.body)).toBe('用户名：只能包含字母、数字、汉字和 _ . -，不能有空格');
    const missing = await call(t.app, 'POST', '/api/staff', { username: 'li', role: 'clerk' }, 400);
    expect(zh(missing.body)).toBe('显示名称：必须填写');
  });

  it('names the field and the limit: retention 0, a too-long name, an unknown field', async () => {
    expect(zh((await call(t.app, 'PUT', '/api/settings/retention', { evidenceRetentionDays: 0 }, 400)).body)).toBe('现场照片保存天数：不能小于 1');
    expect(zh((await call(t.app, 'POST', '/api/bodies', { name: 'x'.repeat(101) }, 400)).body)).toBe('名称：不能超过 100 个字符');
    expect(zh((await call(t.app, 'POST', '/api/bodies', { name: '某镇', colour: 'red' }, 400)).body)).toBe('字段“colour”：是不认识的字段');
  });

  it('reports a roster row without a name as 姓名：必须填写', async () => {
    const body = (await call<BodyView>(t.app, 'POST', '/api/bodies', { name: '某镇第八届人民代表大会' }, 201)).body;
    const report = (await call<{ errors: Array<{ row: number; message: string }> }>(t.app, 'POST', `/api/bodies/${body.id}/roster`, { rows: [{ cardNo: 'A1' }] }, 200)).body;
    expect(report.errors.map((e) => [e.row, e.message.split(' / ')[0]])).toEqual([[1, '姓名：必须填写']]);
  });

  it("calls a person's name 姓名 on the routes about people, a congress's name 名称", async () => {
    const body = (await call<BodyView>(t.app, 'POST', '/api/bodies', { name: '某县第十七届人民代表大会' }, 201)).body;
    expect(zh((await call(t.app, 'POST', `/api/bodies/${body.id}/deputies`, { name: '', cardNo: 'B1' }, 400)).body)).toBe('姓名：不能为空');
    expect(zh((await call(t.app, 'POST', `/api/bodies/${body.id}/deputies`, { cardNo: 'B1' }, 400)).body)).toBe('姓名：必须填写');
    expect(zh((await call(t.app, 'POST', '/api/bodies', { name: '' }, 400)).body)).toBe('名称：不能为空');
  });
});
