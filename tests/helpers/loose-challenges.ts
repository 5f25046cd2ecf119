// A face-challenge allowance for tests and benches that play many tablets' worth of check-ins through one tablet
// (the real one, CHALLENGE_RATE in server/services/face-challenges.ts, is tested on its own).
import type { ChallengeRate } from '../../server/services/face-challenges';

export const LOOSE_CHALLENGES: ChallengeRate = { burst: 10_000, everyMs: 1, maxOpen: 10_000 };
