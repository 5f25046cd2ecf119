// A seat tablet bound to its deputy, in real Chromium with the test camera: it greets its seat's deputy
// (本座位：吴某某代表), the deputy turns their head once, then votes twice — the second ballot with no head turn, a
// fresh frame checked at 确认 (timed: 确认 → 投票成功) — and when someone else sits down (the same tablet, its browser
// launched again with another person on the camera) the seat unbinds and the next vote asks for a face again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { DeviceView, VoteView } from '../../shared/views';
import { call } from '../helpers/app';
import { launchTablet, screenshot, signedIn } from '../helpers/browser';
import { fakeCameraVideo } from '../helpers/fake-camera';
import { startServer, type RunningServer } from '../helpers/server';
import { checkInAll, openVote, seatTheVenue } from '../helpers/seat-tablet';
import { deputyNamed, seedVenue, type Venue } from './kiosk-setup';

let server: RunningServer;
let venue: Venue;
let profile: string;
let tablet: BrowserContext;
let page: Page;
let device: DeviceView;
const requests: string[] = [];
/** The server's answers to the tablet's quick checks and presence frames, for a failure's message. */
const answers: string[] = [];

/** The tablet's browser with `photo` (a person, ../shared/faces) on its camera; the same profile, the same tablet. */
async function launch(photo: string): Promise<void> {
  tablet = await launchTablet(profile, { fakeCamera: await fakeCameraVideo({ photo, script: 'turn', leadIn: 1 }) });
  page = tablet.pages()[0] ?? (await tablet.newPage());
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path === '/api/seat/check' || path === '/api/seat/presence') void r.text().then((b) => answers.push(`${path} ${b.slice(0, 120)}`), () => undefined);
  });
  page.on('pageerror', (e) => console.error('[kiosk page error]', e.message));
  await page.goto(`${server.url}/kiosk/`);
}

const button = (name: string) => page.getByRole('button', { name, exact: true });
const count = (path: string) => requests.filter((p) => p === path).length;

beforeAll(async () => {
  server = await startServer();
  venue = await seedVenue(server);
  const seatOf = await seatTheVenue(server.app, venue);
  await checkInAll(server.app, venue);
  await call(server.app, 'PUT', '/api/settings/seat-presence', { noFaceSeconds: 20 }, 200); // a presence frame every 5 s while voting
  profile = mkdtempSync(join(tmpdir(), 'quorum-seat-tablet-'));
  await launch('wu_yi/1.jpg');
  // A clerk pairs it at 吴某某's seat (1排1座).
  await page.waitForFunction(() => /^[0-9]{6}$/.test(document.querySelector('[data-code]')?.getAttribute('data-code') ?? ''), null, { timeout: 20_000 });
  const code = await page.locator('[data-code]').getAttribute('data-code');
  const seatId = seatOf.get(deputyNamed(venue, '吴某某').id);
  device = (await call<DeviceView>(server.app, 'POST', '/api/devices/accept', { code, name: '座位终端', mode: 'seat', sittingId: venue.sittingId, seatId }, 201)).body;
}, 180_000);

