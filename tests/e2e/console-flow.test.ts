// The console end to end in Debian's chromium: a clerk imports a roster through the UI, creates a meeting,
// handles leave and manual check-in, the chair opens a resolution (first refused without quorum), ballots
// arrive through the API, the live tally and the big screen follow, the result is announced, and the
// results sheet and its .xlsx carry the right numbers. Screenshots of every screen go to tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { AgendaItemView, AttendanceEntry, DeputyView } from '../../shared/views';
import { call } from '../helpers/app';
import { signedIn, screenshot } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';
import { closeConsole, openConsole } from './console-setup';
import { seatVoters } from '../helpers/voting';
import { zipOf } from '../helpers/faces';
import { inject, newTablet } from '../helpers/devices';

const NAMES = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周婷', '吴刚', '徐丽', '孙浩'];

let srv: RunningServer;
let browser: Browser;
let page: Page;
const participant = new Map<string, number>();
const deputy = new Map<string, number>();
let voteId = 0;

const api = <T = unknown>(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, status?: number) =>
  call<T>(srv.app, method, url, body, status).then((r) => r.body);

function rosterCsv(): Buffer {
  const lines = ['姓名,性别,代表团/选区,代表证号,照片'];
  NAMES.forEach((n, i) => lines.push(`${n},${i % 2 ? '女' : '男'},第${(i % 3) + 1}选区,D${String(i + 1).padStart(3, '0')},${i === 10 ? '徐丽.jpg' : ''}`));
  lines.push('郑强,男,第一选区,,'); // no card number: refused, reported by its line
  return Buffer.from(`\uFEFF${lines.join('\n')}\n`);
}

