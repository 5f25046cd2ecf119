// 记名 results with names, in Debian's chromium: the results sheet of an open (记名) vote lists every deputy's choice,
// or 未按 / 请假 / 缺席, grouped by delegation; a new election starts as 无记名 and warns when made 记名.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VoteView } from '../../shared/views';
import { call } from '../helpers/app';
import { signedIn, screenshot } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';
import { closeConsole, openConsole } from './console-setup';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters } from '../helpers/voting';
import ExcelJS from 'exceljs';
import { formatVenueTime } from '../../shared/venue-time';

let srv: RunningServer;
let browser: Browser;
let page: Page;
let s: Sitting;
let vote: VoteView;

beforeAll(async () => {
  ({ srv, browser, page } = await openConsole({ acceptDialogs: false }));
  s = await seedSitting(srv.app, 7);
  await checkIn(srv.app, s, s.deputyIds.slice(0, 5));
  await call(srv.app, 'POST', `/api/sittings/${s.sittingId}/leaves`, { participantId: s.participantOf.get(s.deputyIds[5]!), reason: '出差' }, 201);
  vote = await createVote(srv.app, s, { kind: 'project', title: '2026年民生实事项目票决', secrecy: 'open', options: [{ label: '老旧小区改造' }, { label: '农村公路' }], maxYes: 1 });
  await call(srv.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
  const voters = await seatVoters(srv.app, s);
  const [a, b] = vote.options.map((o) => String(o.id)) as [string, string];
  const marks = [{ [a]: 'yes', [b]: 'no' }, { [a]: 'no', [b]: 'yes' }, { [a]: 'yes', [b]: 'abstain' }, { [a]: 'abstain', [b]: 'abstain' }] as const;
  for (const [i, m] of marks.entries()) expect((await voters.cast(vote.id, s.deputyIds[i]!, { marks: { ...m } })).status).toBe(201);
  await call(srv.app, 'POST', `/api/votes/${vote.id}/close`, undefined, 200);
});

afterAll(() => closeConsole({ srv, browser }));

describe('console, 记名 results', () => {
  it("lists each deputy's choice per project, and 未按 / 请假 / 缺席, grouped by delegation", async () => {
    await page.goto(`${srv.url}/console/#/reports/votes/${vote.id}`);
    const roll = page.getByTestId('roll-call');
    await roll.waitFor();
    expect(await roll.locator('thead th').allTextContents()).toEqual(['代表证号', '姓名', '老旧小区改造', '农村公路']);
    const lines = await roll.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent).join(' ')));
    expect(lines).toEqual([
      '第1选区（3 人）',
      'D0001 代表1 赞成 不赞成',
      'D0004 代表4 弃权 弃权',
      'D0007 代表7 缺席',
      '第2选区（2 人）',
      'D0002 代表2 不赞成 赞成',
      'D0005 代表5 未按',
      '第3选区（2 人）',
      'D0003 代表3 赞成 弃权',
      'D0006 代表6 请假',
    ]);
    await roll.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-report-roll-call');
  });

  it("prints times on the venue's clock (Asia/Shanghai) in a browser set to another zone, as the .xlsx does", async () => {
    const far = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'America/Los_Angeles' });
    await signedIn(far, srv);
    const p = await far.newPage();
    await p.goto(`${srv.url}/console/#/reports/votes/${vote.id}`);
    const opened = p.locator('.sheet-info div', { hasText: '开始时间' }).locator('dd');
    await opened.waitFor();
    const closed = (await call<VoteView>(srv.app, 'GET', `/api/votes/${vote.id}`)).body;
    const expected = formatVenueTime(closed.openedAt, 'Asia/Shanghai');
    expect(await opened.textContent()).toBe(expected);
    const res = await srv.app.inject({ method: 'GET', url: `/api/reports/votes/${vote.id}/xlsx`, headers: { cookie: srv.cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[][] = [];
    book.worksheets[0]!.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map(String)));
    expect(cells.find((r) => r[0] === '开始时间')?.[1]).toBe(expected);
    await far.close();
  });

  it('starts a new election as 无记名 and warns when it is made 记名', async () => {
    await page.goto(`${srv.url}/console/#/meetings/${s.meeting.id}/sittings/${s.sittingId}/votes`);
    await page.getByRole('button', { name: '+ 新建表决' }).click();
    expect(await page.locator('select[name=secrecy]').inputValue()).toBe('open');
    await page.getByRole('radio', { name: '选举' }).click();
    expect(await page.locator('select[name=secrecy]').inputValue()).toBe('secret');
    expect(await page.getByTestId('open-election-warning').count()).toBe(0);
    await page.locator('select[name=secrecy]').selectOption('open');
    await page.getByTestId('open-election-warning').waitFor();
    expect(await page.getByTestId('open-election-warning').textContent()).toContain('选举依法一律采用无记名投票');
    await screenshot(page, 'console-election-open-warning');
  });
});
