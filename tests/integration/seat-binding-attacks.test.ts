// Attacks on a seat bound to its deputy (issue 26 point 4), through the real routes with real frames. Each is what a
// plain token-per-vote design lets through — there the 5-minute voter token from the deputy's one identification
// casts for whoever sits down or holds anything up — and each is refused here, as the assertions show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { call, makeApp, type TestApp } from '../helpers/app';
import { NO_DOOR_PACE } from '../helpers/door-pace-off';
import { LOOSE_CHALLENGES } from '../helpers/loose-challenges';
import { FACES_DIR, frontalFrames, heldUp } from '../helpers/fake-camera';
import { newTablet, signHeaders } from '../helpers/devices';
import { checkInAll, openVote, seatTablet, seatTheVenue, type SeatTablet } from '../helpers/seat-tablet';
import type { RunningServer } from '../helpers/server';
import { seedVenue, type Venue } from '../e2e/kiosk-setup';

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

const seatNo = (name: string) => seatOf.get(venue.deputies.find((d) => d.name === name)!.id)!;

/** A tablet at the deputy's seat, bound by one real identification; the voter token it got is returned too. */
async function bound(name: string, photo: string, take: number): Promise<{ tablet: SeatTablet; token: string }> {
  const tablet = await seatTablet(t.app, venue.sittingId, seatNo(name), `seat-${take}`);
  const id = await tablet.identify(photo, take);
  expect(id, JSON.stringify({ ...id, thumbnail: undefined })).toMatchObject({ status: 'identified', deputy: { name } });
  return { tablet, token: (id as { voterToken: string }).voterToken };
}

/** The same JPEG with every pixel brighter by `by` grey levels (a replay retouched to slip a byte or grey print). */
async function brightened(jpeg: Buffer, by: number): Promise<Buffer> {
  const img = await loadImage(jpeg);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height);
  for (let i = 0; i < data.data.length; i += 4) for (let c = 0; c < 3; c++) data.data[i + c] = data.data[i + c]! + by;
  ctx.putImageData(data, 0, 0);
  return canvas.encode('jpeg', 85);
}

/** The same JPEG mirrored left to right. */
async function mirrored(jpeg: Buffer): Promise<Buffer> {
  const img = await loadImage(jpeg);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.translate(img.width, 0);
  ctx.scale(-1, 1);
  ctx.drawImage(img, 0, 0);
  return canvas.encode('jpeg', 85);
}

describe('attacks on a bound seat', () => {
  it('a photo of the deputy held up to the bound seat (their enrolled photo) ends the binding; the old token casts nothing', async () => {
    const { tablet, token } = await bound('吴某某', 'wu_yi/1.jpg', 1);
    const vote = await openVote(t.app, venue, '照片攻击');
    const photo = await heldUp(readFileSync(join(FACES_DIR, 'wu_yi', '2.jpg')));
    expect((await tablet.check(photo)).body).toMatchObject({ status: 'unbound', reason: expect.stringMatching(/^(thumbnail_copy|replayed)$/) });
    // On a token-per-vote design the identification's token would cast here for five minutes.
    expect((await tablet.cast(vote, token)).status).toBe(401);
    expect(await tablet.home()).toMatchObject({ bound: null });
  }, 120_000);

  it('a different person sitting down ends the binding at the next presence frame; neither the old token nor their face casts', async () => {
    const { tablet, token } = await bound('成某某', 'jackie_chan/1.jpg', 2);
    const vote = await openVote(t.app, venue, '换人攻击');
    const other = (await frontalFrames('michelle_kwan/1.jpg', 3)).frontal; // 关某某 takes the seat
    expect(await tablet.presence(other)).toMatchObject({ bound: false, reason: 'other_face' });
    expect((await tablet.cast(vote, token)).status).toBe(401);
    expect((await tablet.check((await frontalFrames('michelle_kwan/1.jpg', 4)).frontal)).body).toEqual({ status: 'unbound', reason: 'other_face' });
    // The clerks see the frame that ended it.
    const { body: refusals } = await call<Array<{ reason: string; deviceId: number }>>(t.app, 'GET', `/api/sittings/${venue.sittingId}/refusals`);
    expect(refusals.some((r) => r.reason === 'not_same_person')).toBe(true);
  }, 120_000);

  it('a replayed frame — sent again as it was, brightened, or mirrored — confirms no ballot and ends the binding', async () => {
    const { tablet } = await bound('关某某', 'michelle_kwan/1.jpg', 5);
    const vote = await openVote(t.app, venue, '重放攻击');
    const genuine = (await frontalFrames('michelle_kwan/1.jpg', 6)).frontal;
    const first = await tablet.check(genuine);
    expect(first.body).toMatchObject({ status: 'confirmed' });
    expect((await tablet.cast(vote, (first.body as { voterToken: string }).voterToken)).body.outcome).toBe('recorded');
    expect((await tablet.check(genuine)).body).toEqual({ status: 'unbound', reason: 'replayed' });
    // Each retouched copy is refused at a newly bound seat too (the tablet's earlier frames are remembered for the sitting).
    for (const [k, copy] of [await brightened(genuine, 4), await brightened(genuine, -6), await mirrored(genuine)].entries()) {
      await tablet.identify('michelle_kwan/1.jpg', 20 + k);
      expect((await tablet.home()).bound).toMatchObject({ name: '关某某' });
      expect((await tablet.presence(copy)).reason, `copy ${k}`).toBe('replayed');
    }
  }, 180_000);

  it('a stolen seat token (the bearer token, without the tablet’s key) cannot keep the seat bound: it lapses after the timeout', async () => {
    await call(t.app, 'PUT', '/api/settings/seat-presence', { noFaceSeconds: 5 }, 200);
    try {
      const { tablet, token } = await bound('朱某某', 'zhu_rongji/4.jpg', 7);
      const vote = await openVote(t.app, venue, '令牌攻击');
      const thief = await newTablet(); // another machine's key, the real tablet's token
      const frame = (await frontalFrames('zhu_rongji/4.jpg', 8)).frontal.toString('base64');
      const stolen = async (url: string, body: unknown) => {
        const payload = JSON.stringify(body);
        const headers = await signHeaders('POST', url, payload, { authorization: `Bearer ${tablet.device.token}`, 'content-type': 'application/json' }, thief.signer);
        return (await t.app.inject({ method: 'POST', url, payload, headers })).statusCode;
      };
      const bare = async (url: string, body: unknown) =>
        (await t.app.inject({ method: 'POST', url, payload: body as never, headers: { authorization: `Bearer ${tablet.device.token}` } })).statusCode;
      const until = Date.now() + 6_000;
      while (Date.now() < until) {
        expect(await stolen('/api/seat/presence', { frame })).toBe(401);
        expect(await bare('/api/seat/presence', { frame })).toBe(401);
        expect(await stolen(`/api/votes/${vote.id}/ballots`, { clientId: `steal${Date.now()}`, voterToken: token, content: { marks: { [vote.options[0]!.id]: 'yes' } } })).toBe(401);
        await new Promise((r) => setTimeout(r, 1_000));
      }
      expect(await tablet.presence()).toMatchObject({ bound: false, reason: 'no_face' });
      expect((await tablet.cast(vote, token)).status).toBe(401);
    } finally {
      await call(t.app, 'PUT', '/api/settings/seat-presence', { noFaceSeconds: 60 }, 200);
    }
  }, 120_000);
});