async function readXlsx(path: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

const nav = () => page.getByRole('navigation', { name: '会议导航' });
const figure = (label: string) => page.locator('.figure', { has: page.locator('.figure-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.figure-value');

beforeAll(async () => {
  // Not signed in: the first test signs the clerk in through the form.
  ({ srv, browser, page } = await openConsole({ signIn: false }));
});

afterAll(() => closeConsole({ srv, browser }));

describe('console, clerk to announced result', () => {
  it('refuses a wrong password, then signs the clerk in', async () => {
    await page.goto(`${srv.url}/console/`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.fill('input[name=username]', 'test-admin');
    await page.fill('input[name=password]', 'not-the-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toBe('用户名或密码错误');
    await screenshot(page, 'console-sign-in');
    await page.fill('input[name=password]', 'test-admin-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.locator('.staff-name').waitFor();
    expect(await page.locator('.staff-name').textContent()).toBe('test-admin · 管理员');
  });

  it('creates a body and imports the roster file with a per-row report', async () => {
    await page.goto(`${srv.url}/console/`);
    await page.getByText('还没有人民代表大会').waitFor();
    await screenshot(page, 'console-home-empty');
    await page.fill('input[name=bodyName]', '示范镇第八届人民代表大会');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.waitForURL(/#\/bodies\/\d+$/);
    const zip = zipOf({ '说明.txt': Buffer.from('照片') });
    await page.setInputFiles('input[name=roster]', { name: '代表名册.csv', mimeType: 'text/csv', buffer: rosterCsv() });
    await page.setInputFiles('input[name=photos]', { name: '照片.zip', mimeType: 'application/zip', buffer: zip });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('新增 12 人');
    // The bad row, the photo not in the zip, and the 11 rows with no photo given (未提供照片), each by its line.
    await expect(report.locator('tbody tr').count()).resolves.toBe(13);
    await expect(report.locator('tbody tr', { hasText: '未提供照片' }).count()).resolves.toBe(11);
    await expect(report.locator('tbody tr', { hasText: '14' }).textContent()).resolves.toContain('代表证号');
    await expect(report.textContent()).resolves.toContain('压缩包中无此照片');
    await page.getByTestId('deputy-table').locator('tbody tr').nth(11).waitFor();
    for (const d of await api<DeputyView[]>('GET', '/api/bodies/1/deputies')) deputy.set(d.name, d.id);
    // 孙浩 is suspended: 11 deputies remain in office.
    await page.locator('tr', { hasText: '孙浩' }).locator('select').selectOption('suspended');
    await page.getByText('在任代表 11 人').waitFor();
    await screenshot(page, 'console-setup-roster');
    await page.getByTestId('deputy-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'console-deputies');
  });

  it('creates a meeting with two sittings and adds an observer (列席)', async () => {
    await page.fill('input[name=meetingName]', '第二次会议');
    await page.getByRole('button', { name: '新建会议' }).click();
    await page.waitForURL(/#\/meetings\/\d+$/);
    await page.fill('input[name=participantName]', '钱主任');
    await page.fill('input[name=organisation]', '县人大常委会');
    await page.getByRole('button', { name: '添加', exact: true }).last().click();
    await page.getByTestId('observers').getByText('钱主任').waitFor();
    await screenshot(page, 'console-meeting');
  });

  it('shows live attendance; leave and manual check-in need a reason', async () => {
    const { entries } = await api<{ entries: AttendanceEntry[] }>('GET', '/api/sittings/1/attendance');
    for (const e of entries) participant.set(e.participant.name, e.participant.id);
    await nav().getByRole('link', { name: '签到' }).click();
    await page.getByTestId('attendance-table').waitFor();
    for (const name of NAMES.slice(0, 6)) {
      await api('POST', '/api/sittings/1/checkins/manual', { participantId: participant.get(name), reason: '现场核验身份' }, 201);
    }
    await expect.poll(() => figure('实到').textContent()).toBe('6');
    await page.locator('tr', { hasText: '赵敏' }).getByRole('button', { name: '请假' }).click();
    await page.getByRole('button', { name: '请假', exact: true }).last().click(); // empty reason: refused in the dialog
    await page.getByText('请填写理由').waitFor();
    await page.fill('textarea[name=reason]', '因病住院');
    await page.getByRole('dialog').getByRole('button', { name: '请假' }).click();
    await page.locator('tr', { hasText: '黄磊' }).getByRole('button', { name: '人工补签' }).click();
    await page.fill('textarea[name=reason]', '人脸识别未通过,核对代表证');
    await page.getByRole('dialog').getByRole('button', { name: '人工补签' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=attendance-figures]')?.textContent?.includes('还差 1 人'));
    // Before the sitting starts (no vote opened yet), those not checked in are 未报到, not 缺席.
    expect(await Promise.all(['应到', '实到', '请假', '未报到'].map((l) => figure(l).textContent()))).toEqual(['11', '7', '1', '3']);
    // The rows say so too (deputies, observers and staff alike): 未报到 badges, no 缺席 one.
    expect(await page.locator('tbody .badge', { hasText: '未报到' }).count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('tbody .badge', { hasText: '缺席' }).count()).toBe(0);
    await page.locator('tr', { hasText: '赵敏' }).getByText('因病住院').waitFor();
    await page.locator('tr', { hasText: '黄磊' }).getByText('人脸识别未通过,核对代表证').waitFor();
    await screenshot(page, 'console-attendance');
  });

  it('refuses to open without quorum unless the chair gives a reason; the live tally and the big screen follow', async () => {
    await nav().getByRole('link', { name: '表决' }).click();
    await page.getByRole('button', { name: '+ 新建表决' }).click();
    await page.fill('input[name=voteTitle]', '关于批准2026年镇财政预算的决议');
    await page.getByRole('button', { name: '创建表决' }).click();
    const card = page.locator('.vote-card').first();
    await card.getByRole('button', { name: '开始表决' }).click();
    await page.getByRole('dialog', { name: '未达到法定人数' }).waitFor();
    await expect(page.getByRole('dialog').textContent()).resolves.toContain('还差 1 人');
    await screenshot(page, 'console-vote-quorum-override');
    // The chair opens anyway, with a reason the server stores on the vote and in the audit log.
    await page.fill('textarea[name=reason]', '主持人决定:预算须本次会议表决');
    await page.getByRole('dialog').getByRole('button', { name: '仍然开始表决' }).click();
    await card.getByTestId('cast-figure').waitFor();
    await card.getByText('未达法定人数开始表决，理由：主持人决定:预算须本次会议表决').waitFor();
    await api('POST', '/api/sittings/1/checkins/manual', { participantId: participant.get('周婷'), reason: '迟到补签' }, 201);
    await page.getByText('已达到法定人数').waitFor();
    const vote = (await api<AgendaItemView[]>('GET', '/api/sittings/1/agenda'))[0]!.votes[0]!;
    voteId = vote.id;
    expect(vote).toMatchObject({ state: 'open', expected: 8, inOffice: 11, quorumOverride: '主持人决定:预算须本次会议表决' });

    const screen = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    await signedIn(screen.context(), srv);
    await screen.goto(`${srv.url}/console/#/screen/1`);
    await screen.getByText('表决进行中').waitFor();
    const motion = String(vote.options[0]!.id);
    const casting = [...NAMES.slice(0, 6), '黄磊'];
    const voters = await seatVoters(srv.app, { sittingId: 1 });
    for (const [i, name] of casting.entries()) {
      const res = await voters.cast(voteId, deputy.get(name)!, { marks: { [motion]: i < 6 ? 'yes' : 'no' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    await page.waitForFunction(() => document.querySelector('[data-testid=cast-figure]')?.textContent?.replace(/\s/g, '') === '已投7/应投8');
    const counts = await card.locator('.tally-mark b').allTextContents();
    expect(counts).toEqual(['6', '1', '0']);
    await screenshot(page, 'console-vote-live');
    await screen.waitForFunction(() => document.querySelector('[data-testid=screen-cast]')?.textContent?.replace(/\s/g, '') === '已投7/应投8');
    expect(await screen.locator('.bar-row').count()).toBe(0); // no per-option counts on the screen while open
    await screenshot(screen, 'screen-voting');

    await card.getByRole('button', { name: '结束表决' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '结束表决' }).click(); // it asks first (issue 23)
    await card.getByTestId('verdict').waitFor();
    await expect(card.getByTestId('verdict').textContent()).resolves.toBe('通过');
    await card.getByRole('button', { name: '宣布结果' }).click();
    await card.getByText('已宣布').waitFor();
    await screenshot(page, 'console-vote-result');
    await screen.getByTestId('screen-verdict').waitFor();
    await expect(screen.getByTestId('screen-verdict').textContent()).resolves.toBe('通过');
    // 未按 is the one present who did not press (8 present, 7 pressed), not everyone who did not vote; 请假 and 缺席 apart.
    expect(await screen.locator('.bar-value').allTextContents()).toEqual(['6', '1', '0', '1']);
    expect((await screen.getByTestId('screen-turnout').textContent())!.replace(/\s/g, '')).toBe('全体代表11·出席8·已投7·请假1·缺席2');
    await screenshot(screen, 'screen-result');
    await screen.goto(`${srv.url}/console/#/screen/1?view=attendance`);
    await screen.getByTestId('screen-quorum').waitFor();
    await screenshot(screen, 'screen-attendance');
    await screen.close();
  });

  it('prints the results sheet and exports the same numbers as .xlsx', async () => {
    await page.locator('.vote-card').first().getByRole('link', { name: '结果报表' }).click();
    const sheet = page.getByTestId('vote-report');
    await sheet.waitFor();
    const text = (await sheet.textContent())!;
    expect(text).toContain('全体代表的过半数');
    expect(text).toContain('关于批准2026年镇财政预算的决议');
    expect(await sheet.locator('.result-table tbody td.num').allTextContents()).toEqual(['6', '1', '0']);
    expect(await sheet.getByTestId('audit-head').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(page, 'console-report-vote');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'console-report-vote-print');
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-link').click()]);
    const rows = await readXlsx(await download.path());
    expect(rows.find((r) => r[0] === '关于批准2026年镇财政预算的决议')).toEqual(['关于批准2026年镇财政预算的决议', '6', '1', '0', '通过']);
    expect(['未按', '请假', '缺席'].map((label) => rows.find((r) => r[0] === label)?.[1])).toEqual(['1', '1', '2']);
    expect(rows.find((r) => r[0] === '状态')?.[1]).toBe('已宣布');
  });

  it('prints the attendance sheet with its .xlsx, and a deputy record', async () => {
    await page.goto(`${srv.url}/console/#/reports/sittings/1`);
    const sheet = page.getByTestId('attendance-report');
    await sheet.waitFor();
    expect(await sheet.locator('.sheet-summary td').allTextContents()).toEqual(['11', '8', '1', '2', '0', '已达到（8 人）']);
    await screenshot(page, 'console-report-attendance');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-link').click()]);
    const rows = await readXlsx(await download.path());
    const head = rows.findIndex((r) => r[0] === '应到');
    expect(rows[head + 1]!.slice(0, 4)).toEqual(['11', '8', '1', '2']);
    expect(rows.find((r) => r[1] === '赵敏')?.[7]).toBe('因病住院');
    await page.goto(`${srv.url}/console/#/reports/deputies/${deputy.get('黄磊')}`);
    await page.getByTestId('deputy-record').getByText('反对').waitFor();
    await screenshot(page, 'console-deputy-record');
  });

  it('pairs a tablet by its code, changes its mode and revokes it', async () => {
    const tab = await newTablet(); // the code a tablet shows is read from its own key
    const code = tab.code;
    // The tablet's QR code opens this page with its code filled in.
    await page.goto(`${srv.url}/console/#/devices?code=${code}`);
    expect(await page.inputValue('input[name=code]')).toBe(code);
    await page.fill('input[name=deviceName]', '东门报到 1 号');
    await page.locator('.pair-form select[name=sitting]').selectOption({ index: 1 });
    await page.getByRole('button', { name: '确认配对' }).click();
    // The tablet, asking every 2 s, claims the code the clerk typed.
    const claim = () => inject(srv.app, { method: 'POST', url: '/api/devices/pairing', payload: { token: tab.token, publicKey: tab.publicKey } }, tab.signer);
    await expect.poll(async () => (await claim()).statusCode).toBe(201);
    const row = page.getByTestId('device-table').locator('tr', { hasText: '东门报到 1 号' });
    await row.waitFor();
    await row.locator('select[name=mode]').selectOption('seat');
    await expect.poll(async () => (await api<Array<{ name: string; mode: string }>>('GET', '/api/devices')).find((d) => d.name === '东门报到 1 号')?.mode).toBe('seat');
    await screenshot(page, 'console-devices');
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
  });

  it('switches to English and says so when the live connection drops', async () => {
    let refuse = false;
    const sockets: Array<{ close(): Promise<void> }> = [];
    await page.routeWebSocket(/\/api\/live$/, (ws) => {
      if (refuse) return void ws.close();
      ws.connectToServer();
      sockets.push(ws);
    });
    await page.goto(`${srv.url}/console/#/meetings/1/sittings/1/votes`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Vote result', { exact: false }).or(page.getByText('Results sheet')).first().waitFor();
    refuse = true;
    await Promise.all(sockets.map((s) => s.close()));
    await page.getByText('Connection lost, reconnecting…').waitFor();
    await screenshot(page, 'console-votes-en-offline');
    refuse = false;
    await page.getByText('Connection lost, reconnecting…').waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByRole('button', { name: '中文' }).click();
  });
});
