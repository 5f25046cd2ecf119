// Chinese text on every screen, in Debian's chromium (issue 16, item 8): each console, big-screen and kiosk screen a
// clerk passes through in a sitting is read for half-width punctuation beside Chinese (未识别,请… / 已配对:…) and for
// English sentences in the Chinese interface; a schema refusal reaches the clerk in Chinese; the seat and door
// kiosks' header pills never cover the subtitle, even with long names on a small tablet, and a two-clause prompt
// does not break mid-word; an empty attendance list says why; both apps carry a favicon. The 人脸校对 screen is read
// too: a held check-in with its buttons, the 驳回 dialog, a 可疑报到 alarm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MeetingView, VoteView } from '../../shared/views';
import { call } from '../helpers/app';
import { screenshot } from '../helpers/browser';
import { halfWidthInChinese } from '../helpers/screen-text';
import type { RunningServer } from '../helpers/server';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { pairDevice } from '../helpers/devices';
import { insertAlarm } from '../../server/repositories/door-watch-repository';
import { seatVoters } from '../helpers/voting';
import { closeConsole, openConsole } from './console-setup';
import { openKiosk, pairShown } from './kiosk-setup';

let srv: RunningServer;
let browser: Browser;
let page: Page;
let s: Sitting;
let vote: VoteView;
let longMeeting: MeetingView;

