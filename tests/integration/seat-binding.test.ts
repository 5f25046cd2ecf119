// A seat tablet belongs to a seat and is bound to its deputy for the sitting (issue 26 points 3 and 4), with real
// face models and real frames (the test camera's, from ../shared/faces; photo 1 of each person is never enrolled).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeApp, type TestApp } from '../helpers/app';
import { NO_DOOR_PACE } from '../helpers/door-pace-off';
import { LOOSE_CHALLENGES } from '../helpers/loose-challenges';
import { frontalFrames } from '../helpers/fake-camera';
import { checkInAll, openVote, seatTablet, seatTheVenue } from '../helpers/seat-tablet';
import type { RunningServer } from '../helpers/server';
import { deputyNamed, seedVenue, type Venue } from '../e2e/kiosk-setup';
import type { SeatBindingView } from '../../shared/seat-binding';
import type { DeviceView } from '../../shared/views';

let t: TestApp;
let venue: Venue;
let seatOf: Map<number, number>;

beforeAll(async () => {
  t = await makeApp({ challengeRate: LOOSE_CHALLENGES, doorPace: NO_DOOR_PACE });
  venue = await seedVenue({ app: t.app, cookie: t.cookie } as RunningServer);
  seatOf = await seatTheVenue(t.app, venue);
  await checkInAll(t.app, venue);
}, 180_000);
afterAll(() => t.close());

const wu = () => deputyNamed(venue, '吴某某');
const zhu = () => deputyNamed(venue, '朱某某');
const kwan = () => deputyNamed(venue, '关某某');
const chan = () => deputyNamed(venue, '成某某');

describe('a seat tablet belongs to a seat', () => {
  it('is given its seat by a clerk, shows it by the hall label and greets that seat’s deputy', async () => {
    const tablet = await seatTablet(t.app, venue.sittingId, seatOf.get(wu().id)!);
    const { body: listed } = await call<DeviceView[]>(t.app, 'GET', '/api/devices');
    expect(listed.find((d) => d.id === tablet.device.device.id)).toMatchObject({ seatId: seatOf.get(wu().id), seat: '1排1座' });
    expect(await tablet.home()).toMatchObject({ seatLabel: '1排1座', seatDeputy: { name: '吴某某' }, bound: null });
    // A seat of another body's hall, or an unknown one, is refused in Chinese.
    const bad = await call<{ error: { message: string } }>(t.app, 'PATCH', `/api/devices/${tablet.device.device.id}`, { seatId: 999_999 });
    expect(bad.status).toBe(404);
    expect(bad.body.error.message).toMatch(/^找不到该座位/);
  });
});

describe('bound for the sitting', () => {
  it('one deputy casting 20 votes in a row: 1 challenge, then 20 quick checks, each ballot counted', async () => {
    const tablet = await seatTablet(t.app, venue.sittingId, seatOf.get(wu().id)!, 'seat-20');
    const id = await tablet.identify('wu_yi/1.jpg', 1);
    expect(id).toMatchObject({ status: 'identified', deputy: { name: '吴某某' } });
    expect((await tablet.home()).bound).toMatchObject({ name: '吴某某' });
    for (let i = 0; i < 20; i++) {
      const vote = await openVote(t.app, venue, `第${i + 1}项决议`);
      const frame = (await frontalFrames('wu_yi/1.jpg', 10 + i)).frontal; // a fresh frame: the camera never repeats one
      const check = await tablet.check(frame);
      expect(check.body, `vote ${i + 1}`).toMatchObject({ status: 'confirmed', deputy: { name: '吴某某' } });
      const token = (check.body as { voterToken: string }).voterToken;
      expect((await tablet.cast(vote, token)).body.outcome).toBe('recorded');
      // One quick check, one ballot: the same token does not cast a second request.
      expect((await tablet.cast(vote, token)).status).toBe(401);
      const { body } = await call<{ cast: number }>(t.app, 'GET', `/api/votes/${vote.id}`);
      expect(body.cast).toBe(1);
    }
    expect(tablet.calls).toMatchObject({ challenge: 1, identify: 1, check: 20 });
  }, 300_000);

  it('a deputy at another deputy’s seat is identified 1:N and the clerks see 代表未在本座位', async () => {
    const tablet = await seatTablet(t.app, venue.sittingId, seatOf.get(wu().id)!, 'seat-away');
    expect(await tablet.identify('michelle_kwan/1.jpg', 2)).toMatchObject({ status: 'identified', deputy: { name: '关某某' } });
    const { body } = await call<SeatBindingView[]>(t.app, 'GET', `/api/sittings/${venue.sittingId}/seat-bindings`);
    const row = body.find((b) => b.deviceId === tablet.device.device.id);
    expect(row).toMatchObject({ deputy: { id: kwan().id, name: '关某某' }, atSeat: '1排1座', ownSeat: '1排5座', away: true });
    // The seat's own deputy is not marked.
    const own = await seatTablet(t.app, venue.sittingId, seatOf.get(chan().id)!, 'seat-own');
    expect(await own.identify('jackie_chan/1.jpg', 3)).toMatchObject({ status: 'identified', deputy: { name: '成某某' } });
    const after = (await call<SeatBindingView[]>(t.app, 'GET', `/api/sittings/${venue.sittingId}/seat-bindings`)).body;
    expect(after.find((b) => b.deviceId === own.device.device.id)).toMatchObject({ away: false, ownSeat: '1排4座' });
    // A clerk moving the tablet to another seat ends its binding: the next ballot needs a full identification.
    await call(t.app, 'PATCH', `/api/devices/${tablet.device.device.id}`, { seatId: seatOf.get(zhu().id) }, 200);
    expect(await tablet.home()).toMatchObject({ seatLabel: '1排2座', seatDeputy: { name: '朱某某' }, bound: null });
    expect((await tablet.check((await frontalFrames('michelle_kwan/1.jpg', 40)).frontal)).body).toEqual({ status: 'unbound', reason: 'device_changed' });
  }, 120_000);
});
