// 发言 in real Chromium, one pass through the three screens: the deputy at a seat tablet taps 申请发言, looks at the
// camera and sees 排队中 第 1 位; the chair's console lists them with delegation and seat and gives the floor; the big
// screen (its PC's clock ten minutes fast) shows the speaker, their seat and a countdown on the server's clock; the
// tablet shows 请发言 with the time left; 结束发言 clears all three.
// Screenshots: tests/artifacts/speaking-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call } from '../helpers/app';
import { launchBrowser, screenshot } from '../helpers/browser';
import { fakeCameraVideo } from '../helpers/fake-camera';
import { halfWidthInChinese } from '../helpers/screen-text';
import { startServer, type RunningServer } from '../helpers/server';
import { consolePage } from './console-setup';
import { deputyNamed, openKiosk, pairShown, seedVenue, type Venue } from './kiosk-setup';

let server: RunningServer;
let venue: Venue;
let browser: Browser;
let seat: Page;
let chair: Page;
let screen: Page;

beforeAll(async () => {
  server = await startServer();
  venue = await seedVenue(server);
  const wu = deputyNamed(venue, '吴某某');
  await call(server.app, 'POST', `/api/sittings/${venue.sittingId}/checkins/manual`, { participantId: venue.participantOf.get(wu.id), reason: '测试补签' }, 201);
  // A hall of 5 rows × 10 seats, filled in the body's order: 吴某某, first on the roster, sits at 1排1座.
  await call(server.app, 'POST', `/api/bodies/${venue.body.id}/hall/sections`, { name: '代表席', kind: 'floor', rows: 5, seatsPerRow: 10 }, 201);
  await call(server.app, 'POST', `/api/sittings/${venue.sittingId}/seating/fill`, undefined, 200);
  await call(server.app, 'PUT', `/api/sittings/${venue.sittingId}/speaking/limit`, { seconds: 300 }, 200);
  browser = await launchBrowser({ fakeCamera: await fakeCameraVideo({ photo: 'wu_yi/1.jpg', script: 'turn', leadIn: 1 }) });
  seat = await openKiosk(browser, server);
  await pairShown(seat, server, { mode: 'seat', sittingId: venue.sittingId, name: '座位终端' });
  chair = await consolePage(browser, server);
  await chair.goto(`${server.url}/console/#/meetings/${venue.meeting.id}/sittings/${venue.sittingId}/speaking`);
  screen = await consolePage(browser, server);
  // The big screen's PC runs ten minutes fast: the countdown must still read the server's time.
  await screen.addInitScript(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + 10 * 60_000;
  });
  await screen.goto(`${server.url}/console/#/screen/${venue.meeting.id}?sitting=${venue.sittingId}`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('speaking: tablet, console, big screen', () => {
  it('the deputy asks at the seat, looks at the camera, and is 排队中 第 1 位; the console lists them', async () => {
    await seat.getByRole('button', { name: '申请发言', exact: true }).click({ timeout: 30_000 });
    await seat.locator('[data-screen="speak-identify"]').waitFor({ timeout: 15_000 });
    await screenshot(seat, 'speaking-seat-identify');
    await seat.locator('[data-screen="speak-queued"]').waitFor({ timeout: 60_000 });
    expect(await seat.locator('.speak-place').textContent()).toBe('排队中 第 1 位');
    await screenshot(seat, 'speaking-seat-queued');
    const row = chair.locator('[data-testid="speak-queue"] tbody tr').first();
    await row.waitFor({ timeout: 10_000 });
    expect((await row.locator('td').allTextContents()).slice(0, 4)).toEqual(['1', '发言 吴某某', '城关镇代表团', '1排1座']);
    await screenshot(chair, 'speaking-console-queue');
  });

  it('the chair gives the floor: the big screen counts down on the server clock, the tablet says 请发言', async () => {
    await chair.getByRole('button', { name: '请发言', exact: true }).click();
    await chair.locator('[data-testid="floor"]').filter({ hasText: '吴某某' }).waitFor();
    const speaker = screen.locator('[data-testid="screen-speaker"]');
    await speaker.waitFor({ timeout: 10_000 });
    expect(await speaker.locator('.screen-speaker-name').textContent()).toBe('请 吴某某 发言');
    expect(await speaker.locator('.screen-speaker-detail').textContent()).toBe('城关镇代表团 · 1排1座');
    // 5 minutes from the server's start, whatever the screen's own clock says (ten minutes fast: naive would be −5:00).
    const left = Number(await speaker.locator('[data-testid="countdown"]').getAttribute('data-left'));
    expect(left).toBeGreaterThan(280);
    expect(left).toBeLessThanOrEqual(300);
    await screenshot(screen, 'speaking-screen');
    await seat.locator('[data-screen="speak-floor"]').waitFor({ timeout: 10_000 });
    expect(await seat.locator('.speak-now').textContent()).toBe('请发言');
    const seatLeft = Number(await seat.locator('[data-testid="seat-countdown"]').getAttribute('data-left'));
    expect(seatLeft).toBeGreaterThan(280);
    await screenshot(seat, 'speaking-seat-floor');
    await screenshot(chair, 'speaking-console-floor');
    for (const page of [seat, chair, screen]) expect(halfWidthInChinese(await page.locator('body').innerText())).toEqual([]);
  });

  it('结束发言 clears the floor everywhere; a second request is withdrawn; the speech is in the deputy’s 履职档案', async () => {
    await chair.getByRole('button', { name: '结束发言', exact: true }).click();
    await chair.locator('[data-testid="floor"]').filter({ hasText: '当前无人发言' }).waitFor();
    await screen.locator('[data-testid="screen-speaker"]').waitFor({ state: 'detached', timeout: 10_000 });
    await seat.locator('[data-screen="speak-ask"]').waitFor({ timeout: 10_000 });
    // Asked again (still recognised: no face needed) and withdrawn: the console's queue empties.
    await seat.getByRole('button', { name: '申请发言', exact: true }).click();
    await chair.locator('[data-testid="speak-queue"] tbody tr').first().waitFor();
    await seat.getByRole('button', { name: '撤回申请', exact: true }).click();
    await seat.locator('[data-screen="speak-ask"]').waitFor({ timeout: 10_000 });
    await chair.getByText('暂无发言申请').waitFor();
    const wu = deputyNamed(venue, '吴某某');
    await chair.goto(`${server.url}/console/#/reports/deputies/${wu.id}`);
    await chair.locator('[data-testid="record-speeches"] b').filter({ hasText: '1' }).waitFor();
    expect(await chair.locator('[data-testid="spoken-table"] tbody tr').count()).toBe(1);
    await screenshot(chair, 'speaking-record');
  });
});
