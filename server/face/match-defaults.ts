// Check-in matching defaults, one set per kind of descriptor, chosen so that nobody can check in for somebody else on
// our users' faces, whatever that costs in refusals (a refusal goes to a clerk: 人工补签).
//
// The case that decides it is the stand-in (代签): the person in front of the kiosk is NOT enrolled or not present,
// and another deputy, enrolled with 1–3 photos, is nearest. `npx tsx tests/bench/face-impostors.ts --engine <e>`
// tries every photo of every person in ../shared/faces against every other person of the same group enrolled with
// 1, 2 and 3 photos (mean and best). The margin rule cannot help there: the stand-in's own photos are not in the
// gallery, so no second person is close. A real roster brings more look-alikes than these 50 people: re-run
// face-impostors on it before relaxing.
//
// arcface (the default engine, bundled MobileFaceNet fed B,G,R; unit-length 512-d, so Euclidean d = sqrt(2 − 2·cos)):
// the closest East Asian stand-ins are kim_ryong_sung/5 → jackie_chan at cos 0.533 when jackie is enrolled with 3
// photos (mean), 0.529 with 2, but 0.480 with 1 photo; hu_jintao/5 → wen_jiabao 0.471 (k=3). Others: 0.349. A mean
// of several photos is a cleaner template, so look-alikes score higher against it as well as the person: one
// threshold for a person enrolled with one photo, cos ≥ 0.50 (0.020 above the closest stand-in), and a stricter one
// with two or more, cos ≥ 0.55 (0.017 above). At these, genuine check-ins accepted (face-impostors, the person's
// other photos probed): East Asian k=1 97.6%, k=2 100%, k=3 100%; others 97.2%, 96.5%, 96.8%. face:eval (everyone
// enrolled with k photos): zero false accepts (wrong person, strangers, spoofs, no-face) at k = 1, 2, 3. The margin
// (0.06 in distance) refuses a face two enrolled deputies explain almost equally well. BENCHMARKS.md "Recognition v2".
//
// faceapi (faceRecognitionNet, 128-d, not unit length): closest East Asian stand-ins 0.342 (wen_jiabao/5 → hu_jintao
// enrolled with 3 photos, mean), 0.353, 0.355; 0.32 keeps every one out with 0.022 to spare, and accepts only East
// Asian k=1 29%, k=2 54%, k=3 61% of genuine check-ins: the model cannot separate Chinese faces (issue 12).
import type { FaceEngine } from './engine.js';
import type { MatchOptions } from './matcher.js';

export type MatchDefaults = Readonly<Required<Pick<MatchOptions, 'threshold' | 'thresholdSeveral' | 'margin' | 'strategy'>>>;

/**
 * Unit-length descriptors: the matcher's Euclidean distance d and cosine c are one rule, d = sqrt(2 − 2c). The
 * threshold is given as the cosine it stands for.
 */
export const ARCFACE_MIN_COSINE = 0.5;
/** With two or more photos enrolled (see above). */
export const ARCFACE_MIN_COSINE_SEVERAL = 0.55;
export const ARCFACE_MATCH_OPTIONS: MatchDefaults = {
  threshold: distanceForCosine(ARCFACE_MIN_COSINE),
  thresholdSeveral: distanceForCosine(ARCFACE_MIN_COSINE_SEVERAL),
  margin: 0.06,
  strategy: 'mean',
};

export const FACEAPI_MATCH_OPTIONS: MatchDefaults = { threshold: 0.32, thresholdSeveral: 0.32, margin: 0.06, strategy: 'mean' };

/** The defaults of the default engine (arcface). */
export const DEFAULT_MATCH_OPTIONS = ARCFACE_MATCH_OPTIONS;

/** Defaults for an engine's descriptors: arcface's for unit-length (cosine) engines, faceapi's otherwise. */
export function matchDefaultsFor(engine: Pick<FaceEngine, 'unitLength'>): MatchDefaults {
  return engine.unitLength ? ARCFACE_MATCH_OPTIONS : FACEAPI_MATCH_OPTIONS;
}

export function distanceForCosine(cos: number): number {
  return Math.sqrt(2 - 2 * cos);
}
