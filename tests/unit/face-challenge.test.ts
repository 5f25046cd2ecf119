// The server's face challenge: single use, bound to the tablet, valid 30 s; a retry of the same request gets the
// same answer. And the head-turn rule the server re-checks frames with.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { CHALLENGE_MS, CHALLENGE_RATE, FaceChallenges } from '../../server/services/face-challenges';
import { checkTurnFrames } from '../../shared/face/head-turn';
import type { Point } from '../../shared/face/geometry';

describe('face challenges', () => {
  it('are rationed per tablet: at most 3 undecided at once, 10 in a burst, then one each 3 s (a 429 in Chinese)', () => {
    let now = 5_000_000;
    const c = new FaceChallenges(() => now);
    const refused = () => {
      try {
        c.issue(1);
      } catch (e) {
        return e instanceof AppError && e.code === 'ERR_RATE_LIMITED' && /请稍候再试/.test(e.message);
      }
      return false;
    };
    const held = Array.from({ length: CHALLENGE_RATE.maxOpen }, () => c.issue(1).nonce);
    expect(refused()).toBe(true); // a fourth while three are undecided
    expect(() => c.issue(2)).not.toThrow(); // another tablet is not held up
    let issued = CHALLENGE_RATE.maxOpen;
    for (const nonce of held) c.claim(nonce, 1, 'f'); // decided: no longer open
    while (issued < CHALLENGE_RATE.burst) {
      const { nonce } = c.issue(1);
      c.claim(nonce, 1, 'f');
      issued++;
    }
    expect(refused()).toBe(true); // the burst is spent
    now += CHALLENGE_RATE.everyMs;
    expect(() => c.issue(1)).not.toThrow(); // one more after the interval
    expect(refused()).toBe(true);
    now += CHALLENGE_MS + 1; // expired undecided challenges do not count as held
    expect(() => c.issue(1)).not.toThrow();
  });

  it('keep frames sent ahead only for an open, undecided challenge of the same tablet, two at most, until decided', async () => {
    const c = new FaceChallenges();
    const { nonce } = c.issue(7);
    const examined = (v: string) => () => Promise.resolve(v);
    expect(c.stage(nonce, 8, 'a', examined('x'))).toBe(false); // another tablet
    expect(c.stage('unknown-nonce-0000', 7, 'a', examined('x'))).toBe(false);
    expect(c.stage(nonce, 7, 'a', examined('frontal'))).toBe(true);
    expect(c.stage(nonce, 7, 'a', examined('again'))).toBe(true); // same bytes: the first examination stands
    expect(c.stage(nonce, 7, 'b', examined('turned'))).toBe(true);
    expect(c.stage(nonce, 7, 'c', examined('third'))).toBe(false);
    expect(await c.staged(nonce, 'a')).toBe('frontal');
    const claim = c.claim<string>(nonce, 7, 'f');
    if (claim.kind !== 'fresh') throw new Error(claim.kind);
    expect(c.stage(nonce, 7, 'd', examined('late'))).toBe(false); // decided
    await claim.settle(Promise.resolve('answer'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(c.staged(nonce, 'a')).toBeUndefined(); // not kept past the decision
  });

  it('are decided once, by the tablet that asked, within their time; the same request again gets the same answer', async () => {
    let now = 1_000_000;
    const c = new FaceChallenges(() => now);
    const { nonce, side } = c.issue(7);
    expect(['left', 'right']).toContain(side);
    expect(c.claim(nonce, 8, 'f').kind).toBe('refused'); // another tablet
    const first = c.claim<string>(nonce, 7, 'f');
    if (first.kind !== 'fresh') throw new Error(first.kind);
    expect(c.claim(nonce, 7, 'g').kind).toBe('refused'); // other frames for a decided challenge
    const retry = c.claim<string>(nonce, 7, 'f'); // while the first is still being decided
    first.settle(Promise.resolve('answer'));
    expect(retry.kind).toBe('retry');
    if (retry.kind === 'retry') expect(await retry.answer).toBe('answer');
    const late = c.issue(7);
    now += CHALLENGE_MS + 1;
    expect(c.claim(late.nonce, 7, 'f').kind).toBe('refused');
    expect(c.claim('unknown-nonce-0000', 7, 'f').kind).toBe('refused');
  });

  it('pick both sides', () => {
    const c = new FaceChallenges(undefined, { burst: 100, everyMs: 1, maxOpen: 100 });
    const sides = new Set(Array.from({ length: 64 }, (_, i) => c.issue(i).side));
    expect(sides).toEqual(new Set(['left', 'right']));
  });
});

/** 68 landmarks of a face whose nose tip sits `yaw`-ish off the middle between the jaw ends (image x grows right). */
function face(noseShift: number, width = 100): Point[] {
  const pts: Point[] = Array.from({ length: 68 }, () => ({ x: 0, y: 0 }));
  pts[0] = { x: -width / 2, y: 0 };
  pts[16] = { x: width / 2, y: 0 };
  pts[8] = { x: 0, y: 90 };
  pts[27] = { x: 0, y: -10 };
  pts[30] = { x: noseShift, y: 30 };
  return pts;
}

describe('the server re-checks the head turn', () => {
  it('accepts a turn to the asked side and back, refuses the other side, no turn, no return and a tilted photo', () => {
    const left = face(20); // the person's left moves the nose to the image's right
    expect(checkTurnFrames('left', face(0), left, face(0))).toMatchObject({ ok: true });
    expect(checkTurnFrames('right', face(0), face(-20), face(1))).toMatchObject({ ok: true });
    expect(checkTurnFrames('right', face(0), left, face(0))).toEqual({ ok: false, why: 'wrong_side' });
    expect(checkTurnFrames('left', face(0), face(2), face(0))).toEqual({ ok: false, why: 'no_turn' });
    expect(checkTurnFrames('left', face(0), left, face(15))).toEqual({ ok: false, why: 'not_back' });
    expect(checkTurnFrames('left', face(0), face(20, 60), face(0))).toEqual({ ok: false, why: 'tilted' });
  });
});
