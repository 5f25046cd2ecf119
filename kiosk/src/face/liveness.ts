// Liveness by a head turn on request: a printed photo or a still image cannot pass.
//
// 1. settle: the face holds still and frontal for a few frames; its yaw then is the baseline.
// 2. turn:   the kiosk asks for a turn to a side chosen at random ("请向左转头"/"请向右转头"); the nose must move
//            at least TURN_DELTA across the face toward that side, relative to the jaw and chin (yawOf), in
//            SUSTAIN_FRAMES frames running.
// 3. return: the face comes back to within RETURN_DELTA of the baseline, again in SUSTAIN_FRAMES frames running;
//            the last is the one captured.
// The face must stay the same tracked face throughout (box overlap frame to frame), or the check restarts.
//
// Why a photo cannot pass: yawOf is invariant under every affine map, so moving, rotating, scaling or tilting a
// flat picture leaves it where it was; a still image changes nothing at all. In practice the landmark net errs on
// a steeply tilted photo, and one frame's error can look like a turn (seen once in CI, under load); a turn must
// therefore hold for consecutive frames, which a real head does and a single landmark slip does not. The slips come
// with steep tilts (seen again in CI: two frames running, at tilts that narrowed the face to 74–84% of its frontal
// width — widthShare), so a frame narrower than MIN_WIDTH of the settled face counts neither as turned nor as back.
// Only a nose standing out of the face plane, turning, moves it by TURN_DELTA. The random side defeats a replay of one recorded turn half the
// time, and the evidence photo of every check-in is kept for the clerk to audit.
import { iou, widthShare, yawOf, type SeenFace } from '../../../shared/face/geometry';
import { MAX_FRONT_YAW, MIN_WIDTH, RETURN_DELTA, TURN_DELTA, towardSide, type TurnSide } from '../../../shared/face/head-turn';

export { MAX_FRONT_YAW, MIN_WIDTH, RETURN_DELTA, TURN_DELTA, type TurnSide };

export type LivenessPrompt = 'guideHold' | 'guideFront' | 'guideTurnLeft' | 'guideTurnRight' | 'guideTurnBack' | 'guideTurnAgain';

export type LivenessStep =
  | { done: false; prompt: LivenessPrompt }
  | { done: true; score: number; method: string };

export const LIVENESS_METHOD = 'head-turn-yaw';
/** Baseline frames and how much their yaw may spread. */
export const SETTLE_FRAMES = 3;
export const SETTLE_SPREAD = 0.05;
export const TURN_TIMEOUT_MS = 8000;
/**
 * Consecutive frames a turn, and then the return, must hold (a kiosk sees 5–15 frames a second, so ≈ 0.2–0.6 s).
 * Three, not two: a tilted photo's landmarks slipped by a turn's worth two frames running in CI, twice.
 */
export const SUSTAIN_FRAMES = 3;
export const RETURN_TIMEOUT_MS = 5000;
/** A face may be lost for this long mid-turn (detectors drop turned faces now and then). */
export const LOST_GRACE_MS = 1200;
const SAME_FACE_IOU = 0.25;

type Phase = 'settle' | 'turn' | 'return';

export class HeadTurnCheck {
  private phase: Phase = 'settle';
  /** The settle phase's last frames: yaw and width of each. */
  private samples: Array<{ yaw: number; width: number }> = [];
  private baseline = 0;
  private baseWidth = 0;
  private peak = 0;
  private phaseAt = 0;
  private lastFace: SeenFace | null = null;
  private lastSeenAt = 0;
  private failed = false;
  /** Consecutive frames meeting the current phase's condition. */
  private streak = 0;
  side: TurnSide;

  constructor(private readonly pickSide: () => TurnSide = () => (Math.random() < 0.5 ? 'left' : 'right')) {
    this.side = pickSide();
  }

  private restart(failed: boolean): void {
    this.phase = 'settle';
    this.samples = [];
    this.peak = 0;
    this.streak = 0;
    this.failed = failed;
    this.side = this.pickSide();
  }

