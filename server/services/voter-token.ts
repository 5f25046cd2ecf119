// A seat tablet proves "this deputy was just recognised here" with a short-lived token the server signed.
// The signing key is derived from the server's secret file beside the database (data-secret.ts), never stored in
// the database: a key written into the file (it once lived in settings.voter_token_key) signs nothing, and one read
// from it forges nothing. Tokens survive a server restart mid-vote, since the secret file does.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { dataSecret, deriveKey } from '../data-secret';

/** Long enough to read a ballot and confirm, short enough that the next person at the seat must show a face. */
export const VOTER_TOKEN_TTL_MS = 5 * 60 * 1000;

/** Verified tokens remembered: one per seat of the largest congress, with room to spare. */
const VERIFIED_CACHE = 10_000;

export interface VoterClaim {
  deputyId: number;
  deviceId: number;
  expiresAt: number;
  /** The seat binding it was issued under (seat-bindings.ts): it casts only while that binding holds. */
  bindingId?: number;
}

export class VoterTokens {
  private constructor(private readonly key: Buffer) {}

  static load(dbPath: string): VoterTokens {
    return new VoterTokens(deriveKey(dataSecret(dbPath), 'voter-token'));
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  issue(deputyId: number, deviceId: number, now = Date.now(), under?: { bindingId: number; ttlMs: number }): { token: string; expiresAt: string } {
    const expiresAt = now + (under?.ttlMs ?? VOTER_TOKEN_TTL_MS);
    const bound = under ? `.${under.bindingId}` : '';
    const payload = `${deputyId}.${deviceId}.${expiresAt}${bound}`;
    const token = `${payload}.${this.sign(payload)}`;
    this.remember(token, { deputyId, deviceId, expiresAt, ...(under ? { bindingId: under.bindingId } : {}) });
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * Tokens known to be genuine — issued here, or their signature checked — so a ballot burst spends no HMAC on
   * them; after a restart each is checked once. Bounded; the oldest go first.
   */
  private readonly verified = new Map<string, VoterClaim>();

  private remember(token: string, claim: VoterClaim): void {
    if (this.verified.size >= VERIFIED_CACHE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claim);
  }

  /** The claim when the signature holds (expired or not: the caller decides what an expired one may do). */
  read(token: string): VoterClaim | null {
    const known = this.verified.get(token);
    if (known) return known;
    const claim = this.verify(token);
    if (claim) this.remember(token, claim);
    return claim;
  }

  private verify(token: string): VoterClaim | null {
    const parts = token.split('.');
    if (parts.length !== 4 && parts.length !== 5) return null;
    const sig = parts.pop()!;
    const expected = Buffer.from(this.sign(parts.join('.')));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [deputy, device, expires, binding] = parts as [string, string, string, string | undefined];
    const claim: VoterClaim = { deputyId: Number(deputy), deviceId: Number(device), expiresAt: Number(expires), ...(binding ? { bindingId: Number(binding) } : {}) };
    return Object.values(claim).every(Number.isSafeInteger) ? claim : null;
  }
}
