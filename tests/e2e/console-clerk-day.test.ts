// A clerk's day from a fresh clone (issue 23), in Debian's chromium: closing a vote asks first; the attendance sheet
// keeps each word on one line (screen and A4) and has its own signatures; one order of deputies on every sheet;
// one label per mark and kind (履职档案 too); each role sees only what it may do; pairing by QR code and its
// errors in Chinese; the sign-in page says where the admin password is; retention 0 is refused before asking;
// none elected is not a green success; the big screen shows an election's result once announced; an archived
// congress is still reachable; the pairing page's 等待确认 fits a 1280×800 tablet.
import { newTablet } from '../helpers/devices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BodyView, DeputyView, MeetingView, VoteView } from '../../shared/views';
import type { VoteReport } from '../../shared/reports';
import { call, signIn } from '../helpers/app';
import { screenshot } from '../helpers/browser';
import { lineCounts } from '../helpers/screen-text';
import type { RunningServer } from '../helpers/server';
import { seatVoters, type Voters } from '../helpers/voting';
import { closeConsole, consolePage, openConsole } from './console-setup';
import { openKiosk } from './kiosk-setup';

let srv: RunningServer;
let browser: Browser;
let page: Page;
let body: BodyView;
let meeting: MeetingView;
let sittingId: number;
let deputies: DeputyView[];
let voters: Voters;
const votes: Record<'resolution' | 'project', VoteView> = {} as never;

/** The roster in the body's own order: delegations neither alphabetical nor in byte order. */
const ROSTER = [
  ['姚志明', '西城代表团'],
  ['欧阳明月', '西城代表团'],
  ['李东', '东城代表团'],
  ['马小花', '东城代表团'],
  ['陈北', '北苑代表团'],
  ['周海', '北苑代表团'],
] as const;

const id = (name: string) => deputies.find((d) => d.name === name)!.id;

async function newVote(input: Record<string, unknown>): Promise<VoteView> {
  const { body: item } = await call<{ id: number }>(srv.app, 'POST', `/api/sittings/${sittingId}/agenda`, { title: input.title }, 201);
  const { body: v } = await call<VoteView>(srv.app, 'POST', `/api/agenda/${item.id}/votes`, input, 201);
  await call(srv.app, 'POST', `/api/votes/${v.id}/open`, {}, 200);
  return v;
}