afterAll(async () => {
  await tablet?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function vote(title: string): Promise<VoteView> {
  return openVote(server.app, venue, title);
}

/** 赞成 → 确认提交 → 投票成功; returns ms from the press of 确认提交 to 投票成功 on screen, and the kiosk's own figure. */
async function castYes(): Promise<{ wall: number; kiosk: number }> {
  await page.locator('[data-screen="ballot-resolution"]').waitFor({ timeout: 45_000 });
  await button('赞成').click();
  await page.locator('[data-screen="confirm"]').waitFor();
  const start = Date.now();
  await button('确认提交').click();
  await page.locator('[data-screen="voted"]').waitFor({ timeout: 20_000 }).catch(async (e: Error) => {
    const shown = await page.locator('[data-screen]').last().getAttribute('data-screen');
    throw new Error(`${e.message}\nscreen: ${shown}\nanswers: ${answers.slice(-6).join('\n')}`);
  });
  const wall = Date.now() - start;
  const kiosk = await page.evaluate(() => {
    const t = window.__kioskTimeline ?? [];
    const at = (e: string) => [...t].reverse().find((x) => x.event === e)?.at ?? NaN;
    return at('vote-recorded') - at('confirm-pressed');
  });
  expect(await page.locator('[data-screen="voted"] h1').textContent()).toBe('投票成功');
  return { wall, kiosk };
}

describe('a seat tablet bound to its deputy', () => {
  it('greets its seat’s deputy', async () => {
    await page.locator('[data-screen="waiting"] [data-greeting]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-screen="waiting"] [data-greeting]').textContent()).toBe('本座位：吴某某代表');
    expect(await page.locator('.pill[data-greeting]').textContent()).toBe('本座位：吴某某代表');
    await screenshot(page, 'kiosk-seat-bound-greeting');
  });

  it('one head turn, then a ballot confirmed by a fresh frame with no head turn', async () => {
    const first = await vote('关于本镇2026年民生实事项目的决议');
    await page.locator('[data-screen="identify"]').waitFor({ timeout: 15_000 });
    const firstTimes = await castYes();
    expect(await page.locator('.pill.voter').textContent()).toBe('吴某某代表');
    expect(count('/api/face/challenge')).toBeGreaterThanOrEqual(1);
    const challenges = count('/api/face/challenge');
    await call(server.app, 'POST', `/api/votes/${first.id}/close`, {}, 200);

    const second = await vote('关于本镇2026年财政预算调整的决议');
    await page.locator('[data-screen="ballot-resolution"]').waitFor({ timeout: 20_000 });
    await screenshot(page, 'kiosk-seat-bound-ballot');
    const times = await castYes();
    await screenshot(page, 'kiosk-seat-bound-voted');
    // No new challenge for the second ballot: one quick check per ballot.
    expect(count('/api/face/challenge')).toBe(challenges);
    expect(count('/api/seat/check')).toBeGreaterThanOrEqual(2);
    expect((await call<VoteView>(server.app, 'GET', `/api/votes/${second.id}`)).body.cast).toBe(1);
    console.log(`[seat-bound] 确认 → 投票成功: first ballot ${firstTimes.wall} ms (kiosk ${Math.round(firstTimes.kiosk)} ms), bound ballot ${times.wall} ms (kiosk ${Math.round(times.kiosk)} ms)`);
    await call(server.app, 'POST', `/api/votes/${second.id}/close`, {}, 200);
  }, 120_000);

  it('someone else sitting down unbinds the seat: the next vote asks for a face again', async () => {
    const bindings = () => call<Array<{ deviceId: number; deputy: { name: string }; away: boolean }>>(server.app, 'GET', `/api/sittings/${venue.sittingId}/seat-bindings`);
    expect((await bindings()).body.find((b) => b.deviceId === device.id)?.deputy.name).toBe('吴某某');
    // The default timeout (60 s, a presence frame every 15 s), so that her face, not the time the relaunch takes, ends it.
    await call(server.app, 'PUT', '/api/settings/seat-presence', { noFaceSeconds: 60 }, 200);
    await tablet.close();
    requests.length = 0;
    await launch('michelle_kwan/1.jpg'); // 关某某 at 吴某某's tablet
    await page.locator('.pill[data-greeting]').waitFor({ timeout: 60_000 }); // her presence frame ended the binding
    expect(count('/api/seat/presence')).toBeGreaterThanOrEqual(1);
    const { body: refusals } = await call<Array<{ reason: string; deviceId: number }>>(server.app, 'GET', `/api/sittings/${venue.sittingId}/refusals`);
    expect(refusals.filter((r) => r.deviceId === device.id).map((r) => r.reason)).toContain('not_same_person');
    const third = await vote('关于设立本镇人大代表联络站的决议');
    await page.locator('[data-screen="identify"]').waitFor({ timeout: 15_000 });
    await screenshot(page, 'kiosk-seat-bound-unbound');
    // Her own identification works (1:N) and the clerks see 代表未在本座位.
    await page.locator('[data-screen="ballot-resolution"]').waitFor({ timeout: 45_000 });
    expect(await page.locator('.pill.voter').textContent()).toBe('关某某代表');
    expect((await bindings()).body.find((b) => b.deviceId === device.id)).toMatchObject({ deputy: { name: '关某某' }, away: true });
    await call(server.app, 'POST', `/api/votes/${third.id}/close`, {}, 200);

    // The clerks: 代表未在本座位 on 人脸校对, and the tablet's seat on its row in 终端管理.
    await signedIn(tablet, server);
    const console_ = await tablet.newPage();
    await console_.goto(`${server.url}/console/#/meetings/${venue.meeting.id}/sittings/${venue.sittingId}/watch`);
    await console_.locator('[data-away]').waitFor({ timeout: 20_000 });
    expect(await console_.locator('[data-away]').innerText()).toContain('关某某代表在 1排1座（终端 座位终端）确认身份，本人座位：1排5座');
    await screenshot(console_, 'kiosk-seat-bound-console-away');
    await console_.goto(`${server.url}/console/#/devices`);
    const seatPick = console_.locator('select[name="seatId"]').first();
    await seatPick.waitFor({ timeout: 20_000 });
    expect(await seatPick.locator('option:checked').textContent()).toBe(`1排1座 · 吴某某`);
    expect(device.seatId).not.toBeNull();
  }, 120_000);
});
