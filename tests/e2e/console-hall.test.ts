// The hall in Debian's chromium: the hall editor (rows × seats, a 座次表 .xlsx with a bad line), 座位编排 (one-click
// fill in the body's order, a swap by select-and-tap), the printed 座次表 on A4 and A3, the live seat map with a 记名
// vote's choices after close (a 无记名 one never offered), and the big screen's attendance map.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SeatingView } from '../../shared/hall';
import type { VoteView } from '../../shared/views';
import { call } from '../helpers/app';
import { ARTIFACTS_DIR, screenshot } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters } from '../helpers/voting';
import { closeConsole, openConsole } from './console-setup';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

let srv: RunningServer;
let browser: Browser;
let page: Page;
let s: Sitting;
let openVote: VoteView;
let secretVote: VoteView;

beforeAll(async () => {
  ({ srv, browser, page } = await openConsole());
  s = await seedSitting(srv.app, 12);
  await call(srv.app, 'POST', `/api/meetings/${s.meeting.id}/participants`, { role: 'observer', name: '刘列席', organisation: '县政府' }, 201);
  await checkIn(srv.app, s, s.deputyIds.slice(0, 8));
  await call(srv.app, 'POST', `/api/sittings/${s.sittingId}/leaves`, { participantId: s.participantOf.get(s.deputyIds[8]!), reason: '出差' }, 201);
  const voters = await seatVoters(srv.app, s);
  openVote = await createVote(srv.app, s, { kind: 'resolution', title: '关于预算的决议', secrecy: 'open' });
  secretVote = await createVote(srv.app, s, { kind: 'resolution', title: '无记名决议', secrecy: 'secret' });
  for (const v of [openVote, secretVote]) {
    await call(srv.app, 'POST', `/api/votes/${v.id}/open`, {}, 200);
    const o = String(v.options[0]!.id);
    for (const [i, m] of (['yes', 'no', 'abstain', 'yes'] as const).entries()) expect((await voters.cast(v.id, s.deputyIds[i]!, { marks: { [o]: m } })).status).toBe(201);
    await call(srv.app, 'POST', `/api/votes/${v.id}/close`, undefined, 200);
  }
}, 120_000);

afterAll(() => closeConsole({ srv, browser }));

