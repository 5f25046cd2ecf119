// The challenge a face check-in answers: a random nonce and a side to turn to, chosen by the server, bound to the
// tablet that asked, valid CHALLENGE_MS and decided once. Frames recorded before the challenge existed cannot answer
// it unless they happen to turn the right way, and a turn to the other side is refused.
// A tablet may send the frontal and turned frames ahead, while the person is still turning back (stage): the server
// examines them at once and keeps the result with the challenge, keyed by the frame's bytes, so when the set arrives
// only the last frame is left to examine. Nothing staged decides anything: the set is checked whole, as sent.
// Kept in memory: a restart forgets every open challenge, which only makes a kiosk ask again.
import { randomBytes, randomInt } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { FaceChallenge } from '../../shared/schemas/face';

export const CHALLENGE_MS = 30_000;
/** How long a decided challenge keeps its answer, so a retry after a lost reply gets the same answer. */
const ANSWER_KEPT_MS = 5 * 60_000;
/**
 * A kiosk holds one challenge at a time and asks again every ~20 s while someone stands in front of it, a few more
 * when a try fails. Each challenge can cost the server five frame examinations, so a stolen token asking faster
 * than CHALLENGE_RATE allows, or holding more than CHALLENGE_RATE.maxOpen undecided, is refused (429).
 */
export interface ChallengeRate {
  /** Challenges a tablet may ask for at once… */
  burst: number;
  /** …and one more each this many ms… */
  everyMs: number;
  /** …and hold at most this many undecided. */
  maxOpen: number;
}
export const CHALLENGE_RATE: ChallengeRate = { burst: 10, everyMs: 3_000, maxOpen: 3 };
/** Frames staged ahead per challenge: the frontal and the turned one. */
const MAX_STAGED = 2;

interface Open {
  deviceId: number;
  side: 'left' | 'right';
  expiresAt: number;
  /** Examinations of frames sent ahead (stage), by the SHA-256 of the frame's bytes. */
  staged: Map<string, Promise<unknown>>;
  /** Set once frames were sent for it: the request's fingerprint and its (pending) answer. */
  decided?: { fingerprint: string; answer: Promise<unknown> };
}

const TOO_MANY = () => new AppError('ERR_RATE_LIMITED', '人脸核验请求过于频繁，请稍候再试 / Too many face checks from this tablet; wait a moment');

export type Claim<T> = { kind: 'fresh'; side: 'left' | 'right'; settle(answer: Promise<T>): Promise<T> } | { kind: 'retry'; answer: Promise<T> } | { kind: 'refused' };

export class FaceChallenges {
  private readonly open = new Map<string, Open>();
  /** Per tablet: challenges it may still ask for (a token bucket), as of `at`. */
  private readonly allowance = new Map<number, { tokens: number; at: number }>();

  constructor(
    private readonly clock: () => number = () => Date.now(),
    private readonly rate: ChallengeRate = CHALLENGE_RATE,
  ) {}

  /** Takes one of the tablet's allowance; false when it has none left. */
  private allow(deviceId: number, t: number): boolean {
    const a = this.allowance.get(deviceId) ?? { tokens: this.rate.burst, at: t };
    const elapsed = Math.max(0, t - a.at); // a clock set back gives nothing, takes nothing
    const tokens = Math.min(this.rate.burst, a.tokens + elapsed / this.rate.everyMs);
    if (tokens < 1) return false;
    this.allowance.set(deviceId, { tokens: tokens - 1, at: Math.max(t, a.at) });
    return true;
  }

  issue(deviceId: number): FaceChallenge {
    this.sweep();
    const t = this.clock();
    const undecided = [...this.open.values()].filter((c) => c.deviceId === deviceId && !c.decided && t <= c.expiresAt).length;
    if (undecided >= this.rate.maxOpen || !this.allow(deviceId, t)) throw TOO_MANY();
    const nonce = randomBytes(18).toString('base64url');
    const side = randomInt(2) === 0 ? 'left' : 'right';
    const expiresAt = t + CHALLENGE_MS;
    this.open.set(nonce, { deviceId, side, expiresAt, staged: new Map() });
    return { nonce, side, expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * Before any work on frames sent for `nonce`: true when it is an open challenge of this tablet (its own rules then
   * apply in stage and claim). Anything else is answered as refused, and costs the tablet one of its challenges'
   * allowance (a 429 once spent), so frames sent with made-up nonces cannot spend the server's CPU without limit.
   */
  admits(nonce: string, deviceId: number): boolean {
    const c = this.open.get(nonce);
    const t = this.clock();
    if (c && c.deviceId === deviceId && (c.decided || t <= c.expiresAt)) return true;
    this.charge(deviceId);
    return false;
  }

  /** A refused use of a challenge costs the tablet one of its allowance (429 once spent). */
  charge(deviceId: number): void {
    if (!this.allow(deviceId, this.clock())) throw TOO_MANY();
  }

  /**
   * Keeps the examination of a frame sent ahead for an open, undecided challenge of this tablet (at most MAX_STAGED
   * per challenge; the same bytes again reuse the first). False when the challenge cannot take it.
   */
  stage(nonce: string, deviceId: number, key: string, examine: () => Promise<unknown>): boolean {
    const c = this.open.get(nonce);
    if (!c || c.deviceId !== deviceId || c.decided || this.clock() > c.expiresAt) return false;
    if (c.staged.has(key)) return true;
    if (c.staged.size >= MAX_STAGED) return false;
    const examined = examine();
    examined.catch(() => undefined); // a failed examination keeps its slot; the set examines that frame again
    c.staged.set(key, examined);
    return true;
  }

  /** The examination staged for these bytes under the challenge, if any. */
  staged<T>(nonce: string, key: string): Promise<T> | undefined {
    return this.open.get(nonce)?.staged.get(key) as Promise<T> | undefined;
  }

  /**
   * Takes the challenge for one request. The first request with frames decides it; the very same request again
   * (same tablet, same fingerprint of its frames) gets that answer; anything else is refused: unknown, expired,
   * another tablet's, or already answered with other frames.
   */
  claim<T>(nonce: string, deviceId: number, fingerprint: string): Claim<T> {
    const c = this.open.get(nonce);
    if (!c || c.deviceId !== deviceId) return { kind: 'refused' };
    if (c.decided) return c.decided.fingerprint === fingerprint ? { kind: 'retry', answer: c.decided.answer as Promise<T> } : { kind: 'refused' };
    if (this.clock() > c.expiresAt) return { kind: 'refused' };
    // Decided from this moment: a second request racing this one must not be checked as well.
    let settled!: (answer: Promise<T>) => void;
    const answer = new Promise<T>((resolve) => (settled = (a) => resolve(a)));
    c.decided = { fingerprint, answer };
    c.expiresAt = this.clock() + ANSWER_KEPT_MS;
    // The frames' faces are not kept past the decision. then(clear, clear), not finally(): it also handles a failed
    // decision, where finally's promise would reject unhandled — which tfjs's WASM backend turns into a crash.
    const clear = () => c.staged.clear();
    answer.then(clear, clear);
    return {
      kind: 'fresh',
      side: c.side,
      settle: (a) => {
        settled(a);
        return a;
      },
    };
  }

  private sweep(): void {
    const t = this.clock();
    for (const [nonce, c] of this.open) {
      if (t > c.expiresAt) c.staged.clear();
      if (t > c.expiresAt + (c.decided ? 0 : ANSWER_KEPT_MS)) this.open.delete(nonce);
    }
  }
}
