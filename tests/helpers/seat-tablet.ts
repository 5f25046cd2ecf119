// A seat tablet of the test venue at its hall seat, driven through the real routes with real frames: identify (the
// head-turn challenge), the quick check of a ballot, presence frames, casting. Shared by the seat-binding tests and
// the quick-check bench. The hall is made with the hall's own repository (its routes are the hall branch's).
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { SeatCheckReply, SeatHomeView, SeatPresenceReply } from '../../shared/seat-binding';
import type { SeatIdentifyReply, VoteView } from '../../shared/views';
import { insertAssignment, insertSeats, insertSection, findHall } from '../../server/repositories/seats-repository';
import { call } from './app';
import { inject, pairDevice, type PairedDevice } from './devices';
import { headTurnFrames } from './fake-camera';
import type { Venue } from '../e2e/kiosk-setup';

/** One row of seats (代表席), the venue's deputies seated in roster order; deputy id → seat id. */
export async function seatTheVenue(app: FastifyInstance, venue: Venue): Promise<Map<number, number>> {
  await app.ctx.db.write(async (tx) => {
    const section = await insertSection(tx, venue.body.id, '代表席', 'floor');
    await insertSeats(tx, section, Array.from({ length: 2 }, (_, r) => Array.from({ length: 8 }, (_, s) => ({ row: r + 1, seat: s + 1 }))).flat());
  });
  const seats = (await findHall(app.ctx.db, venue.body.id)).sections[0]!.seats;
  const seatOf = new Map<number, number>();
  await app.ctx.db.write(async (tx) => {
    for (const [i, d] of venue.deputies.entries()) {
      await insertAssignment(tx, venue.sittingId, seats[i]!.id, venue.participantOf.get(d.id)!);
      seatOf.set(d.id, seats[i]!.id);
    }
  });
  return seatOf;
}

export async function checkInAll(app: FastifyInstance, venue: Venue): Promise<void> {
  for (const participantId of venue.participantOf.values()) {
    await call(app, 'POST', `/api/sittings/${venue.sittingId}/checkins/manual`, { participantId, reason: '测试补签' }, 201);
  }
}

type Side = 'left' | 'right';

/** Routes a tablet called, counted: what "1 challenge + 20 quick checks" is measured by. */
export type Calls = Record<'challenge' | 'identify' | 'check' | 'presence' | 'cast', number>;

export interface SeatTablet {
  device: PairedDevice;
  calls: Calls;
  home(): Promise<SeatHomeView>;
  /**
   * A full identification of the person in `photo` (a head turn, as the test camera makes it). A turn the server did
   * not see as one (the test camera's warp falls short on some takes) is tried again with another take, as a kiosk
   * asks the person again.
   */
  identify(photo: string | Buffer, take: number): Promise<SeatIdentifyReply>;
  check(frame: Buffer): Promise<{ status: number; body: SeatCheckReply }>;
  presence(frame?: Buffer): Promise<SeatPresenceReply>;
  cast(vote: VoteView, voterToken: string, clientId?: string): Promise<{ status: number; body: { outcome?: string; error?: { code: string } } }>;
}

const json = <T>(res: { statusCode: number; body: string }) => ({ status: res.statusCode, body: JSON.parse(res.body) as T });

export async function seatTablet(app: FastifyInstance, sittingId: number, seatId: number | null, name = 'seat'): Promise<SeatTablet> {
  const device = await pairDevice(app, 'seat', sittingId, name);
  if (seatId !== null) await call(app, 'PATCH', `/api/devices/${device.device.id}`, { seatId }, 200);
  const calls: Calls = { challenge: 0, identify: 0, check: 0, presence: 0, cast: 0 };
  const post = (url: string, payload: unknown) => inject(app, { method: 'POST', url, headers: device.headers, payload: payload as never });
  return {
    device,
    calls,
    home: async () => json<SeatHomeView>(await inject(app, { method: 'GET', url: '/api/seat/home', headers: device.headers })).body,
    async identify(photo, take) {
      let reply: SeatIdentifyReply | null = null;
      for (let k = 0; k < 3 && (!reply || (reply.status !== 'identified' && reply.reason === 'turn')); k++) {
        // Both sides drawn before the challenge is asked for: drawing takes seconds on a loaded machine, the challenge 30 s.
        const sets = { left: await headTurnFrames(photo, 'left', take + 1000 * k), right: await headTurnFrames(photo, 'right', take + 1000 * k) };
        calls.challenge++;
        const ch = json<{ nonce: string; side: Side }>(await post('/api/face/challenge', {})).body;
        const set = sets[ch.side];
        calls.identify++;
        const frames = { frontal: set.frontal.toString('base64'), turned: set.turned.toString('base64'), back: set.back.toString('base64') };
        reply = json<SeatIdentifyReply>(await post('/api/seat/identify', { nonce: ch.nonce, frames })).body;
      }
      return reply!;
    },
    async check(frame) {
      calls.check++;
      return json<SeatCheckReply>(await post('/api/seat/check', { frame: frame.toString('base64') }));
    },
    async presence(frame) {
      calls.presence++;
      return json<SeatPresenceReply>(await post('/api/seat/presence', frame ? { frame: frame.toString('base64') } : {})).body;
    },
    async cast(vote, voterToken, clientId = randomUUID()) {
      calls.cast++;
      const content = { marks: { [String(vote.options[0]!.id)]: 'yes' } };
      return json(await post(`/api/votes/${vote.id}/ballots`, { clientId, voterToken, content }));
    },
  };
}

/** A resolution vote of the venue's sitting, opened. */
export async function openVote(app: FastifyInstance, venue: Venue, title: string): Promise<VoteView> {
  const { body: item } = await call<{ id: number }>(app, 'POST', `/api/sittings/${venue.sittingId}/agenda`, { title }, 201);
  const { body: vote } = await call<VoteView>(app, 'POST', `/api/agenda/${item.id}/votes`, { kind: 'resolution', title, secrecy: 'open' }, 201);
  await call(app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
  return vote;
}