async function cast(v: VoteView, name: string, marks: string[]) {
  const res = await voters.cast(v.id, id(name), { marks: Object.fromEntries(v.options.map((o, i) => [String(o.id), marks[i]!])) as never });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** A console page signed in as a fresh account of that role. */
async function pageAs(role: 'clerk' | 'chair'): Promise<Page> {
  return consolePage(browser, { url: srv.url, cookie: await signIn(srv.app, role, `day-${role}`) });
}

beforeAll(async () => {
  ({ srv, browser, page } = await openConsole({ acceptDialogs: false }));
  body = (await call<BodyView>(srv.app, 'POST', '/api/bodies', { name: '某区第六届人民代表大会' }, 201)).body;
  const rows = ROSTER.map(([name, delegation], i) => ({ name, delegation, cardNo: `Q${String(60 - i)}` }));
  await call(srv.app, 'POST', `/api/bodies/${body.id}/roster`, { rows }, 200);
  deputies = (await call<DeputyView[]>(srv.app, 'GET', `/api/bodies/${body.id}/deputies`)).body;
  meeting = (await call<MeetingView>(srv.app, 'POST', `/api/bodies/${body.id}/meetings`, { name: '第三次会议', sittings: [{ name: '第一次全体会议' }] }, 201)).body;
  sittingId = meeting.sittings[0]!.id;
  const att = (await call<{ entries: Array<{ participant: { id: number; deputyId: number | null } }> }>(srv.app, 'GET', `/api/sittings/${sittingId}/attendance`)).body;
  const participant = (name: string) => att.entries.find((e) => e.participant.deputyId === id(name))!.participant.id;
  for (const [name] of ROSTER.slice(0, 5)) {
    await call(srv.app, 'POST', `/api/sittings/${sittingId}/checkins/manual`, { participantId: participant(name), reason: '人脸识别未通过，工作人员核对代表证后补签' }, 201);
  }
  await call(srv.app, 'POST', `/api/sittings/${sittingId}/leaves`, { participantId: participant('周海'), reason: '因公出差' }, 201);
  voters = await seatVoters(srv.app, { sittingId });
  votes.resolution = await newVote({ kind: 'resolution', title: '关于区人民政府工作报告的决议', secrecy: 'open' });
  await cast(votes.resolution, '姚志明', ['yes']);
  votes.project = await newVote({ kind: 'project', title: '2027年民生实事项目票决', secrecy: 'open', options: [{ label: '老旧小区改造' }, { label: '社区食堂' }], maxYes: 1 });
  await cast(votes.project, '姚志明', ['no', 'yes']);
  await call(srv.app, 'POST', `/api/votes/${votes.project.id}/close`, undefined, 200);
});

afterAll(() => closeConsole({ srv, browser }));

describe("a clerk's day", () => {
  it('asks before 结束表决, saying how many have not pressed; 取消 keeps the vote open', async () => {
    await page.goto(`${srv.url}/console/#/meetings/${meeting.id}/sittings/${sittingId}/votes`);
    const card = page.getByTestId(`vote-${votes.resolution.id}`);
    await card.getByRole('button', { name: '结束表决' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('close-vote-notice').textContent()).toBe('应投 5 人，还有 4 人未按表决器。');
    await screenshot(page, 'console-close-vote-confirm');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await call<VoteView>(srv.app, 'GET', `/api/votes/${votes.resolution.id}`)).body.state).toBe('open');
    await card.getByRole('button', { name: '结束表决' }).click();
    await dialog.getByRole('button', { name: '结束表决' }).click();
    await card.getByTestId('verdict').waitFor();
  });

  it('prints the attendance sheet with each name, role, status, method and time on one line, its own signatures, in the body order', async () => {
    await page.goto(`${srv.url}/console/#/reports/sittings/${sittingId}`);
    const sheet = page.getByTestId('attendance-report');
    await sheet.getByText('姚志明').waitFor();
    const oneLineColumns = [2, 3, 4, 5, 6, 7].map((n) => sheet.locator(`.sheet-list tbody td:nth-child(${n})`));
    const wrapped = async () => (await Promise.all(oneLineColumns.map(lineCounts))).flat().filter(([, lines]) => lines > 1);
    expect(await wrapped(), 'on screen').toEqual([]);
    await screenshot(page, 'console-attendance-sheet');
    // On A4 (182 mm between the margins, about 688 CSS px): the same, in the print stylesheet.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 688, height: 1000 });
    expect(await wrapped(), 'on A4').toEqual([]);
    await screenshot(page, 'console-attendance-sheet-a4');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await sheet.locator('.signatures').textContent()).toBe('登记人：审核人：主持人：');
    // One order, the body's: the attendance sheet, the result sheet's roll call and the roster agree.
    const names = ROSTER.map(([name]) => name);
    expect(await sheet.locator('.sheet-list tbody td:nth-child(2)').allTextContents()).toEqual(names);
    await page.goto(`${srv.url}/console/#/reports/votes/${votes.project.id}`);
    await page.getByText('记名表决明细').waitFor();
    expect(await page.getByTestId('roll-row').locator('td:nth-child(2)').allTextContents()).toEqual(names);
    const rollNames = (await call<VoteReport>(srv.app, 'GET', `/api/reports/votes/${votes.project.id}`)).body.rollCall!.map((e) => e.name);
    expect(rollNames).toEqual(names);
  });

  it('says 不赞成 in the 履职档案 for a 票决 ballot, as the ballot and the result sheet do', async () => {
    await page.goto(`${srv.url}/console/#/reports/deputies/${id('姚志明')}`);
    const row = page.getByTestId('deputy-record').locator('tr', { hasText: '2027年民生实事项目票决' });
    await row.waitFor();
    expect(await row.locator('td').last().textContent()).toBe('老旧小区改造：不赞成；社区食堂：赞成');
  });

  it('shows none elected as a failure, and an election on the big screen only once announced', async () => {
    const election = await newVote({ kind: 'election', title: '补选区人民代表大会常务委员会委员', secrecy: 'secret', options: [{ label: '王德明' }], maxYes: 1 });
    for (const [name] of ROSTER.slice(0, 3)) await cast(election, name, ['no']);
    await call(srv.app, 'POST', `/api/votes/${election.id}/close`, undefined, 200);
    const screen = await consolePage(browser, srv);
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.goto(`${srv.url}/console/#/screen/${meeting.id}`);
    await screen.getByTestId('screen-awaiting').waitFor();
    expect(await screen.getByTestId('screen-verdict').count()).toBe(0);
    await screenshot(screen, 'screen-election-awaiting');
    await page.goto(`${srv.url}/console/#/meetings/${meeting.id}/sittings/${sittingId}/votes`);
    const card = page.getByTestId(`vote-${election.id}`);
    const verdict = card.getByTestId('verdict').first();
    await verdict.waitFor();
    expect([await verdict.textContent(), await verdict.getAttribute('class')]).toEqual(['无人当选', 'verdict verdict-bad']);
    await card.getByRole('button', { name: '宣布结果' }).click();
    const onScreen = screen.getByTestId('screen-verdict').first();
    await onScreen.waitFor();
    expect(await onScreen.textContent()).toBe('无人当选');
    expect(await onScreen.getAttribute('class')).toContain('tone-bad');
    await screenshot(screen, 'screen-election-none-elected');
    await screen.context().close();
  });

  it('shows each role only the buttons it may use', async () => {
    const clerk = await pageAs('clerk');
    await clerk.goto(`${srv.url}/console/#/`);
    await clerk.getByText('某区第六届人民代表大会').first().waitFor();
    expect(await clerk.getByRole('button', { name: '新建' }).count(), 'clerk: 新建 (body)').toBe(0);
    await clerk.goto(`${srv.url}/console/#/meetings/${meeting.id}/sittings/${sittingId}/votes`);
    await clerk.getByText('2027年民生实事项目票决').first().waitFor();
    for (const name of ['宣布结果', '结束表决', '取消表决', '开始表决']) expect(await clerk.getByRole('button', { name }).count(), `clerk: ${name}`).toBe(0);
    await screenshot(clerk, 'console-votes-as-clerk');
    await clerk.context().close();
    const chair = await pageAs('chair');
    await chair.goto(`${srv.url}/console/#/meetings/${meeting.id}/sittings/${sittingId}/attendance`);
    await chair.getByText('姚志明').first().waitFor();
    expect(await chair.getByRole('link', { name: '终端管理' }).count(), 'chair: 终端管理').toBe(0);
    for (const name of ['人工补签', '登记请假', '撤销请假']) expect(await chair.getByRole('button', { name }).count(), `chair: ${name}`).toBe(0);
    await chair.context().close();
  });

  it('pairs by QR link while on 终端管理, says what is missing in Chinese, and wants a sitting for a door tablet', async () => {
    const ask = async () => (await newTablet()).code; // the code a tablet shows is read from its own key
    const form = page.locator('form.pair-form');
    const first = await ask();
    await page.goto(`${srv.url}/console/#/devices?code=${first}`);
    await page.reload();
    expect(await form.locator('input[name=code]').inputValue()).toBe(first);
    await form.locator('input[name=deviceName]').fill('东门报到1号');
    await form.locator('select[name=sitting]').selectOption({ index: 1 });
    await form.getByRole('button', { name: '确认配对' }).click();
    await page.getByText('已配对：东门报到1号').waitFor();
    // The next tablet's QR code, opened on the same page: its code in the field, the old "已配对" gone.
    const second = await ask();
    await page.evaluate((c) => (location.hash = `#/devices?code=${c}`), second);
    await expect.poll(() => form.locator('input[name=code]').inputValue()).toBe(second);
    expect(await page.getByText('已配对：东门报到1号').count()).toBe(0);
    // A door tablet with no sitting is refused here and by the server, in Chinese.
    await form.locator('input[name=deviceName]').fill('东门报到2号');
    await form.locator('select[name=sitting]').selectOption({ value: '' }); // the last pairing's sitting stays chosen
    await form.getByRole('button', { name: '确认配对' }).click();
    await page.getByRole('alert').getByText('报到终端和座位终端须指定会议，请选择会议').waitFor();
    const refused = await call<{ error: { message: string } }>(srv.app, 'POST', '/api/devices/accept', { code: second, name: '东门报到2号', mode: 'door' });
    expect([refused.status, refused.body.error.message]).toEqual([400, '报到终端和座位终端须指定会议 / A door or seat tablet needs a sitting']);
    // An empty code: the console says so in Chinese (the browser's own bubble said "Please fill out this field").
    await form.locator('input[name=code]').fill('');
    await form.getByRole('button', { name: '确认配对' }).click();
    await page.getByRole('alert').getByText('请输入终端屏幕上显示的 6 位配对码').waitFor();
    await screenshot(page, 'console-pair-missing-code');
  });

  it('says on the sign-in page where the admin password is (a file), not that it is printed', async () => {
    const out = await consolePage(browser, srv, { signIn: false });
    await out.goto(`${srv.url}/console/`);
    await out.getByText('工作人员登录').first().waitFor();
    const text = await out.evaluate(() => document.body.innerText);
    expect(text).toContain('first-admin-password.txt');
    expect(text).not.toContain('输出管理员');
    await out.context().close();
  });

  it('refuses a retention of 0 days before asking to shorten it', async () => {
    const asked: string[] = [];
    const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => void (asked.push(d.message()), d.dismiss());
    page.on('dialog', onDialog);
    await page.goto(`${srv.url}/console/#/accounts`);
    await page.reload();
    const days = page.locator('input[name=retentionDays]');
    await expect.poll(() => days.inputValue()).toMatch(/^\d+$/);
    await days.fill('0');
    await page.getByRole('form', { name: '报到现场照片保存期限' }).getByRole('button', { name: '保存' }).click();
    await page.getByText('保存天数须为 1–3650 的整数').waitFor();
    page.off('dialog', onDialog);
    expect(asked).toEqual([]);
  });

  it('keeps an archived congress within reach of admins: listed apart, its meetings and sheets readable', async () => {
    const old = (await call<BodyView>(srv.app, 'POST', '/api/bodies', { name: '某区第五届人民代表大会' }, 201)).body;
    const oldMeeting = (await call<MeetingView>(srv.app, 'POST', `/api/bodies/${old.id}/meetings`, { name: '第五次会议', sittings: [{ name: '第一次全体会议' }] }, 201)).body;
    await call(srv.app, 'POST', `/api/bodies/${old.id}/archive`, { confirmName: '某区第五届人民代表大会' }, 200);
    await page.goto(`${srv.url}/console/#/`);
    await page.reload();
    const archived = page.getByTestId('archived-bodies');
    await archived.locator('summary').click();
    await archived.getByRole('link', { name: /某区第五届人民代表大会/ }).click();
    await page.getByRole('heading', { name: /某区第五届人民代表大会/ }).getByText('已归档').waitFor();
    expect(await page.locator('input[name=deputyName]').count(), 'no roster form on an archived congress').toBe(0);
    await page.getByRole('link', { name: /第五次会议/ }).click();
    await page.getByRole('link', { name: '签到统计表' }).click();
    await page.getByTestId('attendance-report').getByText('第五次会议').waitFor();
    expect(page.url()).toContain(`/reports/sittings/${oldMeeting.sittings[0]!.id}`);
    await screenshot(page, 'console-archived-sheet');
  });

  it('shows the whole pairing page, 等待确认 included, on a 1280×800 tablet', async () => {
    const kiosk = await openKiosk(browser, srv);
    const waiting = kiosk.locator('.waiting-dots');
    await waiting.waitFor();
    await kiosk.locator('[data-qr]').waitFor();
    const box = (await waiting.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await screenshot(kiosk, 'kiosk-pairing-1280x800');
    await kiosk.context().close();
  });
});
