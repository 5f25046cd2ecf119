// The crash test at a small size (tests/bench/crash-test.ts; `npm run bench:crash` runs it large): the real
// server is killed with SIGKILL in the middle of a ballot burst and restarted; every acknowledged ballot is
// stored exactly once and the tally is the one the acknowledged requests imply.
import { describe, expect, it } from 'vitest';
import { formatSummary, runCrashTest } from '../bench/crash-test';

describe('crash in the middle of a ballot burst', () => {
  it('loses no acknowledged ballot, counts none twice, and the audit verifies', async () => {
    const s = await runCrashTest({ deputies: 60, seed: 7 });
    console.log(formatSummary(s));
    expect(s.problems).toEqual([]);
    expect(s.ackedBeforeKill).toBeGreaterThan(0);
    expect(s.lostAtKill).toBeGreaterThan(0); // the kill cut the burst
    expect(s.droppedAnswers).toBeGreaterThan(0);
    expect(s.retried).toBe(s.lostAtKill + s.droppedAnswers);
    expect(s.retriedFoundStored + s.retriedStoredNow).toBe(s.retried);
    // A dropped answer was stored before the tablet threw it away: its retry must be a duplicate, not a second ballot.
    expect(s.retriedFoundStored).toBeGreaterThanOrEqual(s.droppedAnswers);
    expect(s.stored).toEqual({ castRequests: s.expected.castRequests, ballots: 60, participation: 60, changes: s.expected.changes });
    expect(s.tally).toEqual(s.expectedTally);
    expect(s.auditOk).toBe(true);
  });
});
