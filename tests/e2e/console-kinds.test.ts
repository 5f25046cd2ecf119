// Every kind of vote through the console: a project vote (N of M, secret, pass rule chosen in the form), an
// election (seats, write-ins, secret) and a rating (subjects, open). Ballots arrive through the API; the chair
// sees no counts for secret votes while open; after close the console and the big screen show the outcome the
// server computed: 入选 and a run-off for a tie, 当选 with a write-in, satisfaction rates and verdicts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VoteView } from '../../shared/views';
import type { Mark, RatingMark } from '../../shared/types';
import { call } from '../helpers/app';
import { screenshot } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';
import { consolePage, closeConsole, openConsole } from './console-setup';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters, type Voters } from '../helpers/voting';
import { pairDevice, inject } from '../helpers/devices';

let srv: RunningServer;
let browser: Browser;
let page: Page;
let screen: Page;
let s: Sitting;
let voters: Voters;

const votesOf = async () => (await call<Array<{ votes: VoteView[] }>>(srv.app, 'GET', `/api/sittings/${s.sittingId}/agenda`)).body.flatMap((a) => a.votes);
const card = (title: string) => page.locator('.vote-card', { has: page.getByRole('heading', { name: title }) });

/** Ballots as seat tablets cast them: deputy i casts ballots[i] (marks by option label). */
async function cast(v: VoteView, ballots: Array<Record<string, Mark | RatingMark>>, writeIns: Array<string[] | undefined> = []) {
  for (const [i, byLabel] of ballots.entries()) {
    const marks = Object.fromEntries(v.options.map((o) => [String(o.id), byLabel[o.label]!]));
    const res = await voters.cast(v.id, s.deputyIds[i]!, writeIns[i] ? { marks, writeIns: writeIns[i] } : { marks });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}

async function create(kind: string, title: string, options: string[], fill?: () => Promise<void>) {
  await page.getByRole('button', { name: '+ 新建表决' }).click();
  await page.getByRole('radio', { name: kind }).click();
  await page.fill('input[name=voteTitle]', title);
  await page.fill('textarea[name=options]', options.join('\n'));
  await fill?.();
  await page.getByRole('button', { name: '创建表决' }).click();
  await card(title).waitFor();
}

/** `announce`: an election or a rating, whose result reaches the big screen only once announced (issue 23). */
async function closeAndShow(title: string, artifact: string, announce = false) {
  await card(title).getByRole('button', { name: '结束表决' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '结束表决' }).click();
  await card(title).getByTestId('result').waitFor();
  if (announce) {
    await screen.getByTestId('screen-awaiting').waitFor();
    await card(title).getByRole('button', { name: '宣布结果' }).click();
  }
  await screen.waitForFunction((t) => document.querySelector('.screen-result h1')?.textContent === t, title);
  // All of it in view at 1920×1080: its last line (the pass rule) was cut off under the attendance strip.
  const [last, main] = await screen.evaluate(() => [document.querySelector('.screen-result')!.lastElementChild!, document.querySelector('.screen-main')!].map((el) => el.getBoundingClientRect().bottom));
  expect(last, `${title}: the result runs under the footer`).toBeLessThanOrEqual(main!);
  // A write-in's note in full-width brackets (另选他人), as everything Chinese on the screen.
  expect(await screen.locator('.screen-result').innerText()).not.toMatch(/[\u3400-\u9fff][(),:;]|[(,:;)][\u3400-\u9fff]/);
  await screenshot(screen, artifact);
}

beforeAll(async () => {
  ({ srv, browser, page } = await openConsole({ acceptDialogs: false }));
  s = await seedSitting(srv.app, 10);
  // This body lets project votes pass on ballots cast (an admin widened its rules; a chair cannot go below them).
  await call(srv.app, 'PATCH', `/api/bodies/${s.body.id}/rules`, { projectPass: { base: 'cast', fraction: { num: 1, den: 2, strict: true } } }, 200);
  await checkIn(srv.app, s, s.deputyIds.slice(0, 9));
  voters = await seatVoters(srv.app, s);
  // The hall screen is another device: its own context (a second tab in the same window would be a background
  // tab, where Chromium throttles animation frames and every click waits on them).
  screen = await consolePage(browser, srv, { acceptDialogs: false });
  await screen.setViewportSize({ width: 1920, height: 1080 });
});

afterAll(() => closeConsole({ srv, browser }));

describe('console, every kind of vote', () => {
  it('creates a project vote, an election and a rating through the form', async () => {
    await page.goto(`${srv.url}/console/#/meetings/${s.meeting.id}/sittings/${s.sittingId}/votes`);
    await page.getByText('已达到法定人数').waitFor();
    await create('民生实事项目票决', '2026年民生实事项目票决', ['老旧小区改造', '农村公路提升', '养老服务中心', '菜市场改造'], async () => {
      await page.fill('input[name=maxYes]', '2');
      await page.selectOption('select[name=secrecy]', 'secret');
      await page.getByLabel('通过规则').selectOption('custom');
      await page.getByLabel('基数').selectOption('cast');
    });
    await create('选举', '补选镇人民代表大会副主席', ['张志强', '李文华', '王建平'], async () => {
      await page.fill('input[name=maxYes]', '1');
      await page.selectOption('select[name=secrecy]', 'secret');
      await screenshot(page, 'console-vote-create-election');
    });
    await create('满意度测评', '对镇人民政府工作的满意度测评', ['镇人民政府2025年度工作', '财政预算执行情况']);
    const votes = await votesOf();
    expect(votes.map((v) => [v.kind, v.secrecy, v.maxYes, v.allowWriteIn, v.passRule.base])).toEqual([
      ['project', 'secret', 2, false, 'cast'],
      ['election', 'secret', 1, true, 'all'],
      ['rating', 'open', null, false, 'all'],
    ]);
  });

  it('opens them; secret votes show only 已投/应投 while open', async () => {
    for (const title of ['2026年民生实事项目票决', '补选镇人民代表大会副主席', '对镇人民政府工作的满意度测评']) {
      await card(title).getByRole('button', { name: '开始表决' }).click();
      await card(title).getByTestId('live-tally').waitFor();
    }
    const [project, election, rating] = await votesOf();
    // Projects: A on 8 ballots, B and C on 5 each (at most 2 yes per ballot) — B and C tie for the second place.
    const p = (yes: string[]) => Object.fromEntries(['老旧小区改造', '农村公路提升', '养老服务中心', '菜市场改造'].map((l) => [l, yes.includes(l) ? 'yes' : 'no'] as const));
    await cast(project!, [
      ...Array.from({ length: 4 }, () => p(['老旧小区改造', '农村公路提升'])),
      ...Array.from({ length: 4 }, () => p(['老旧小区改造', '养老服务中心'])),
      p(['农村公路提升', '养老服务中心']),
    ]);
    const e = (yes: string | null) => Object.fromEntries(['张志强', '李文华', '王建平'].map((l) => [l, l === yes ? 'yes' : 'no'] as const));
    await cast(election!, [...Array.from({ length: 6 }, () => e('张志强')), e('李文华'), e('李文华'), e(null)], [...Array(8).fill(undefined), ['赵 六']]);
    const r = (a: RatingMark, b: RatingMark) => ({ 镇人民政府2025年度工作: a, 财政预算执行情况: b });
    await cast(rating!, [
      ...Array.from({ length: 3 }, () => r('satisfied', 'satisfied')),
      ...Array.from({ length: 3 }, () => r('satisfied', 'basic')),
      r('basic', 'basic'),
      r('basic', 'unsatisfied'),
      r('unsatisfied', 'unsatisfied'),
    ]);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=cast-figure]')].every((el) => el.textContent?.replace(/\s/g, '') === '已投9/应投9'));
    const secretCard = card('补选镇人民代表大会副主席');
    await secretCard.getByText('无记名表决：表决结束前不显示各项票数').waitFor();
    expect(await secretCard.getByTestId('live-counts').count()).toBe(0);
    expect(await card('对镇人民政府工作的满意度测评').getByTestId('live-counts').locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'console-votes-open-kinds');
    await screen.goto(`${srv.url}/console/#/screen/${s.meeting.id}`);
    await screen.getByText('表决进行中').waitFor();
  });

  it('closes each and shows the server’s outcome on the console and the big screen', async () => {
    await closeAndShow('2026年民生实事项目票决', 'screen-result-project');
    const project = card('2026年民生实事项目票决');
    expect(await project.getByTestId('verdict').allTextContents()).toEqual([
      '入选 1 项',
      expect.stringContaining('需要重新投票：2 个项目均获 5 票赞成') as unknown as string,
    ]);
    expect(await project.locator('.result-table tbody tr td:last-child').allTextContents()).toEqual(['入选', '需要重新投票', '需要重新投票', '未入选']);

    await closeAndShow('补选镇人民代表大会副主席', 'screen-result-election', true);
    const election = card('补选镇人民代表大会副主席');
    expect(await election.locator('.result-table tbody tr td:first-child').allTextContents()).toEqual(['张志强', '李文华', '王建平', '赵 六另选他人']);
    expect(await election.locator('.result-table tbody tr td:last-child').allTextContents()).toEqual(['当选', '未当选', '未当选', '未当选']);

    await closeAndShow('对镇人民政府工作的满意度测评', 'screen-result-rating', true);
    const rating = card('对镇人民政府工作的满意度测评');
    const rows = await rating.locator('.result-table tbody tr').allTextContents();
    expect(rows[0]).toContain('88.9%');
    expect(rows[0]).toMatch(/满意$/);
    expect(rows[1]).toContain('77.8%');
    expect(rows[1]).toMatch(/基本满意$/);
    expect(await screen.locator('.bar-row:not(.bar-head) .bar-value').allTextContents()).toEqual(['88.9%', '77.8%']);
    await page.setViewportSize({ width: 1440, height: 2000 });
    await screenshot(page, 'console-votes-closed-kinds');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows the ballot tracker (计票核验) on a closed secret vote, and a mismatch as an alarm', async () => {
    const election = (await votesOf()).find((v) => v.title === '补选镇人民代表大会副主席')!;
    const report = (headers: Record<string, string>, checked: number, mismatched: number) =>
      inject(srv.app, { method: 'POST', url: `/api/votes/${election.id}/tracker`, headers, payload: { checked, mismatched } });
    expect((await report(voters.seat.headers, 8, 0)).statusCode).toBe(200);
    const note = card('补选镇人民代表大会副主席').locator('.tracker-note');
    await card('补选镇人民代表大会副主席').locator('.tracker-note', { hasText: '计票核验：1 台终端已核验，0 台不一致' }).waitFor();
    expect(await note.getAttribute('class')).toBe('tracker-note');
    const other = await pairDevice(srv.app, 'seat', s.sittingId, '座位终端二');
    expect((await report(other.headers, 1, 1)).statusCode).toBe(403); // it did not cast in this vote (issue 22)
    expect((await report(voters.seat.headers, 8, 1)).statusCode).toBe(200); // a mismatch found later: it stays
    await card('补选镇人民代表大会副主席').locator('.tracker-note', { hasText: '计票核验警报：1 台终端已核验，1 台不一致' }).waitFor();
    expect(await note.getAttribute('class')).toBe('tracker-note alarm');
    expect(await note.getAttribute('role')).toBe('alert');
    await screenshot(page, 'console-tracker-alarm');
  });

  it('shows names with markup as text, in the vote list and on the big screen', async () => {
    const title = '<script>window.__xss=1</script>关于<b>加粗</b>的决议';
    const vote = await createVote(srv.app, s, { kind: 'resolution', title, secrecy: 'open' });
    await page.goto(`${srv.url}/console/#/meetings/${s.meeting.id}/sittings/${s.sittingId}/votes`);
    await card(title).waitFor();
    await call(srv.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
    await screen.waitForFunction((t) => document.body.textContent?.includes(t), title);
    for (const p of [page, screen]) {
      expect(await p.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      expect(await p.locator('b', { hasText: '加粗' }).count()).toBe(0);
    }
    await call(srv.app, 'POST', `/api/votes/${vote.id}/close`, {}, 200);
  });
});