/** Runs of two or more English words: a sentence left untranslated (the language switch and file types aside). */
function englishSentences(text: string): string[] {
  return text.match(/[A-Za-z]{2,}(?:[ ,.']+[A-Za-z]{2,})+/g) ?? [];
}

async function readScreen(p: Page, what: string): Promise<void> {
  const text = await p.evaluate(() => document.body.innerText);
  expect(text.length, `${what} shows nothing`).toBeGreaterThan(10);
  expect(halfWidthInChinese(text), `${what}: half-width punctuation in Chinese`).toEqual([]);
  expect(englishSentences(text), `${what}: English in the Chinese interface`).toEqual([]);
}

beforeAll(async () => {
  ({ srv, browser, page } = await openConsole());
  s = await seedSitting(srv.app, 6);
  await checkIn(srv.app, s, s.deputyIds.slice(0, 4));
  await call(srv.app, 'POST', `/api/sittings/${s.sittingId}/leaves`, { participantId: s.participantOf.get(s.deputyIds[4]!), reason: '因公出差' }, 201);
  vote = await createVote(srv.app, s, { kind: 'resolution', title: '关于本年度财政预算的决议', secrecy: 'open' });
  await call(srv.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
  const voters = await seatVoters(srv.app, s);
  for (const d of s.deputyIds.slice(0, 3)) expect((await voters.cast(vote.id, d, { marks: { [vote.options[0]!.id]: 'yes' } })).status).toBe(201);
  await call(srv.app, 'POST', `/api/votes/${vote.id}/close`, undefined, 200);
  // Long names, as a county congress has them, for the kiosk headers.
  longMeeting = (
    await call<MeetingView>(srv.app, 'POST', `/api/bodies/${s.body.id}/meetings`, { name: '某自治县第十七届人民代表大会第三次会议', sittings: [{ name: '第一次全体会议（上午）' }] }, 201)
  ).body;
});

afterAll(() => closeConsole({ srv, browser }));

describe('Chinese text on every screen', () => {
  it('reads every console and big-screen screen of a sitting without half-width punctuation or English sentences', async () => {
    const m = s.meeting.id;
    // Each screen is read once the data it shows is in (the text waited for comes from the server).
    const screens: Array<[string, string, string]> = [
      ['home', '/console/#/', '某镇第八届人民代表大会'],
      ['body', `/console/#/bodies/${s.body.id}`, '代表名册'],
      ['accounts', '/console/#/accounts', '（本人）'],
      ['devices', '/console/#/devices', 'seat-tablet'],
      ['meeting', `/console/#/meetings/${m}`, '第一次全体会议'],
      ['attendance', `/console/#/meetings/${m}/sittings/${s.sittingId}/attendance`, '因公出差'],
      ['votes', `/console/#/meetings/${m}/sittings/${s.sittingId}/votes`, '关于本年度财政预算的决议'],
      ['reports', `/console/#/meetings/${m}/reports`, '关于本年度财政预算的决议'],
      ['vote sheet', `/console/#/reports/votes/${vote.id}`, '记名表决明细'],
      ['attendance sheet', `/console/#/reports/sittings/${s.sittingId}`, '签到统计表'],
      ['deputy record', `/console/#/reports/deputies/${s.deputyIds[0]}`, '履职档案'],
      ['not found', '/console/#/nowhere', '页面不存在'],
      ['big screen', `/console/#/screen/${m}`, '关于本年度财政预算的决议'],
      ['big screen attendance', `/console/#/screen/${m}?view=attendance`, '代表报到情况'],
    ];
    for (const [what, url, shows] of screens) {
      await page.goto(`${srv.url}${url}`);
      await page.reload(); // a hash change alone keeps the page: load each screen as a clerk opening it would
      await page.getByText(shows).first().waitFor();
      await readScreen(page, what);
    }
    await screenshot(page, 'console-text-screen-attendance');
    // A question the console asks is Chinese text too (确定停用「东门报到1号」?停用后… had a half-width ?).
    await page.goto(`${srv.url}/console/#/devices`);
    await page.reload();
    const [question] = await Promise.all([page.waitForEvent('dialog'), page.getByRole('row', { name: /seat-tablet/ }).getByRole('button', { name: '停用' }).click()]);
    expect(question.message()).toMatch(/^确定停用「seat-tablet」？/);
    expect(halfWidthInChinese(question.message()), 'revoke question').toEqual([]);
  });

  it('reads the 人脸校对 screen: a held check-in with 确认 and 驳回, the 驳回 dialog, a 可疑报到 alarm', async () => {
    await call(srv.app, 'POST', `/api/sittings/${s.sittingId}/checkins/${s.participantOf.get(s.deputyIds[3]!)}/doubt`, undefined, 200);
    // The alarm's row as the door rule writes it (door-pace.test.ts raises it with real faces; here only its text is read).
    const door = await pairDevice(srv.app, 'door', s.sittingId, '东门报到机');
    await srv.app.ctx.db.write((tx) => insertAlarm(tx, { deviceId: door.device.id, sittingId: s.sittingId, kind: 'floor', detail: { gapMs: 1200 } }));
    await page.goto(`${srv.url}/console/#/meetings/${s.meeting.id}/sittings/${s.sittingId}/watch`);
    await page.reload();
    await page.getByText('存疑中：按未报到计').waitFor();
    await page.getByText('终端「东门报到机」距上一人仅').waitFor();
    await readScreen(page, '人脸校对');
    await page.getByRole('button', { name: '驳回', exact: true }).click();
    await page.getByText('驳回后该报到作废').waitFor();
    await readScreen(page, '人脸校对: 驳回 dialog');
    await screenshot(page, 'console-text-face-watch');
    await page.keyboard.press('Escape');
  });

  it('says why an attendance list is empty, instead of a quorum "1 more needed" and a bare table', async () => {
    const { body } = await call<{ id: number }>(srv.app, 'POST', '/api/bodies', { name: '某镇第九届人民代表大会' }, 201);
    const { body: m } = await call<MeetingView>(srv.app, 'POST', `/api/bodies/${body.id}/meetings`, { name: '第一次会议', sittings: [{ name: '第一次全体会议' }] }, 201);
    await page.goto(`${srv.url}/console/#/meetings/${m.id}/sittings/${m.sittings[0]!.id}/attendance`);
    await page.reload();
    expect(await page.getByTestId('quorum').innerText()).toBe('还没有代表\n请先在本届人民代表大会页面导入代表名册');
    await page.getByText('本次会议名单为空：请先导入代表名册，列席人员在会议设置中添加').waitFor();
    await readScreen(page, 'empty attendance');
  });

  it('answers a roster row without a name in Chinese, by field', async () => {
    await page.goto(`${srv.url}/console/#/bodies/${s.body.id}`);
    // Spaces pass the form's own "required" (the browser says an empty one in its language) and reach the server.
    await page.fill('input[name=deputyName]', '   ');
    await page.fill('input[name=cardNo]', 'X001');
    await page.getByRole('button', { name: '添加代表' }).click();
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    const text = (await alert.textContent())!;
    expect(text).toMatch(/^姓名：/);
    expect(englishSentences(text)).toEqual([]);
  });

  it('shows the kiosk screens (pairing, door, seat) in Chinese, the header pills clear of the subtitle on a small tablet', async () => {
    for (const [mode, viewport] of [['door', { width: 1024, height: 768 }], ['seat', { width: 800, height: 1280 }], ['seat', { width: 1280, height: 800 }]] as const) {
      const kiosk = await openKiosk(browser, srv);
      await kiosk.setViewportSize(viewport);
      await kiosk.locator('[data-code]').waitFor();
      await readScreen(kiosk, 'kiosk pairing');
      await pairShown(kiosk, srv, { mode, sittingId: longMeeting.sittings[0]!.id, name: '东门报到1号', seat: mode === 'seat' ? '12排30座' : undefined });
      const sub = kiosk.locator('.topbar-sub');
      await sub.getByText('某自治县第十七届人民代表大会第三次会议').waitFor({ timeout: 20_000 });
      await kiosk.locator('.pill').first().waitFor();
      const subBox = (await sub.boundingBox())!;
      for (const pill of await kiosk.locator('.pill').all()) {
        const b = (await pill.boundingBox())!;
        const overlaps = b.x < subBox.x + subBox.width && subBox.x < b.x + b.width && b.y < subBox.y + subBox.height && subBox.y < b.y + b.height;
        expect(overlaps, `${mode} at ${viewport.width}×${viewport.height}: "${await pill.textContent()}" covers the subtitle`).toBe(false);
      }
      if (mode === 'seat') expect(await kiosk.locator('.pill').last().textContent()).toBe('座位 12排30座');
      if (mode === 'door') {
        // No camera in this browser: the what on one line, the what-to-do under it (it broke mid-word over three).
        await kiosk.locator('.prompt .second-clause').getByText('请联系工作人员').waitFor();
        const headLines = await kiosk.locator('.prompt').evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el.firstChild!);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        expect([await kiosk.locator('.prompt').textContent(), headLines]).toEqual(['摄像头无法使用，请联系工作人员', 1]);
      }
      await readScreen(kiosk, `${mode} kiosk`);
      expect(await kiosk.evaluate(() => document.body.innerText)).not.toContain('座席');
      await screenshot(kiosk, `kiosk-text-${mode}-${viewport.width}`);
      await kiosk.context().close();
    }
  });

  it('gives the console and the kiosk a favicon served with the page (no request off the LAN, no 404)', async () => {
    for (const path of ['/console/', '/kiosk/']) {
      await page.goto(`${srv.url}${path}`);
      const href = await page.locator('link[rel=icon]').getAttribute('href');
      expect(href).toMatch(/^data:image\/svg\+xml,/);
      expect(await page.evaluate((src) => new Promise<number>((res) => {
        const img = new Image();
        img.onload = () => res(img.naturalWidth);
        img.onerror = () => res(0);
        img.src = src;
      }), href!)).toBeGreaterThan(0);
    }
  });
});