async function hallFile(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('座次表');
  for (const r of [['区域', '排', '座'], ['代表席', 1, '1-6'], ['代表席', 2, '1-6'], ['代表席', '二', '1-6'], ['代表席', 3, '1-4']]) sheet.addRow(r);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = resolve(ARTIFACTS_DIR, '座次表.xlsx');
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

const seating = async () => (await call<SeatingView>(srv.app, 'GET', `/api/sittings/${s.sittingId}/seating`)).body;

describe('console, the hall', () => {
  it('makes a 主席台 from rows × seats and imports the 代表席 from a 座次表, naming the bad line', async () => {
    await page.goto(`${srv.url}/console/#/bodies/${s.body.id}/hall`);
    const form = page.getByTestId('section-form');
    await form.locator('input[name=sectionName]').fill('主席台');
    await form.locator('select[name=sectionKind]').selectOption('podium');
    await form.locator('input[name=rows]').fill('1');
    await form.locator('input[name=seatsPerRow]').fill('5');
    await form.getByRole('button', { name: '生成区域' }).click();
    await page.locator('[data-seat="主席台 5 座"]').waitFor();
    await page.locator('input[name=hall]').setInputFiles(await hallFile());
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const report = page.getByTestId('hall-import-report');
    await report.waitFor();
    expect(await report.locator('tbody tr td').first().textContent()).toBe('4');
    expect(await report.textContent()).toContain('新增 1 个区域、16 个座位');
    await page.locator('[data-seat="3排4座"]').waitFor();
    expect(await page.locator('.hall-seat').count()).toBe(21);
    await screenshot(page, 'console-hall-editor');
  });

  it('fills the 代表席 in the body order in one click, then swaps two deputies by select-and-tap', async () => {
    await page.goto(`${srv.url}/console/#/meetings/${s.meeting.id}/sittings/${s.sittingId}/seating`);
    await page.getByRole('button', { name: '按代表团顺序编排' }).click();
    const editor = page.locator('.card .hall-grid');
    await editor.locator('[data-seat="1排1座"] .hall-seat-name', { hasText: '代表1' }).waitFor();
    const row1 = await editor.locator('[data-section="代表席"] .hall-seat .hall-seat-name').evaluateAll((els) => els.slice(0, 6).map((e) => e.textContent));
    expect(row1).toEqual(['代表1', '代表4', '代表7', '代表10', '代表2', '代表5']);
    await editor.locator('[data-seat="1排1座"]').click();
    await page.getByTestId('selected').waitFor();
    await editor.locator('[data-seat="1排5座"]').click();
    await editor.locator('[data-seat="1排1座"] .hall-seat-name', { hasText: '代表2' }).waitFor();
    const after = await seating();
    const nameAt = (label: string) => {
      const seat = after.hall.sections.flatMap((x) => x.seats).find((x) => x.label === label)!;
      return after.assignments.find((a) => a.seatId === seat.id)?.name;
    };
    expect([nameAt('1排1座'), nameAt('1排5座')]).toEqual(['代表2', '代表1']);
    expect(await page.getByTestId('unseated').textContent()).toBe('');
    await screenshot(page, 'console-seating');
  });

  it('prints the 座次表 alone on A4 and A3 landscape, names legible, each delegation tinted', async () => {
    await page.emulateMedia({ media: 'print' });
    for (const paper of ['A4', 'A3'] as const) {
      await page.locator('select[name=paper]').selectOption(paper, { force: true });
      const sheet = page.getByTestId('seating-sheet');
      await expect.poll(() => sheet.getAttribute('data-paper')).toBe(paper);
      expect(await page.locator('.seating-page .card').first().isVisible()).toBe(false);
      const font = await sheet.locator('.hall-seat').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(font).toBeGreaterThanOrEqual(10.6); // ≥ 8 pt
      const tints = await sheet.locator('.hall-seat.taken').evaluateAll((els) => new Set(els.map((e) => getComputedStyle(e).backgroundColor)).size);
      expect(tints).toBe(4); // 第1/2/3选区 and 县政府 (列席)
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
      const [w, h] = [Number(box[1]), Number(box[2])];
      expect([Math.round(w), Math.round(h)]).toEqual(paper === 'A4' ? [842, 595] : [1191, 842]);
      await page.setViewportSize(paper === 'A4' ? { width: 1123, height: 794 } : { width: 1587, height: 1123 });
      await screenshot(page, `console-seating-print-${paper}`);
    }
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('draws the live seat map and a closed 记名 vote by seat; a 无记名 vote is not offered', async () => {
    await page.goto(`${srv.url}/console/#/meetings/${s.meeting.id}/sittings/${s.sittingId}/seatmap`);
    const legend = page.getByTestId('seat-legend');
    await legend.waitFor();
    expect(await legend.textContent()).toBe('已报到 8未报到 3请假 1列席 1空座 8');
    await expect.poll(() => page.locator('select[name=seatMapVote] option').allTextContents()).toEqual(['（不显示）', '关于预算的决议']);
    // A check-in at the door reaches the map live.
    await checkIn(srv.app, s, [s.deputyIds[9]!]);
    await expect.poll(() => legend.textContent()).toBe('已报到 9未报到 2请假 1列席 1空座 8');
    await page.locator('select[name=seatMapVote]').selectOption({ label: '关于预算的决议' });
    const first = page.locator('.seat-map [data-seat="1排5座"]');
    await first.locator('.seat-choice', { hasText: '赞成' }).waitFor();
    expect(await page.locator('.seat-map [data-seat="1排1座"] .seat-choice').textContent()).toBe('反对'); // 代表2 swapped there
    expect(await page.locator('.seat-map .seat-choice', { hasText: '请假' }).count()).toBe(1);
    expect(await page.locator('.seat-map .tablet-dot').count()).toBe(0);
    await screenshot(page, 'console-seat-map');
  });

  it('shows the attendance map on the big screen', async () => {
    const screen = await page.context().newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.goto(`${srv.url}/console/#/screen/${s.meeting.id}?sitting=${s.sittingId}&view=map`);
    const map = screen.getByTestId('screen-map');
    await map.waitFor();
    expect(await map.locator('.hall-seat').count()).toBe(21);
    expect(await map.locator('.hall-seat.presence-present').count()).toBe(9);
    expect(await map.locator('.hall-seat-name').count()).toBe(0);
    await screenshot(screen, 'screen-seat-map');
    await screen.close();
  });
});
