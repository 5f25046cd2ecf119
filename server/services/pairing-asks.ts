// Which keys asked lately for each pairing code. A tablet's code is read from its public key, and six digits can
// be matched by making keys until one fits (about a minute): someone who saw the code on a tablet could then claim
// it first once a clerk types it. The real tablet asks every 2 s, so when a claim comes, a second key seen for the
// same code within ASK_TTL_MS means a clash: nobody gets the code, the tablet makes a new key (a new code).
// Bounded: at most MAX_CODES codes remembered, the least recently asked forgotten first (a waiting tablet asks
// again within 2 s, so a flood would need MAX_CODES asks in 2 s to push it out).

export const ASK_TTL_MS = 30_000;
export const MAX_CODES = 100_000;

export class PairingAsks {
  /** code → key fingerprint → last ask (ms); Map order is least recently asked first. */
  private readonly codes = new Map<string, Map<string, number>>();

  /** Notes an ask; answers how many different keys asked for this code within ASK_TTL_MS, this one included. */
  note(code: string, keyPrint: string, now = Date.now()): number {
    const keys = this.codes.get(code) ?? new Map<string, number>();
    this.codes.delete(code);
    keys.set(keyPrint, now);
    for (const [k, at] of keys) if (now - at > ASK_TTL_MS) keys.delete(k);
    this.codes.set(code, keys);
    if (this.codes.size > MAX_CODES) this.codes.delete(this.codes.keys().next().value!);
    return keys.size;
  }
}
