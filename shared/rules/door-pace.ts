// The door's physics: how fast one door tablet can accept real people. A person walks up, is guided, turns their
// head on the server's challenge and reads 报到成功 (the kiosk holds that screen RESULT_MS.reply = 4 s before it looks
// for the next face); measured face visible → 报到成功 is 2.6 s at the fastest, 2.8–5.0 s median (BENCHMARKS.md,
// "Door kiosk"). So two genuine check-ins at one tablet are at least ~6.6 s apart, and a queue with nobody
// dawdling gives at most ~9 a minute. A tablet that accepts faster is being fed photos, not people (issue 21: one
// tablet accepted dozens of deputies a minute). The server judges each acceptance with this rule; past it the
// tablet pauses (可疑报到) until a clerk clears the alarm.

/** The limits of one door tablet. */
export interface DoorPaceLimits {
  /** Least time between two accepted face check-ins at one tablet (ms). */
  floorMs: number;
  /** Most accepted face check-ins at one tablet in any WINDOW_MS. */
  perMinute: number;
}

export const DOOR_WINDOW_MS = 60_000;

/**
 * 4 s floor: under the 6.6 s a genuine pair takes at the fastest measured (result screen + quickest flow), margin
 * for upload and server time varying between two people. 10 a minute: above the ~9 a queue of real people can reach
 * with no walking at all (a real queue, with a step up to the tablet, gives 5–7).
 */
export const DOOR_PACE: Readonly<DoorPaceLimits> = Object.freeze({ floorMs: 4_000, perMinute: 10 });

/** Within the door's physics, or which limit one more acceptance now would break. */
export type DoorPaceVerdict =
  | { ok: true }
  | { ok: false; kind: 'floor'; gapMs: number }
  | { ok: false; kind: 'ceiling'; count: number };

/**
 * Judges one more acceptance at `at` (ms) given the tablet's earlier acceptances (ms, any order; those older than the
 * window or later than `at` are ignored).
 */
export function doorPace(earlier: readonly number[], at: number, limits: DoorPaceLimits = DOOR_PACE): DoorPaceVerdict {
  const past = earlier.filter((t) => t <= at);
  const last = past.length > 0 ? Math.max(...past) : null;
  if (last !== null && at - last < limits.floorMs) return { ok: false, kind: 'floor', gapMs: at - last };
  const count = past.filter((t) => t > at - DOOR_WINDOW_MS).length + 1;
  if (count > limits.perMinute) return { ok: false, kind: 'ceiling', count };
  return { ok: true };
}
