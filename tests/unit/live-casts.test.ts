// The tablet's queue of ballots in flight: each sent again, the same, until its answer comes; nothing sent after.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAST_RETRY_MS, CAST_SILENCE_MS, CastFailed, PendingCasts } from '../../shared/live-casts';
import type { ClientMessage } from '../../shared/protocol';

type Cast = Extract<ClientMessage, { type: 'cast' }>;
const ballot = (clientId: string) => ({ clientId, voterToken: 'token-0123456789', content: { marks: { 1: 'yes' as const } } });
const reply = (clientId: string) => ({ outcome: 'recorded' as const, voteId: 7, clientId });

let sent: Cast[];
let casts: PendingCasts;
beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  casts = new PendingCasts((m) => void sent.push(m));
});
afterEach(() => vi.useRealTimers());

describe('PendingCasts', () => {
  it('sends once and settles on the answer; later answers and silences send nothing more', async () => {
    const answer = casts.add(7, ballot('c-aaaaaaaa'));
    expect(sent).toEqual([{ type: 'cast', voteId: 7, ballot: ballot('c-aaaaaaaa') }]);
    casts.receive({ type: 'cast-result', clientId: 'c-aaaaaaaa', reply: reply('c-aaaaaaaa') });
    await expect(answer).resolves.toEqual(reply('c-aaaaaaaa'));
    casts.receive({ type: 'cast-result', clientId: 'c-aaaaaaaa', reply: { ...reply('c-aaaaaaaa'), outcome: 'duplicate' } });
    vi.advanceTimersByTime(10 * CAST_SILENCE_MS);
    expect(sent).toHaveLength(1);
  });

  it('sends the very same message again after a silence, a retryable error, and a reconnect', () => {
    const retries: number[] = [];
    void casts.add(7, ballot('c-bbbbbbbb'), (n) => retries.push(n));
    vi.advanceTimersByTime(CAST_SILENCE_MS);
    casts.receive({ type: 'cast-error', clientId: 'c-bbbbbbbb', code: 'ERR_INTERNAL', message: 'busy', retry: true });
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(CAST_RETRY_MS);
    casts.resendAll();
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((m) => JSON.stringify(m))).size).toBe(1);
    expect(retries).toEqual([1, 2, 3]);
  });

  it('rejects with the server’s code when refused, and every cast when the connection is given up', async () => {
    const refused = casts.add(7, ballot('c-cccccccc'));
    const pending = casts.add(7, ballot('c-dddddddd'));
    casts.receive({ type: 'cast-error', clientId: 'c-cccccccc', code: 'ERR_VOTE_NOT_OPEN', message: '表决已结束 / Voting is closed', retry: false });
    await expect(refused).rejects.toMatchObject({ code: 'ERR_VOTE_NOT_OPEN', message: '表决已结束 / Voting is closed' });
    casts.failAll('ERR_CLOSED', 'closed');
    await expect(pending).rejects.toBeInstanceOf(CastFailed);
    vi.advanceTimersByTime(10 * CAST_SILENCE_MS);
    expect(sent).toHaveLength(2);
  });
});
