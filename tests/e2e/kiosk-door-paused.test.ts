// The paused door (issue 21, point 4): a door tablet the server paused for 可疑报到 tells the person in front of it,
// in large type and Chinese first, to ask a member of staff, and does not loop; once a clerk clears the alarm with
// a reason it takes check-ins again by itself. The pause is the server's: the kiosk learns it from the refusal of
// a challenge (ERR_DOOR_PAUSED). The alarm is raised here as the door rule raises it (door-pace.test.ts covers how).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { insertAlarm } from '../../server/repositories/door-watch-repository';
import { call } from '../helpers/app';
import { launchBrowser, screenshot } from '../helpers/browser';
import { fakeCameraVideo } from '../helpers/fake-camera';
import { startServer, type RunningServer } from '../helpers/server';
import { openKiosk, pairShown, resultShown, seedVenue, type Venue } from './kiosk-setup';

let server: RunningServer;
let venue: Venue;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  venue = await seedVenue(server);
  browser = await launchBrowser({ fakeCamera: await fakeCameraVideo({ photo: 'wu_yi/1.jpg', script: 'turn', leadIn: 1 }) });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a paused door kiosk', () => {
  it('says 本终端已暂停报到，请联系工作人员 and waits; a cleared alarm lets the deputy check in', async () => {
    page = await openKiosk(browser, server);
    const device = await pairShown(page, server, { mode: 'door', sittingId: venue.sittingId, name: '西门平板' });
    const alarmId = await server.app.ctx.db.write((tx) => insertAlarm(tx, { deviceId: device.id, sittingId: venue.sittingId, kind: 'floor', detail: { gapMs: 900 } }));
    await page.locator('[data-screen="door"]').waitFor({ timeout: 15_000 });
    const paused = page.locator('[data-result="door_paused"]');
    await paused.waitFor({ timeout: 60_000 }); // as soon as a face is in front of it and it asks for a challenge
    await expect.poll(async () => (await paused.locator('.result-headline').innerText()).replace(/\s/g, '')).toBe('本终端已暂停报到，请联系工作人员');
    expect(await paused.locator('.result-sub').innerText()).toMatch(/^工作人员核实后，本终端将自动恢复报到/);
    expect(parseFloat(await paused.locator('.result-headline').evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(40);
    await screenshot(page, 'kiosk-door-paused');
    await page.waitForTimeout(6000); // a poll or more later: still paused, still telling the person what to do
    expect(await paused.isVisible()).toBe(true);
    await call(server.app, 'POST', `/api/door-alarms/${alarmId}/clear`, { reason: '已到门口核实' }, 200);
    await paused.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await resultShown(page, 90_000)).toBe('checked_in');
  }, 240_000);
});
