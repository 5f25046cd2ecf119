// Demo and real data in Debian's chromium: sittings are labelled with their congress in the tablet pickers, and an
// admin archives the demo congress after typing its name; it leaves the lists and pickers, its records stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BodyView, MeetingView } from '../../shared/views';
import { call } from '../helpers/app';
import { screenshot } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';
import { closeConsole, openConsole } from './console-setup';
import { demoRosterRows } from '../../server/demo/seed-demo';

let srv: RunningServer;
let browser: Browser;
let page: Page;
const DEMO = '示范镇第八届人民代表大会';
const REAL = '某县第十七届人民代表大会';
let demo: BodyView;

beforeAll(async () => {
  ({ srv, browser, page } = await openConsole());
  for (const name of [DEMO, REAL]) {
    const body = (await call<BodyView>(srv.app, 'POST', '/api/bodies', { name }, 201)).body;
    if (name === DEMO) demo = body;
    await call<MeetingView>(srv.app, 'POST', `/api/bodies/${body.id}/meetings`, { name: '第二次会议', sittings: [{ name: '第一次全体会议' }] }, 201);
  }
});

afterAll(() => closeConsole({ srv, browser }));

const pickerOptions = async () => {
  await page.goto(`${srv.url}/console/#/devices`);
  await page.locator('select[name=sitting] option').nth(1).waitFor({ state: 'attached' });
  return page.locator('select[name=sitting] option').allTextContents();
};

describe('console, demo and real data', () => {
  it('gives demo deputies invented Chinese names', () => {
    const names = demoRosterRows().map((r) => r.name);
    expect(names.every((n) => /^[\u4e00-\u9fff]{2,4}$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('labels sittings with their congress in the tablet picker', async () => {
    const options = await pickerOptions();
    expect(options).toEqual(expect.arrayContaining([`${DEMO} · 第二次会议 · 第一次全体会议`, `${REAL} · 第二次会议 · 第一次全体会议`]));
  });

  it('archives the demo congress once its name is typed; it leaves the lists, its records stay', async () => {
    await page.goto(`${srv.url}/console/#/bodies/${demo.id}`);
    const form = page.getByRole('form', { name: '归档本届人民代表大会' });
    const button = form.getByRole('button', { name: '归档本届人民代表大会' });
    expect(await button.isDisabled()).toBe(true);
    await form.locator('input[name=confirmName]').fill('示范镇');
    expect(await button.isDisabled()).toBe(true);
    await form.locator('input[name=confirmName]').fill(DEMO);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-archive-body');
    await button.click();
    await page.waitForURL(/#\/$/);
    await page.getByText(REAL).first().waitFor();
    await page.getByTestId('archived-bodies').getByText(DEMO).waitFor({ state: 'attached' });
    // Off the lists; only the admins' 已归档 list (issue 23) still names it.
    expect(await page.getByText(DEMO).evaluateAll((els) => els.filter((e) => !e.closest('[data-testid=archived-bodies]')).length)).toBe(0);
    expect((await pickerOptions()).some((o) => o.startsWith(DEMO))).toBe(false);
    expect((await call<BodyView>(srv.app, 'GET', `/api/bodies/${demo.id}`)).body.name).toBe(DEMO);
  });
});
