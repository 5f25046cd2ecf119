// The head-turn rule both sides apply: the kiosk live, frame by frame, to guide the deputy and pick the frames it
// sends; the server again on those frames, from its own landmarks, because what decides is never the tablet's word.
import { widthShare, yawOf, type Point } from './geometry';

/** The side the server asked for (its challenge), seen from the deputy. */
export type TurnSide = 'left' | 'right';

/** A face this far off frontal (yaw units, see yawOf) is not a frontal frame. */
export const MAX_FRONT_YAW = 0.3;
/** The turn that counts: well beyond frame-to-frame jitter of a still face (< 0.02). */
export const TURN_DELTA = 0.12;
/** How close to the frontal yaw the face must come back. */
export const RETURN_DELTA = 0.06;
/**
 * Share of the frontal face's width (widthShare) a frame must keep to count: a head turned as asked keeps > 90%
 * (cos 20° = 0.94); a photo tilted by more than ~30° keeps less, and its landmarks are the ones that slip.
 */
export const MIN_WIDTH = 0.86;

/** Positive when the yaw moved toward the asked side: the person's left moves the nose to the image's right. */
export function towardSide(yaw: number, baseline: number, side: TurnSide): number {
  return (yaw - baseline) * (side === 'left' ? 1 : -1);
}

export type TurnVerdict = { ok: true; turn: number } | { ok: false; why: 'not_frontal' | 'no_turn' | 'wrong_side' | 'not_back' | 'tilted' };

/**
 * The server's check of three frames: frontal, turned to `side` by at least TURN_DELTA, back within `returnDelta`
 * of frontal; none narrower than MIN_WIDTH of the frontal face. The server's detector places the landmarks a little
 * differently from the kiosk's (another detector box), hence the slack it passes for the return.
 */
export function checkTurnFrames(
  side: TurnSide,
  frontal: readonly Point[],
  turned: readonly Point[],
  back: readonly Point[],
  returnDelta = RETURN_DELTA,
): TurnVerdict {
  const base = yawOf(frontal);
  if (Math.abs(base) > MAX_FRONT_YAW) return { ok: false, why: 'not_frontal' };
  const width = widthShare(frontal);
  if (widthShare(turned) < MIN_WIDTH * width || widthShare(back) < MIN_WIDTH * width) return { ok: false, why: 'tilted' };
  const turn = towardSide(yawOf(turned), base, side);
  if (turn <= -TURN_DELTA) return { ok: false, why: 'wrong_side' };
  if (turn < TURN_DELTA) return { ok: false, why: 'no_turn' };
  if (Math.abs(yawOf(back) - base) > returnDelta) return { ok: false, why: 'not_back' };
  return { ok: true, turn };
}
