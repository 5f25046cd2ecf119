// A push to thousands of tablets: every subscriber gets it once, in version order, while the event loop keeps
// turning between slices (so ballots arriving meanwhile are not held back), and a tablet gone mid-push is skipped.
import { describe, expect, it } from 'vitest';
import { LiveHub, type LiveSource, type Subscriber } from '../../server/services/live-hub';
import type { MeetingState, ServerMessage } from '../../shared/protocol';
import type { VoteView } from '../../shared/views';

const source: LiveSource = {
  snapshot: async () => ({ attendance: [], votes: [], agenda: [] }) as unknown as MeetingState,
  attendance: async () => {
    throw new Error('not used');
  },
  vote: async (id) => ({ id, state: 'open' }) as VoteView,
  agenda: async (sittingId) => ({ sittingId, currentItemId: null, items: [] }),
};

function tablets(n: number, onSend?: (i: number) => void) {
  const got: number[][] = Array.from({ length: n }, () => []);
  const subs: Subscriber[] = got.map((versions, i) => ({
    send: () => undefined, // the snapshot on subscribe
    sendRaw: (data: Buffer) => {
      versions.push((JSON.parse(data.toString()) as ServerMessage & { version: number }).version);
      onSend?.(i);
    },
  }));
  return { got, subs };
}

describe('live hub fan-out', () => {
  it('reaches 1,000 tablets once each, in order, yielding to the event loop between slices', async () => {
    const hub = new LiveHub(0);
    hub.setSource(source);
    let turnsDuringPush = 0;
    let pushing = false;
    const { got, subs } = tablets(1000, (i) => {
      if (i === 0) {
        pushing = true;
        const tick = () => {
          if (!pushing) return;
          turnsDuringPush += 1;
          setImmediate(tick);
        };
        setImmediate(tick);
      }
      if (i === 999) pushing = false;
    });
    for (const sub of subs) await hub.subscribe(1, sub, 'kiosk');
    hub.voteChanged(1, 7, 'state');
    await hub.drain();
    hub.voteChanged(1, 7, 'state');
    await hub.drain();
    expect(got.every((versions) => versions.join() === '1,2')).toBe(true);
    expect(turnsDuringPush).toBeGreaterThanOrEqual(3); // 1,000 sockets at 250 per turn
    hub.close();
  });

  it('skips a tablet that goes away while the push is under way', async () => {
    const hub = new LiveHub(0);
    hub.setSource(source);
    const { got, subs } = tablets(600, (i) => i === 0 && hub.unsubscribe(subs[500]!));
    for (const sub of subs) await hub.subscribe(1, sub, 'kiosk');
    hub.voteChanged(1, 7, 'state');
    await hub.drain();
    expect(got[500]).toEqual([]);
    expect(got.filter((v) => v.length === 1)).toHaveLength(599);
    hub.close();
  });
});
