// The door's physics as a pure rule (shared/rules/door-pace.ts): the floor between two acceptances of one tablet and
// the ceiling per minute, with the figures the README gives.
import { describe, expect, it } from 'vitest';
import { DOOR_PACE, doorPace } from '../../../shared/rules';

const s = (seconds: number) => seconds * 1000;

describe('doorPace', () => {
  it('keeps the limits the README states: 4 s floor, 10 a minute', () => {
    expect(DOOR_PACE).toEqual({ floorMs: 4000, perMinute: 10 });
  });

  it('accepts the first check-in and a real queue (a person every 6.6 s, the fastest measured flow plus the result screen)', () => {
    expect(doorPace([], s(0))).toEqual({ ok: true });
    const queue = Array.from({ length: 9 }, (_, i) => i * 6600);
    expect(doorPace(queue, 9 * 6600)).toEqual({ ok: true }); // the 10th within a minute
  });

  it('refuses an acceptance closer than the floor to the previous one', () => {
    expect(doorPace([s(10)], s(13.9))).toEqual({ ok: false, kind: 'floor', gapMs: 3900 });
    expect(doorPace([s(10)], s(14))).toEqual({ ok: true });
    expect(doorPace([s(1), s(10), s(5)], s(11))).toMatchObject({ kind: 'floor', gapMs: 1000 }); // order does not matter
  });

  it('refuses the 11th acceptance within a minute, each more than the floor apart', () => {
    const ten = Array.from({ length: 10 }, (_, i) => s(i * 5));
    expect(doorPace(ten, s(50))).toEqual({ ok: false, kind: 'ceiling', count: 11 });
    expect(doorPace(ten, s(60.5))).toEqual({ ok: true }); // the first one has left the window
  });

  it('ignores acceptances after the moment judged (a clock read earlier)', () => {
    expect(doorPace([s(20)], s(10))).toEqual({ ok: true });
  });

  it("catches the review's door: dozens a minute through one tablet", () => {
    const burst = Array.from({ length: 35 }, (_, i) => i * 1500);
    const verdicts = burst.map((at, i) => doorPace(burst.slice(0, i), at));
    expect(verdicts.findIndex((v) => !v.ok)).toBe(1);
  });
});
