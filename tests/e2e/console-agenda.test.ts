// The agenda (议程) in real Chromium: a refused vote form leaves no agenda item and its retry makes one; the clerk's
// editor adds, edits, moves and deletes items; the chair's 设为当前议程 shows on a seat tablet (between votes, and
// compactly above the ballot) and on the big screen (title and presenter), and follows the next item live.
// Screenshots: tests/artifacts/console-agenda*.png, kiosk-seat-current-item*.png, screen-current-item.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AgendaItemView } from '../../shared/views';
import { call, signIn } from '../helpers/app';
import { launchBrowser, screenshot, signedIn } from '../helpers/browser';
import { fakeCameraVideo } from '../helpers/fake-camera';
import { checkIn, seedSitting, type Sitting } from '../helpers/fixtures';
import { halfWidthInChinese } from '../helpers/screen-text';
import { startServer, type RunningServer } from '../helpers/server';
import { consolePage } from './console-setup';
import { openKiosk, pairShown } from './kiosk-setup';

let srv: RunningServer;
let browser: Browser;
let console_: Page;
let s: Sitting;

const agenda = async () => (await call<AgendaItemView[]>(srv.app, 'GET', `/api/sittings/${s.sittingId}/agenda`, undefined, 200)).body;
const sittingPath = (section: string) => `${srv.url}/console/#/meetings/${s.meeting.id}/sittings/${s.sittingId}/${section}`;
const row = (title: string) => console_.locator('.agenda-item', { has: console_.locator('.agenda-item-title', { hasText: title }) });

