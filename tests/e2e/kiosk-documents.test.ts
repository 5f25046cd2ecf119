// 会议文件 at the seat, in real Chromium: a real Chinese PDF (printed by Chromium, with an outline) uploaded through
// the API is pushed to the seat tablet (文件已下载 n / m), read with the network cut (zoom, contents, find, page
// jump, sharp at the tablet's density), opened from a ballot (and the vote-open banner leads back); a withdrawn
// document, a tablet moved to another sitting, a revoked tablet and an archived body each leave no copy behind.
// The chair puts a page on the big screen from the votes page; the screen draws it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DeviceView } from '../../shared/views';
import { call } from '../helpers/app';
import { launchBrowser, screenshot, signedIn } from '../helpers/browser';
import { chinesePdf } from '../helpers/chinese-pdf';
import { postDocument, tinyPdf } from '../helpers/documents';
import { checkIn, seedSitting, type Sitting } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { pairShown } from './kiosk-setup';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let s: Sitting;
let second: number;
let itemA: number;
let itemB: number;
let reportId: number;
let noteId: number;
let device: DeviceView;

const button = (name: string) => page.getByRole('button', { name, exact: true });
/** A control of the reader's top bar (查找 is also the find form's own button). */
const barButton = (name: string) => page.locator('.reader-bar').getByRole('button', { name, exact: true });
const downloaded = (n: number, m: number) => page.locator(`[data-downloaded="${n}/${m}"]`).first().waitFor({ timeout: 30_000 });
/** The document hashes the tablet holds in its Cache Storage. */
const held = () => page.evaluate(async () => (await (await caches.open('quorum-documents')).keys()).map((r) => r.url.split('/').pop()!).sort());
async function hashOf(id: number): Promise<string> {
  const docs = (await call<Array<{ id: number; current: { sha256: string } }>>(server.app, 'GET', `/api/sittings/${s.sittingId}/documents`)).body;
  return docs.find((d) => d.id === id)!.current.sha256;
}
async function heldBecomes(expected: string[]): Promise<void> {
  await expect.poll(held, { timeout: 30_000 }).toEqual([...expected].sort());
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  s = await seedSitting(server.app, 3);
  second = (await call<{ id: number }>(server.app, 'POST', `/api/meetings/${s.meeting.id}/sittings`, { name: '第二次全体会议' }, 201)).body.id;
  itemA = (await call<{ id: number }>(server.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: '审议2026年民生实事项目报告', kind: 'deliberation' }, 201)).body.id;
  itemB = (await call<{ id: number }>(server.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: '听取财政预算执行情况报告', kind: 'report' }, 201)).body.id;
  await call(server.app, 'PUT', `/api/sittings/${s.sittingId}/agenda/current`, { itemId: itemB }, 200);
  const pdf = await chinesePdf();
  reportId = (await postDocument(server.app, `/api/sittings/${s.sittingId}/documents`, { name: '民生实事项目报告.pdf', data: pdf }, { title: '关于2026年民生实事项目的报告', agendaItemId: String(itemA) })).json<{ id: number }>().id;
  noteId = (await postDocument(server.app, `/api/sittings/${s.sittingId}/documents`, { name: 'note.pdf', data: tinyPdf('Budget') }, { title: '预算执行情况说明', agendaItemId: String(itemB) })).json<{ id: number }>().id;
  // A tablet at 2× density (as most are), touch screen, its own storage.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('[kiosk page error]', e.message));
  await page.goto(`${server.url}/kiosk/`);
  device = await pairShown(page, server, { mode: 'seat', sittingId: s.sittingId, seat: '3排12座' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('会议文件 at the seat', () => {
  it('pushes the sitting’s documents to the tablet and lists them by item, the current item first', async () => {
    await page.locator('[data-open="documents"]').click();
    await downloaded(2, 2);
    expect(await held()).toEqual([await hashOf(reportId), await hashOf(noteId)].sort());
    const groups = await page.locator('.doc-group h2').allTextContents();
    expect(groups).toEqual(['当前议程：听取财政预算执行情况报告', '审议2026年民生实事项目报告']);
    await screenshot(page, 'kiosk-documents-list');
  });

  it('reads offline: sharp pages, zoom, contents, find in Chinese, page jump', async () => {
    await context.setOffline(true);
    try {
      await readOffline();
    } finally {
      await context.setOffline(false);
    }
    await button('‹ 文件列表').click();
  });

  async function readOffline(): Promise<void> {
    expect(await page.evaluate(() => fetch('/api/health').then(() => 'reached', () => 'unreachable'))).toBe('unreachable');
    await page.locator(`[data-doc="${reportId}"]`).click();
    const pageView = page.locator('.pdf-scroll');
    await expect.poll(() => pageView.getAttribute('data-rendered'), { timeout: 30_000 }).toMatch(/^1@1\.000x2\.00$/);
    const canvas = page.locator('.pdf-page canvas');
    const sizes = () => canvas.evaluate((c: HTMLCanvasElement) => ({ pixels: c.width, css: c.getBoundingClientRect().width }));
    const fit = await sizes();
    expect(fit.pixels).toBeGreaterThanOrEqual(Math.floor(fit.css * 2) - 1); // drawn at the tablet's density
    await button('放大').click();
    await expect.poll(async () => (await sizes()).css).toBeGreaterThan(fit.css * 1.2);
    await button('适合宽度').click();
    await expect.poll(async () => (await sizes()).css).toBeCloseTo(fit.css, 0);
    await screenshot(page, 'kiosk-reader-1280x800');

    await barButton('目录').click();
    const entries = page.locator('.contents-entry');
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(4);
    await entries.filter({ hasText: '第三章' }).click();
    await expect.poll(() => page.locator('.page-jump').getAttribute('data-page')).toBe('3');

    await barButton('查找').click();
    await page.getByPlaceholder('输入要查找的文字').fill('城乡养老服务中心');
    await page.locator('.find-form button').click();
    await expect.poll(() => page.locator('[data-found]').getAttribute('data-found')).toBe('1');
    await expect.poll(() => page.locator('.page-jump').getAttribute('data-page')).toBe('4');
    await page.locator('[data-mark]').first().waitFor({ timeout: 15_000 });
    await page.getByPlaceholder('输入要查找的文字').fill('工作报告');
    await page.locator('.find-form button').click();
    await expect.poll(() => page.locator('[data-found]').getAttribute('data-found')).toBe('4'); // one per chapter heading

    await page.getByLabel('页码').fill('2');
    await button('跳转').click();
    await expect.poll(() => page.locator('.page-jump').getAttribute('data-page')).toBe('2');
    await barButton('查找').click(); // panel closed
    await page.setViewportSize({ width: 800, height: 1280 });
    await expect.poll(() => pageView.getAttribute('data-rendered'), { timeout: 15_000 }).toMatch(/^2@/);
    await screenshot(page, 'kiosk-reader-800x1280');
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  it('the big screen shows the page the chair puts up from the votes page', async () => {
    const chair = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const screenCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    await signedIn(chair, server);
    await signedIn(screenCtx, server);
    const screen = await screenCtx.newPage();
    await screen.goto(`${server.url}/console/#/screen/${s.meeting.id}?sitting=${s.sittingId}`);
    await screen.locator('[data-testid="screen"]').waitFor();
    const console_ = await chair.newPage();
    await console_.goto(`${server.url}/console/#/meetings/${s.meeting.id}/sittings/${s.sittingId}/votes`);
    await console_.locator('select[name="projection-document"]').selectOption(String(reportId));
    await console_.locator('input[name="projection-page"]').fill('4');
    await console_.locator('select[name="projection-view"]').selectOption('bottom');
    await console_.getByRole('button', { name: '投屏', exact: true }).click();
    await expect.poll(() => console_.getByTestId('projection-now').textContent()).toContain('第 4 页 / 共 4 页');
    await expect.poll(() => screen.locator('[data-projection]').getAttribute('data-projection'), { timeout: 30_000 }).toMatch(/:4:bottom$/);
    expect(await screen.getByTestId('screen').getAttribute('data-mode')).toBe('document');
    await screenshot(screen, 'screen-document-1920x1080');
    // Turning the page on the console moves the screen.
    await console_.getByRole('button', { name: /第 3 页/ }).click();
    await expect.poll(() => screen.locator('[data-projection]').getAttribute('data-projection'), { timeout: 15_000 }).toMatch(/:3:bottom$/);
    await console_.getByRole('button', { name: '停止投屏', exact: true }).click();
    // Back to what the screen shows without it: the current item (当前议程) set above.
    await expect.poll(() => screen.getByTestId('screen').getAttribute('data-mode'), { timeout: 15_000 }).toBe('agenda');
    await chair.close();
    await screenCtx.close();
  });

  it('a vote opening shows a banner over the documents; the ballot has 查看文件 for its item', async () => {
    await checkIn(server.app, s, s.deputyIds);
    const vote = (
      await call<{ id: number }>(server.app, 'POST', `/api/sittings/${s.sittingId}/votes`, {
        agendaItemId: itemA,
        vote: { kind: 'resolution', title: '关于2026年民生实事项目的决议', secrecy: 'open', changePolicy: 'last' },
      }, 201)
    ).body;
    await call(server.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
    const banner = page.locator('[data-banner="vote-open"]');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain('表决已开始：关于2026年民生实事项目的决议');
    await banner.getByRole('button', { name: '去表决' }).click();
    await page.locator(`[data-vote="${vote.id}"]`).waitFor();
    await page.locator('[data-open="item-documents"]').click();
    // The ballot's item first, and the way back to the ballot.
    expect(await page.locator('.doc-group h2').first().textContent()).toBe('审议2026年民生实事项目报告');
    await button('返回表决').click();
    await page.locator(`[data-vote="${vote.id}"]`).waitFor();
    await call(server.app, 'POST', `/api/votes/${vote.id}/close`, undefined, 200);
    await page.locator('[data-open="documents"]').click();
  });

  it('a withdrawn document leaves the tablet', async () => {
    const note = await hashOf(noteId);
    await call(server.app, 'POST', `/api/documents/${noteId}/withdraw`, { reason: '已由新版本替代' }, 200);
    await downloaded(1, 1);
    await heldBecomes([await hashOf(reportId)]);
    expect(await held()).not.toContain(note);
  });

  it('a tablet moved to another sitting drops the old sitting’s documents, and gets them back when moved back', async () => {
    await call(server.app, 'PATCH', `/api/devices/${device.id}`, { sittingId: second }, 200);
    await heldBecomes([]);
    await call(server.app, 'PATCH', `/api/devices/${device.id}`, { sittingId: s.sittingId }, 200);
    await heldBecomes([await hashOf(reportId)]);
  });

  it('a revoked tablet deletes every copy', async () => {
    await call(server.app, 'POST', `/api/devices/${device.id}/revoke`, undefined, 200);
    await page.locator('[data-code]').waitFor({ timeout: 30_000 });
    await heldBecomes([]);
    expect(await page.evaluate(() => localStorage.getItem('quorum.documents'))).toBeNull();
  });

  it('an archived body’s documents leave its tablets', async () => {
    device = await pairShown(page, server, { mode: 'seat', sittingId: s.sittingId, name: 'seat-again' });
    await heldBecomes([await hashOf(reportId)]);
    await call(server.app, 'POST', `/api/bodies/${s.body.id}/archive`, { confirmName: s.body.name }, 200);
    await heldBecomes([]);
  });
});
