// 人脸校对 live (issue 21, point 5): a console on the real WebSocket receives each check-in as it happens — who, when,
// by which tablet, whether held — and the door alarms, in the sitting's attendance push; a held check-in (存疑)
// reaches it at once with the lower 实到. A door tablet's socket, on the same sitting, never gets that part.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient, type SocketLike } from '../../shared/live-client';
import type { MeetingState } from '../../shared/protocol';
import { call, makeApp, signIn, type TestApp } from '../helpers/app';
import { pairDevice, lazySigner } from '../helpers/devices';
import { checkIn, seedSitting, type Sitting } from '../helpers/fixtures';
import { listen, watch } from '../helpers/live';

let t: TestApp;
let s: Sitting;
let host: string;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 5);
  host = await listen(t.app);
});
afterAll(() => t.close());

const ofSitting = (st: MeetingState) => st.attendance.find((a) => a.sittingId === s.sittingId)!;

describe('人脸校对 over the live socket', () => {
  it('pushes each check-in, then its hold, to a watching console', async () => {
    const w = watch(host, s.meeting.id, t.cookie);
    const first = await w.until(() => true);
    expect(ofSitting(first).watch).toEqual({ checkins: [], alarms: [] });
    await checkIn(t.app, s, [s.deputyIds[0]!, s.deputyIds[1]!]);
    const pid = s.participantOf.get(s.deputyIds[1]!)!;
    const seen = await w.until((st) => (ofSitting(st).watch?.checkins.length ?? 0) === 2);
    expect(ofSitting(seen).watch!.checkins[0]).toMatchObject({ participantId: pid, name: '代表2', method: 'manual', review: null, at: expect.any(String) });
    expect(w.messages.filter((m) => m.type === 'attendance').length).toBeGreaterThan(0); // pushed, not a new snapshot

    const clerk = await signIn(t.app, 'clerk', 'door-clerk');
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/checkins/${pid}/doubt`, undefined, 200, clerk);
    const held = await w.until((st) => ofSitting(st).watch?.checkins[0]?.review?.state === 'doubted');
    expect(ofSitting(held)).toMatchObject({ present: 1 });
    w.client.close();
  });

  it("never sends it to a door tablet's socket", async () => {
    const door = await pairDevice(t.app, 'door', s.sittingId, 'east-door');
    const states: MeetingState[] = [];
    const client = new LiveClient({
      origin: `ws://${host}`,
      meetingId: s.meeting.id,
      view: 'console',
      device: lazySigner(door.token),
      connect: (url) => new WebSocket(url) as unknown as SocketLike,
      onState: (st) => states.push(st),
    });
    for (let i = 0; i < 100 && states.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(states.length).toBeGreaterThan(0);
    await checkIn(t.app, s, [s.deputyIds[2]!]);
    for (let i = 0; i < 100 && ofSitting(states.at(-1)!).present !== 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(ofSitting(states.at(-1)!).present).toBe(2);
    expect(states.every((st) => st.attendance.every((a) => a.watch === undefined))).toBe(true);
    client.close();
  });
});