  private turnPrompt(): LivenessPrompt {
    return this.side === 'left' ? 'guideTurnLeft' : 'guideTurnRight';
  }

  /** One frame: the single face guidance accepted, or null when there was none this frame. */
  update(face: SeenFace | null, now: number): LivenessStep {
    if (!face) {
      if (this.phase !== 'settle' && now - this.lastSeenAt <= LOST_GRACE_MS) {
        return { done: false, prompt: this.phase === 'turn' ? this.turnPrompt() : 'guideTurnBack' };
      }
      this.restart(false);
      this.lastFace = null;
      return { done: false, prompt: 'guideHold' };
    }
    if (this.lastFace && iou(this.lastFace.box, face.box) < SAME_FACE_IOU) this.restart(false);
    this.lastFace = face;
    this.lastSeenAt = now;
    const yaw = yawOf(face.landmarks);

    if (this.phase === 'settle') {
      if (Math.abs(yaw) > MAX_FRONT_YAW) {
        this.samples = [];
        return { done: false, prompt: 'guideFront' };
      }
      this.samples.push({ yaw, width: widthShare(face.landmarks) });
      if (this.samples.length > SETTLE_FRAMES) this.samples.shift();
      const yaws = this.samples.map((x) => x.yaw);
      const spread = Math.max(...yaws) - Math.min(...yaws);
      if (this.samples.length < SETTLE_FRAMES || spread > SETTLE_SPREAD) {
        return { done: false, prompt: this.failed ? 'guideTurnAgain' : 'guideHold' };
      }
      this.baseline = yaws.reduce((s, v) => s + v, 0) / yaws.length;
      this.baseWidth = this.samples.reduce((s, x) => s + x.width, 0) / this.samples.length;
      this.phase = 'turn';
      this.phaseAt = now;
      return { done: false, prompt: this.turnPrompt() };
    }

    // Positive toward the side asked for: the person's left moves the nose to the image's right.
    const toward = towardSide(yaw, this.baseline, this.side);
    const upright = widthShare(face.landmarks) >= MIN_WIDTH * this.baseWidth;
    if (this.phase === 'turn') {
      this.streak = upright && toward >= TURN_DELTA ? this.streak + 1 : 0;
      if (this.streak >= SUSTAIN_FRAMES) {
        this.streak = 0;
        this.phase = 'return';
        this.phaseAt = now;
        this.peak = toward;
        return { done: false, prompt: 'guideTurnBack' };
      }
      if (now - this.phaseAt > TURN_TIMEOUT_MS) {
        this.restart(true);
        return { done: false, prompt: 'guideTurnAgain' };
      }
      return { done: false, prompt: this.turnPrompt() };
    }

    this.peak = Math.max(this.peak, toward);
    this.streak = upright && Math.abs(yaw - this.baseline) <= RETURN_DELTA ? this.streak + 1 : 0;
    if (this.streak >= SUSTAIN_FRAMES) {
      return { done: true, score: Math.round(this.peak * 1000) / 1000, method: LIVENESS_METHOD };
    }
    if (now - this.phaseAt > RETURN_TIMEOUT_MS) {
      this.restart(true);
      return { done: false, prompt: 'guideTurnAgain' };
    }
    return { done: false, prompt: 'guideTurnBack' };
  }

  /** Past the baseline: a face lost now is a turn in progress, not "nobody there". */
  get inProgress(): boolean {
    return this.phase !== 'settle';
  }

  /** 0..1 for the progress ring: settling, turning, coming back. */
  get progress(): number {
    if (this.phase === 'settle') return (this.samples.length / SETTLE_FRAMES) * 0.25;
    return this.phase === 'turn' ? 0.4 : 0.8;
  }

  /** Starts a fresh check (after a capture was sent, or when the person left). */
  reset(): void {
    this.restart(false);
    this.lastFace = null;
  }
}
