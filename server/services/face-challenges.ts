// The challenge a face check-in answers: a random nonce and a side to turn to, chosen by the server, bound to the
// tablet that asked, valid CHALLENGE_MS and decided once. Frames recorded before the challenge existed cannot answer
// it unless they happen to turn the right way, and a turn to the other side is refused.
// Kept in memory: a restart forgets every open challenge, which only makes a kiosk ask again.
import { randomBytes, randomInt } from 'node:crypto';
import type { FaceChallenge } from '../../shared/schemas/face';

export const CHALLENGE_MS = 30_000;
/** How long a decided challenge keeps its answer, so a retry after a lost reply gets the same answer. */
const ANSWER_KEPT_MS = 5 * 60_000;

interface Open {
  deviceId: number;
  side: 'left' | 'right';
  expiresAt: number;
  /** Set once frames were sent for it: the request's fingerprint and its (pending) answer. */
  decided?: { fingerprint: string; answer: Promise<unknown> };
}

export type Claim<T> = { kind: 'fresh'; side: 'left' | 'right'; settle(answer: Promise<T>): Promise<T> } | { kind: 'retry'; answer: Promise<T> } | { kind: 'refused' };

export class FaceChallenges {
  private readonly open = new Map<string, Open>();

  constructor(private readonly clock: () => number = () => Date.now()) {}

  issue(deviceId: number): FaceChallenge {
    this.sweep();
    const nonce = randomBytes(18).toString('base64url');
    const side = randomInt(2) === 0 ? 'left' : 'right';
    const expiresAt = this.clock() + CHALLENGE_MS;
    this.open.set(nonce, { deviceId, side, expiresAt });
    return { nonce, side, expiresAt: new Date(expiresAt).toISOString() };
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
    answer.catch(() => undefined);
    c.decided = { fingerprint, answer };
    c.expiresAt = this.clock() + ANSWER_KEPT_MS;
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
    for (const [nonce, c] of this.open) if (t > c.expiresAt + (c.decided ? 0 : ANSWER_KEPT_MS)) this.open.delete(nonce);
  }
}