beforeAll(async () => {
  let camera: string;
  [srv, camera] = await Promise.all([startServer(), fakeCameraVideo({ script: 'empty' })]);
  browser = await launchBrowser({ fakeCamera: camera });
  s = await seedSitting(srv.app, 3);
  await checkIn(srv.app, s, s.deputyIds.slice(0, 2)); // quorum (2 of 3), so a vote can open
  console_ = await consolePage(browser, srv);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

describe('the vote form and its agenda item', () => {
  it('a refused vote form leaves no agenda item, and its retry makes exactly one', async () => {
    await console_.goto(sittingPath('votes'));
    await console_.getByRole('button', { name: '+ 新建表决' }).click();
    await console_.getByRole('radio', { name: '民生实事项目票决' }).click();
    await console_.locator('input[name=voteTitle]').fill('2027年民生实事项目票决');
    await console_.locator('textarea[name=options]').fill('道路硬化\n自来水改造');
    await console_.locator('input[name=maxYes]').fill('3');
    await console_.getByRole('button', { name: '创建表决' }).click();
    await console_.getByRole('alert').filter({ hasText: '可赞成项目数不能多于候选项目数' }).waitFor();
    expect(await agenda()).toEqual([]);
    await console_.locator('input[name=maxYes]').fill('2');
    await console_.getByRole('button', { name: '创建表决' }).click();
    await console_.locator('.create-vote').waitFor({ state: 'detached' });
    expect((await agenda()).map((i) => [i.title, i.kind, i.votes.length])).toEqual([['2027年民生实事项目票决', 'vote', 1]]);
  });
});

describe('the agenda editor and the current item', () => {
  let seat: Page;

  it('a clerk adds, edits, moves and deletes items; an item with a vote cannot be deleted', async () => {
    await console_.goto(sittingPath('agenda'));
    const add = console_.getByTestId('agenda-add-form');
    for (const [title, kind, presenter] of [
      ['听取镇人民政府工作报告', '报告', '镇长 李某某'],
      ['审议镇财政预算报告', '审议', ''],
      ['临时事项', '其他', ''],
    ] as const) {
      await add.locator('input[name=agendaTitle]').fill(title);
      await add.locator('select[name=agendaKind]').selectOption({ label: kind });
      await add.locator('input[name=agendaPresenter]').fill(presenter);
      await add.getByRole('button', { name: '添加议程' }).click();
      await row(title).waitFor();
    }
    await row('审议镇财政预算报告').getByRole('button', { name: '编辑' }).click();
    const edit = console_.getByTestId('agenda-edit-form');
    await edit.locator('input[name=agendaPresenter]').fill('财政所所长 王某某');
    await edit.getByRole('button', { name: '保存' }).click();
    await row('审议镇财政预算报告').getByText('汇报人：财政所所长 王某某').waitFor();
    expect(await row('2027年民生实事项目票决').getByRole('button', { name: '删除' }).isDisabled()).toBe(true);
    await row('临时事项').getByRole('button', { name: '删除' }).click();
    await row('临时事项').getByRole('button', { name: '确定删除' }).click();
    await row('临时事项').waitFor({ state: 'detached' });
    // The vote's item goes last: two moves down.
    await row('2027年民生实事项目票决').getByRole('button', { name: '下移' }).click();
    await console_.waitForFunction(() => document.querySelectorAll('.agenda-item')[1]?.textContent?.includes('2027年民生实事项目票决'));
    await row('2027年民生实事项目票决').getByRole('button', { name: '下移' }).click();
    await console_.waitForFunction(() => document.querySelectorAll('.agenda-item')[2]?.textContent?.includes('2027年民生实事项目票决'));
    expect((await agenda()).map((i) => [i.position, i.title, i.kind, i.presenter])).toEqual([
      [1, '听取镇人民政府工作报告', 'report', '镇长 李某某'],
      [2, '审议镇财政预算报告', 'deliberation', '财政所所长 王某某'],
      [3, '2027年民生实事项目票决', 'vote', null],
    ]);
    expect(halfWidthInChinese(await console_.locator('main').innerText())).toEqual([]);
    await screenshot(console_, 'console-agenda');
  });

  it('设为当前议程 shows on a seat tablet and on the big screen, and the next item follows live', async () => {
    seat = await openKiosk(browser, srv);
    await pairShown(seat, srv, { mode: 'seat', sittingId: s.sittingId, name: '座位 1', seat: '1排1座' });
    await seat.locator('[data-screen="waiting"]').waitFor();
    const screen = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    await signedIn(screen.context(), srv);
    await screen.goto(`${srv.url}/console/#/screen/${s.meeting.id}?sitting=${s.sittingId}`);
    await screen.getByTestId('screen').waitFor();

    await row('听取镇人民政府工作报告').getByRole('button', { name: '设为当前议程' }).click();
    await row('听取镇人民政府工作报告').getByText('当前议程').waitFor();
    const current = seat.locator('.current-item');
    await current.getByText('听取镇人民政府工作报告').waitFor();
    expect(await current.innerText()).toMatch(/当前议程[\s\S]*报告[\s\S]*听取镇人民政府工作报告[\s\S]*汇报人：镇长 李某某/);
    await seat.getByText('暂无表决，表决开始后会自动显示').waitFor();
    await screenshot(seat, 'kiosk-seat-current-item');
    const onScreen = screen.getByTestId('screen-agenda');
    await onScreen.getByText('听取镇人民政府工作报告').waitFor();
    expect(await onScreen.innerText()).toMatch(/当前议程[\s\S]*第1项 · 报告[\s\S]*听取镇人民政府工作报告[\s\S]*汇报人：镇长 李某某/);
    await screenshot(screen, 'screen-current-item');

    // The chair moves on: the tablet and the screen follow without a reload.
    await row('审议镇财政预算报告').getByRole('button', { name: '设为当前议程' }).click();
    await current.getByText('汇报人：财政所所长 王某某').waitFor();
    await onScreen.getByText('审议镇财政预算报告').waitFor();
    expect(halfWidthInChinese(await seat.locator('body').innerText())).toEqual([]);
    expect(halfWidthInChinese(await screen.locator('body').innerText())).toEqual([]);
    await screen.close();
  });

  it('above the ballot, the current item in one line; the vote form picks the current item by default', async () => {
    await row('2027年民生实事项目票决').getByRole('button', { name: '设为当前议程' }).click();
    await seat.locator('.current-item').getByText('2027年民生实事项目票决').waitFor();
    const vote = (await agenda()).find((i) => i.title === '2027年民生实事项目票决')!.votes[0]!;
    await call(srv.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
    const line = seat.locator('.current-item.compact');
    await line.waitFor();
    expect(await line.innerText()).toMatch(/当前议程\s*表决\s*2027年民生实事项目票决/);
    await seat.locator('.vote-header').waitFor();
    await screenshot(seat, 'kiosk-seat-current-item-ballot');
    await call(srv.app, 'POST', `/api/votes/${vote.id}/close`, undefined, 200);

    await console_.goto(sittingPath('votes'));
    await console_.getByRole('button', { name: '+ 新建表决' }).click();
    const current = (await agenda()).find((i) => i.current)!;
    expect(await console_.locator('select[name=agendaItem]').inputValue()).toBe(String(current.id));
    await console_.locator('input[name=voteTitle]').fill('关于2027年民生实事项目的决定');
    await console_.getByRole('button', { name: '创建表决' }).click();
    await console_.locator('.create-vote').waitFor({ state: 'detached' });
    const after = await agenda();
    expect(after).toHaveLength(3);
    expect(after.find((i) => i.id === current.id)!.votes.map((v) => v.title)).toEqual(['2027年民生实事项目票决', '关于2027年民生实事项目的决定']);
  });

  it('a clerk edits the agenda but has no 设为当前议程 (the chair’s); the server refuses it too', async () => {
    const cookie = await signIn(srv.app, 'clerk', 'agenda-clerk');
    const clerkPage = await consolePage(browser, { url: srv.url, cookie });
    await clerkPage.goto(sittingPath('agenda'));
    const first = clerkPage.locator('.agenda-item').first();
    await first.getByRole('button', { name: '编辑' }).waitFor();
    expect(await clerkPage.getByRole('button', { name: '设为当前议程' }).count()).toBe(0);
    expect(await clerkPage.getByRole('button', { name: '取消当前议程' }).count()).toBe(0);
    const itemId = Number(await first.getAttribute('data-item'));
    const refused = await call(srv.app, 'PUT', `/api/sittings/${s.sittingId}/agenda/current`, { itemId }, undefined, cookie);
    expect(refused.status).toBe(403);
    await clerkPage.context().close();
  });

  it('the report lists the agenda (会议议程) with each item’s votes', async () => {
    await console_.goto(`${srv.url}/console/#/meetings/${s.meeting.id}/reports`);
    await console_.getByRole('link', { name: '会议议程' }).click();
    const sheet = console_.getByTestId('agenda-report');
    await sheet.waitFor();
    const rows = await sheet.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(0, 4).map((c) => c.trim()))).toEqual([
      ['1', '听取镇人民政府工作报告', '报告', '镇长 李某某'],
      ['2', '审议镇财政预算报告', '审议', '财政所所长 王某某'],
      ['3', '2027年民生实事项目票决', '表决', ''],
    ]);
    expect(rows[2]).toContain('关于2027年民生实事项目的决定（议案表决 · 未开始）');
    expect(halfWidthInChinese(await sheet.innerText())).toEqual([]);
    await screenshot(console_, 'console-agenda-report');
  });
});
