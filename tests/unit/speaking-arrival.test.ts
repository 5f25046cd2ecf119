// The arrival gate of requests to speak: each request reaches the writer only after every one that came before it,
// whatever order their checks finish in; one that never gets there holds the others at most a bounded time.
import { describe, expect, it } from 'vitest';
import { ArrivalGate, arrivalTicket } from '../../server/services/speaking-arrival';
import { formatCountdown, limitFor, newer, secondsLeft } from '../../shared/speaking';

describe('arrival gate', () => {
  it('lets requests through in ticket order when their checks finish in the reverse order', async () => {
    const gate = new ArrivalGate();
    const tickets = [gate.take(), gate.take(), gate.take()];
    const order: number[] = [];
    // The last to arrive finishes its checks first, the first last.
    const runs = [...tickets].reverse().map(async (t, i) => {
      await new Promise((r) => setTimeout(r, i * 10));
      await gate.turn(t);
      order.push(t);
      gate.release(t);
    });
    await Promise.all(runs);
    expect(order).toEqual(tickets);
  });

  it('a request refused before its turn (released unused) does not hold the next one', async () => {
    const gate = new ArrivalGate();
    const refused = gate.take();
    const next = gate.take();
    const passed = gate.turn(next).then(() => 'through');
    gate.release(refused);
    expect(await passed).toBe('through');
  });

  it('tickets only grow, and start above the wall clock in microseconds (a restart keeps the order)', () => {
    const a = arrivalTicket();
    const b = arrivalTicket();
    expect(b).toBeGreaterThan(a);
    expect(a).toBeGreaterThanOrEqual(Date.now() * 1000 - 1_000_000);
  });
});

describe('speaking rules', () => {
  it('an item’s own limit, else the sitting’s', () => {
    const limits = { sitting: 300, items: { '7': 180 } };
    expect(limitFor(limits, 7)).toBe(180);
    expect(limitFor(limits, 8)).toBe(300);
    expect(limitFor(limits, null)).toBe(300);
  });

  it('counts down on the server clock whatever the local clock says', () => {
    const serverNow = Date.parse('2026-12-07T01:00:00Z');
    const endsAt = '2026-12-07T01:05:00Z';
    const localFast = serverNow + 10 * 60_000; // this PC's clock is ten minutes fast
    const skew = serverNow - localFast;
    expect(secondsLeft(endsAt, skew, localFast)).toBe(300);
    expect(secondsLeft(endsAt, skew, localFast + 301_000)).toBe(-1);
    expect(formatCountdown(300)).toBe('5:00');
    expect(formatCountdown(-12)).toBe('−0:12');
  });

  it('keeps the newer of two views', () => {
    expect(newer({ seq: 5 }, { seq: 4 })).toEqual({ seq: 5 });
    expect(newer({ seq: 5 }, { seq: 6 })).toEqual({ seq: 6 });
    expect(newer(undefined, { seq: 1 })).toEqual({ seq: 1 });
  });
});
