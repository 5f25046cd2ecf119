// Tablets in the console, in Debian's chromium: a paired tablet shows 在线 with its last seen time while its live
// socket is open and 离线 once it closes, without a refresh; a revoked tablet can be removed from the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DeviceView } from '../../shared/views';
import { call } from '../helpers/app';
import { screenshot } from '../helpers/browser';
import type { RunningServer } from '../helpers/server';
import { closeConsole, openConsole } from './console-setup';
import { seedSitting, type Sitting } from '../helpers/fixtures';
import { pairDevice, type PairedDevice } from '../helpers/devices';
import { tablet, type Tablet } from '../helpers/live';

let srv: RunningServer;
let browser: Browser;
let page: Page;
let s: Sitting;
let door: PairedDevice;
let live: Tablet;

beforeAll(async () => {
  ({ srv, browser, page } = await openConsole());
  s = await seedSitting(srv.app, 3);
  door = await pairDevice(srv.app, 'door', s.sittingId, '东门报到1号');
  await pairDevice(srv.app, 'seat', s.sittingId, '旧平板');
});

afterAll(async () => {
  live?.client.close();
  await closeConsole({ srv, browser });
});

const row = (name: string) => page.getByTestId('device-table').locator('tr', { hasText: name });

describe('console, tablets', () => {
  it('shows a tablet online with its last seen time while connected, offline once it drops', async () => {
    await page.goto(`${srv.url}/console/#/devices`);
    await row('东门报到1号').getByText('离线').waitFor();
    expect(await row('东门报到1号').getByTestId('last-seen').textContent()).toBe('从未连接');
    live = tablet(srv.host, s.meeting.id, door.token);
    expect(await live.until('live')).toBe('live');
    await row('东门报到1号').getByText('在线').waitFor(); // the page refreshes the list by itself
    expect(await row('东门报到1号').getByTestId('last-seen').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await screenshot(page, 'console-tablets-online');
    live.client.close();
    await row('东门报到1号').getByText('离线').waitFor();
    const seen = (await call<DeviceView[]>(srv.app, 'GET', '/api/devices')).body.find((d) => d.id === door.device.id)!;
    expect([seen.online, seen.lastSeenAt !== null]).toEqual([false, true]);
  });

  it('removes a revoked tablet from the list', async () => {
    await row('旧平板').getByRole('button', { name: '停用' }).click();
    await row('旧平板').getByText('已停用').waitFor();
    await row('旧平板').getByRole('button', { name: '移除' }).click();
    await expect.poll(() => row('旧平板').count()).toBe(0);
    expect(await row('东门报到1号').count()).toBe(1);
  });
});
