// The door's pace (shared/rules/door-pace.ts: 4 s floor, 10 a minute per door tablet) switched off, for tests that
// put several people through one door tablet but are not about pacing: their gaps depend on how fast the machine
// runs (a fast idle one can bring two people under 4 s, and the second would be held). The pace keeps its real
// limits in the tests about it: tests/unit/rules/door-pace.test.ts, tests/integration/door-pace.test.ts,
// tests/e2e/kiosk-door-paused.test.ts and tests/e2e/console-face-watch.test.ts.
import type { DoorPaceLimits } from '../../shared/rules';

export const NO_DOOR_PACE: Readonly<DoorPaceLimits> = Object.freeze({ floorMs: 0, perMinute: Number.MAX_SAFE_INTEGER });
