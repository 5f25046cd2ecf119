// Accounts, vote rules and retention in the console (admins), in Debian's chromium: an admin creates a clerk
// with a Chinese user name and sees the one-time password once; the clerk signs in with it and must choose
// their own; the admin resets, changes the role, disables and unlocks; edits a body's
// rules with the legal reasons shown; sets the retention, and a bad value answers in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BodyView, StaffView } from '../../shared/views';
import { call } from '../helpers/app';
import { screenshot } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';
import { closeConsole, openConsole } from './console-setup';

let srv: RunningServer;
let browser: Browser;
let page: Page;

const row = (username: string) => page.getByTestId(`account-${username}`);

beforeAll(async () => {
  ({ srv, browser, page } = await openConsole());
});

afterAll(() => closeConsole({ srv, browser }));

describe('console, accounts and settings', () => {
  let otp = '';

  it('creates a clerk with a Chinese user name and shows the one-time password once', async () => {
    await page.goto(`${srv.url}/console/`);
    await page.getByRole('link', { name: '账户与设置' }).click();
    await page.getByTestId('account-test-admin').waitFor();
    await page.fill('input[name=newUsername]', '王秘书');
    await page.fill('input[name=displayName]', '王秘书');
    await page.getByRole('button', { name: '新建账户' }).click();
    otp = (await page.getByTestId('one-time-password').textContent())!.trim();
    expect(otp.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'console-accounts-otp');
    await page.getByRole('button', { name: '已记下，关闭' }).click();
    await row('王秘书').getByText('待修改初始密码').waitFor();
    expect(await page.getByTestId('one-time-password').count()).toBe(0);
    // A user name with a space is refused in Chinese, not with the schema's English.
    await page.fill('input[name=newUsername]', 'a b');
    await page.getByRole('button', { name: '新建账户' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('用户名：只能包含字母、数字、汉字和 _ . -，不能有空格');
  });

  it('the new clerk signs in with the one-time password and must choose their own', async () => {
    const res = await srv.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '王秘书', password: otp } });
    expect([res.statusCode, res.json<StaffView>().role, res.json<StaffView>().mustChangePassword]).toEqual([200, 'clerk', true]);
  });

  it('resets a password, changes the role and disables the account', async () => {
    await row('王秘书').getByRole('button', { name: '重置密码' }).click();
    const again = (await page.getByTestId('one-time-password').textContent())!.trim();
    expect(again).not.toBe(otp);
    await page.getByRole('button', { name: '已记下，关闭' }).click();
    await row('王秘书').getByRole('combobox').selectOption('chair');
    await expect.poll(async () => (await call<StaffView[]>(srv.app, 'GET', '/api/staff')).body.find((s) => s.username === '王秘书')?.role).toBe('chair');
    await row('王秘书').getByRole('button', { name: '停用' }).click();
    await row('王秘书').getByText('已停用').waitFor();
    const refused = await srv.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '王秘书', password: again } });
    expect(refused.statusCode).toBe(401);
    // Yourself: no disable button, and the role cannot be changed.
    expect(await row('test-admin').getByRole('button', { name: '停用' }).count()).toBe(0);
    expect(await row('test-admin').getByRole('combobox').isDisabled()).toBe(true);
    await screenshot(page, 'console-accounts');
  });

  it('shows a locked account and unlocks it', async () => {
    await call(srv.app, 'POST', '/api/staff', { username: 'li.clerk', displayName: '李干事', role: 'clerk' }, 201);
    for (let i = 0; i < 5; i++) await srv.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'li.clerk', password: 'wrong-password-1' } });
    await page.reload();
    const li = row('li.clerk');
    await li.getByText(/^已锁定至 /).waitFor();
    await li.getByRole('button', { name: '解锁' }).click();
    await expect.poll(() => li.getByText(/^已锁定至 /).count()).toBe(0);
  });

  it("edits a body's rules, with the legal default and its reason beside each", async () => {
    const body = (await call<BodyView>(srv.app, 'POST', '/api/bodies', { name: '某镇第八届人民代表大会' }, 201)).body;
    await page.goto(`${srv.url}/console/#/bodies/${body.id}`);
    const form = page.getByRole('form', { name: '表决规则' });
    await form.getByText(/地方组织法第十四条/).waitFor();
    await form.getByText(/法定默认：全体代表的过半数/).first().waitFor();
    await form.getByLabel('法定人数').selectOption({ label: '过半数' });
    await form.getByLabel('议案通过 基数').selectOption({ label: '出席代表' });
    await form.getByRole('button', { name: '保存表决规则' }).click();
    await form.getByText('已保存').waitFor();
    const saved = (await call<BodyView>(srv.app, 'GET', `/api/bodies/${body.id}`)).body.rules;
    expect([saved.quorum, saved.resolutionPass.base]).toEqual([{ num: 1, den: 2, strict: true }, 'present']);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-rules-form');
    await form.getByRole('button', { name: '恢复法定默认值' }).click();
    await form.getByRole('button', { name: '保存表决规则' }).click();
    await form.getByText('已保存').waitFor();
    const back = (await call<BodyView>(srv.app, 'GET', `/api/bodies/${body.id}`)).body.rules;
    expect([back.quorum, back.resolutionPass.base]).toEqual([{ num: 2, den: 3, strict: false }, 'all']);
  });

  it('sets the evidence retention; 0 days is refused in Chinese', async () => {
    await page.goto(`${srv.url}/console/#/accounts`);
    const form = page.getByRole('form', { name: '报到现场照片保存期限' });
    await expect.poll(() => form.locator('input[name=retentionDays]').inputValue()).toBe('90');
    await form.locator('input[name=retentionDays]').fill('0');
    await form.getByRole('button', { name: '保存' }).click();
    // Said by the console before it asks to shorten (issue 23); the server refuses it too ("现场照片保存天数：不能小于 1").
    expect(await form.getByRole('alert').textContent()).toBe('保存天数须为 1–3650 的整数');
    await form.locator('input[name=retentionDays]').fill('30');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('已保存').waitFor();
    expect((await call<{ evidenceRetentionDays: number }>(srv.app, 'GET', '/api/settings/retention')).body.evidenceRetentionDays).toBe(30);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-retention');
  });
});
