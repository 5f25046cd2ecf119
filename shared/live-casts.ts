// Ballots a tablet has sent over its live socket and not yet heard back about. Each is sent again, the very
// same, after a reconnect, a retryable error, or a silence: the clientId inside makes the server count it once.
import type { ErrorCode } from './errors';
import type { ClientMessage, ServerMessage } from './protocol';
import type { CastBallot, CastReply } from './schemas/votes';

/** No answer this long on a live socket: send again (a commit under load answers in well under a second). */
export const CAST_SILENCE_MS = 5000;
/** After a server error that says "try again". */
export const CAST_RETRY_MS = 1000;

/** A cast the server refused (its code and message), or 'ERR_CLOSED' when the tablet stopped its connection. */
export class CastFailed extends Error {
  constructor(
    readonly code: ErrorCode | 'ERR_CLOSED',
    message: string,
  ) {
    super(message);
  }
}

type CastMessage = Extract<ClientMessage, { type: 'cast' }>;

interface Pending {
  message: CastMessage;
  resolve: (reply: CastReply) => void;
  reject: (error: CastFailed) => void;
  onRetry?: (attempt: number) => void;
  attempts: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class PendingCasts {
  private readonly pending = new Map<string, Pending>();

  /** `trySend` sends when the connection is live and does nothing otherwise (a reconnect calls resendAll). */
  constructor(private readonly trySend: (message: CastMessage) => void) {}

  add(voteId: number, ballot: CastBallot, onRetry?: (attempt: number) => void): Promise<CastReply> {
    return new Promise((resolve, reject) => {
      const p: Pending = { message: { type: 'cast', voteId, ballot }, resolve, reject, onRetry, attempts: 0 };
      const earlier = this.pending.get(ballot.clientId);
      if (earlier) {
        clearTimeout(earlier.timer);
        earlier.reject(new CastFailed('ERR_CONFLICT', '同一请求编号重复提交 / clientId sent again while in flight'));
      }
      this.pending.set(ballot.clientId, p);
      this.send(p, false);
    });
  }

  private send(p: Pending, retry: boolean, after = 0): void {
    clearTimeout(p.timer);
    const go = () => {
      if (retry) p.onRetry?.(++p.attempts);
      this.trySend(p.message);
      p.timer = setTimeout(() => this.send(p, true), CAST_SILENCE_MS);
    };
    if (after > 0) p.timer = setTimeout(go, after);
    else go();
  }

  /** After a reconnect: whatever was in flight may or may not have been stored; ask again. */
  resendAll(): void {
    for (const p of this.pending.values()) this.send(p, true);
  }

  /** Settles the cast a cast-result or cast-error is about; other messages are not for this. */
  receive(m: ServerMessage): void {
    if (m.type !== 'cast-result' && m.type !== 'cast-error') return;
    const p = this.pending.get(m.clientId);
    if (!p) return; // an answer to a resend that an earlier answer already settled
    if (m.type === 'cast-error' && m.retry) return this.send(p, true, CAST_RETRY_MS);
    clearTimeout(p.timer);
    this.pending.delete(m.clientId);
    if (m.type === 'cast-result') p.resolve(m.reply);
    else p.reject(new CastFailed(m.code, m.message));
  }

  /** The connection is gone for good (closed, or this tablet was revoked). */
  failAll(code: CastFailed['code'], message: string): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new CastFailed(code, message));
    }
    this.pending.clear();
  }
}
