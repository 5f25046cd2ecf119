// Checks a tablet's proof of holding its key (shared/device-proof.ts): fresh time, never seen before, valid
// signature. Node's crypto.verify with the public key parsed once per device: cheap enough for every request of
// 3,000 seat tablets (BENCHMARKS.md, "Device proofs").
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { PROOF_WINDOW_MS, type Proof } from '../../shared/device-proof';

const refused = (why: string, details?: unknown) => new AppError('ERR_UNAUTHORIZED', why, details);

/**
 * (device, time, nonce) of proofs accepted lately, in two generations: a proof is refused when either holds it.
 * Each generation spans the whole window (2 × PROOF_WINDOW_MS), so a proof is remembered for as long as its time
 * is accepted, and memory stays bounded by the requests of two windows.
 */
export class ReplayGuard {
  private current = new Set<string>();
  private previous = new Set<string>();
  private rotatedAt = Date.now();

  /** True the first time a proof is offered, false for every later one inside the window. */
  firstUse(key: string, now = Date.now()): boolean {
    if (now - this.rotatedAt >= 2 * PROOF_WINDOW_MS) {
      this.previous = this.current;
      this.current = new Set();
      this.rotatedAt = now;
    }
    if (this.current.has(key) || this.previous.has(key)) return false;
    this.current.add(key);
    return true;
  }
}

/** The public key as Node's KeyObject; null when the stored text is not a P-256 SPKI key. */
export function parsePublicKey(spkiBase64: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : null;
  } catch {
    return null;
  }
}

export function signatureValid(key: KeyObject, text: string, signature: string): boolean {
  return verify('sha256', Buffer.from(text), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
}

/**
 * Throws 401 unless `proof` is fresh, unused and signed by `key` over `text`. A stale time answers the server's
 * clock in details.serverTime, so a tablet with a wrong clock corrects its offset and signs again.
 */
export function checkProof(guard: ReplayGuard, deviceId: number, key: KeyObject | null, text: string, proof: Proof | null): void {
  if (!key) throw refused('本终端没有设备密钥，请重新配对 / This tablet has no device key: pair it again');
  if (!proof) throw refused('请求缺少终端签名 / Request is not signed by the tablet');
  const now = Date.now();
  if (Math.abs(now - proof.time) > PROOF_WINDOW_MS) {
    throw refused('终端时钟与服务器相差过大，请重试 / Tablet clock is off: try again', { serverTime: now });
  }
  if (!signatureValid(key, text, proof.signature)) throw refused('终端签名无效 / Tablet signature is not valid');
  if (!guard.firstUse(`${deviceId}:${proof.time}:${proof.nonce}`, now)) {
    throw refused('该请求已使用过 / This signed request was already used');
  }
}
