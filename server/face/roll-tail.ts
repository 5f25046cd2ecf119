// The threshold follows the roll (issue 27, point 2): the stated rate, the fitted impostor tails it is read from, and
// the options Gallery.match gets for a body with N deputies enrolled. The rule itself: shared/face/roll-threshold.ts.
//
// The tails: `npx tsx tests/bench/roll-threshold.ts --k 1` and `--k 2` (BENCHMARKS.md "The threshold for the roll's
// size"), East Asian faces of ../shared/faces (28 people + 8 strangers: the deputies' population), each photo against
// another person's template (the unit mean of their first k photos, as check-in matches), 4,355 pairs; GPD over the
// top 5% by probability-weighted moments, as fitted. The fit is bounded (ξ < 0: endpoint cos 0.57 for k = 1, 0.63 for
// k = 2), so the threshold grows little with N. A cautious reading (ξ raised to 0) cannot reach 1 in 100,000 at any
// cosine below 1 for 300+ enrolled: these 36 faces cannot tell the readings apart. The others' faces (22 people) give
// a heavier tail; this rule is not stated for them. Re-fit on the roll itself when one is at hand.
import type { MatchOptions } from './matcher.js';
import { ARCFACE_MIN_COSINE, ARCFACE_MIN_COSINE_SEVERAL, distanceForCosine, type MatchDefaults } from './match-defaults.js';
import { rollThreshold, type ImpostorTail, type RollThreshold, type RollThresholdRule } from '../../shared/face/roll-threshold.js';

/** The stated rate: at most one stranger in 100,000 check-ins taken for a deputy, whatever the roll's size. */
export const ROLL_FALSE_ACCEPT_RATE = 1e-5;
/** Above this the threshold does not go (the target is then reported as not met): genuine deputies fall to ~80%. */
export const ROLL_MAX_COSINE = 0.7;

const TAIL_ONE_PHOTO: ImpostorTail = { u: 0.2724, share: 0.0501, shape: -0.2153, scale: 0.0639 };
const TAIL_SEVERAL: ImpostorTail = { u: 0.2726, share: 0.0501, shape: -0.1692, scale: 0.0603 };

export const ROLL_RULE_ONE: RollThresholdRule = { tail: TAIL_ONE_PHOTO, rate: ROLL_FALSE_ACCEPT_RATE, floor: ARCFACE_MIN_COSINE, ceiling: ROLL_MAX_COSINE };
export const ROLL_RULE_SEVERAL: RollThresholdRule = { tail: TAIL_SEVERAL, rate: ROLL_FALSE_ACCEPT_RATE, floor: ARCFACE_MIN_COSINE_SEVERAL, ceiling: ROLL_MAX_COSINE };

export interface RollOperatingPoint {
  enrolled: number;
  targetRate: number;
  /** For a deputy enrolled with one photo, and with two or more. */
  one: RollThreshold;
  several: RollThreshold;
}

export function rollOperatingPoint(enrolled: number): RollOperatingPoint {
  return { enrolled, targetRate: ROLL_FALSE_ACCEPT_RATE, one: rollThreshold(ROLL_RULE_ONE, enrolled), several: rollThreshold(ROLL_RULE_SEVERAL, enrolled) };
}

/** Gallery.match's options for a roll of `enrolled` people (unit-length engines: the distance of the cosine). */
export function matchOptionsForRoll(defaults: MatchDefaults, enrolled: number): MatchOptions {
  const point = rollOperatingPoint(enrolled);
  return { ...defaults, threshold: distanceForCosine(point.one.cosine), thresholdSeveral: distanceForCosine(point.several.cosine) };
}
