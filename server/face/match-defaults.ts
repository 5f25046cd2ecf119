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
// arcface (the default engine): ARCFACE_NOTE_PLACEHOLDER
//
// faceapi (faceRecognitionNet, 128-d, not unit length): closest East Asian stand-ins 0.342 (wen_jiabao/5 → hu_jintao
// enrolled with 3 photos, mean), 0.353, 0.355; 0.32 keeps every one out with 0.022 to spare, and accepts only East
// Asian k=1 29%, k=2 54%, k=3 61% of genuine check-ins: the model cannot separate Chinese faces (issue 12).
import type { FaceEngine } from './engine.js';
import type { MatchOptions } from './matcher.js';

export type MatchDefaults = Readonly<Required<Pick<MatchOptions, 'threshold' | 'margin' | 'strategy'>>>;

/**
 * Unit-length descriptors: the matcher's Euclidean distance d and cosine c are one rule, d = sqrt(2 − 2c). The
 * threshold is given as the cosine it stands for.
 */
export const ARCFACE_MIN_COSINE = 0.5;
export const ARCFACE_MATCH_OPTIONS: MatchDefaults = {
  threshold: distanceForCosine(ARCFACE_MIN_COSINE),
  margin: 0.06,
  strategy: 'mean',
};

export const FACEAPI_MATCH_OPTIONS: MatchDefaults = { threshold: 0.32, margin: 0.06, strategy: 'mean' };

/** The defaults of the default engine (arcface). */
export const DEFAULT_MATCH_OPTIONS = ARCFACE_MATCH_OPTIONS;

/** Defaults for an engine's descriptors: arcface's for unit-length (cosine) engines, faceapi's otherwise. */
export function matchDefaultsFor(engine: Pick<FaceEngine, 'unitLength'>): MatchDefaults {
  return engine.unitLength ? ARCFACE_MATCH_OPTIONS : FACEAPI_MATCH_OPTIONS;
}

export function distanceForCosine(cos: number): number {
  return Math.sqrt(2 - 2 * cos);
}
