// A revoked tablet is refused at once, also on a WebSocket it already has open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeApp, type TestApp } from '../helpers/app';
import { pairDevice } from '../helpers/devices';
import { seedSitting, type Sitting } from '../helpers/fixtures';
import { listen, tablet } from '../helpers/live';

let t: TestApp;
let s: Sitting;
let host: string;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 3);
  host = await listen(t.app);
});
afterAll(() => t.close());

const tabletFor = (deviceToken: string) => tablet(host, s.meeting.id, deviceToken);

describe('tablet sockets', () => {
  it('lets a paired tablet subscribe, and closes its open socket the moment it is revoked', async () => {
    const p = await pairDevice(t.app, 'seat', s.sittingId);
    const tab = tabletFor(p.token);
    expect(await tab.until('live')).toBe('live');
    expect(t.app.ctx.hub.subscriberCount(s.meeting.id)).toBe(1);
    await call(t.app, 'POST', `/api/devices/${p.device.id}/revoke`, undefined, 200);
    expect(await tab.until('unauthorized')).toBe('unauthorized');
    await new Promise((r) => setTimeout(r, 300));
    expect(tab.client.status).toBe('unauthorized'); // and it does not reconnect
    expect(t.app.ctx.hub.subscriberCount(s.meeting.id)).toBe(0);
    tab.client.close();
  });

  it('refuses an unknown token on hello', async () => {
    const tab = tabletFor('0'.repeat(64));
    expect(await tab.until('unauthorized')).toBe('unauthorized');
    expect(tab.statuses).not.toContain('live');
    tab.client.close();
  });
});
