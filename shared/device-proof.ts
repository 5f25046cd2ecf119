// A tablet proves, on every request and socket hello, that it holds the private half of the key it made at pairing.
// The key is made non-extractable (WebCrypto) and kept in IndexedDB: a token or anything else copied out of the
// tablet's storage cannot sign, so it cannot be used from another machine. Shared by the kiosk, the server's
// checks and the tests (Node's WebCrypto is the same API).
//
// Header: `x-quorum-proof: t=<ms since epoch>;n=<16 hex>;s=<base64url ECDSA P-256 SHA-256 signature, IEEE P1363>`
// over proofText(...). The server accepts a time within PROOF_WINDOW_MS of its own clock and each (device, t, n)
// once, so a captured request cannot be sent again, and the body's SHA-256 is signed, so it cannot be changed.

export const PROOF_HEADER = 'x-quorum-proof';
export const PROOF_WINDOW_MS = 60_000;
export const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const SIGN_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface Proof {
  time: number;
  nonce: string;
  signature: string;
}

/** What is signed for an HTTP request: method, path with query, time, nonce, and the SHA-256 (hex) of the body. */
export const requestProofText = (method: string, pathAndQuery: string, p: Pick<Proof, 'time' | 'nonce'>, bodySha256: string): string =>
  `quorum-request\n${method.toUpperCase()}\n${pathAndQuery}\n${p.time}\n${p.nonce}\n${bodySha256}`;

/** What is signed for a live socket's hello: the meeting and view asked for, time and nonce. */
export const helloProofText = (meetingId: number, view: string, p: Pick<Proof, 'time' | 'nonce'>): string =>
  `quorum-hello\n${meetingId}\n${view}\n${p.time}\n${p.nonce}`;

export const formatProof = (p: Proof): string => `t=${p.time};n=${p.nonce};s=${p.signature}`;

export function parseProof(header: unknown): Proof | null {
  const m = typeof header === 'string' ? /^t=(\d{13});n=([0-9a-f]{16});s=([A-Za-z0-9_-]{86})$/.exec(header) : null;
  return m ? { time: Number(m[1]), nonce: m[2]!, signature: m[3]! } : null;
}

const hex = (bytes: ArrayBuffer | Uint8Array): string => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

function base64url(bytes: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function sha256Hex(data: string | Uint8Array = ''): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return hex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

export function randomNonce(): string {
  return hex(crypto.getRandomValues(new Uint8Array(8)));
}

/** Signs `text` with the tablet's private key. */
export async function signText(key: CryptoKey, text: string): Promise<string> {
  return base64url(await crypto.subtle.sign(SIGN_ALGORITHM, key, new TextEncoder().encode(text)));
}

/** A fresh proof over whatever `textOf` builds from its time and nonce; `now` is the tablet's clock corrected to the server's. */
export async function makeProof(key: CryptoKey, textOf: (p: Pick<Proof, 'time' | 'nonce'>) => string, now = Date.now()): Promise<Proof> {
  const p = { time: Math.round(now), nonce: randomNonce() };
  return { ...p, signature: await signText(key, textOf(p)) };
}

/** The public half as base64 SPKI, sent once at pairing. */
export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('spki', key))));
}

/**
 * The six-digit code a tablet shows while it waits: read from its public key, so the tablet needs to ask the
 * server for nothing before a clerk types it (nothing is stored for a tablet that only asks).
 */
export async function pairingCodeOf(publicKeySpki: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(publicKeySpki)));
  const n = ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
  return String(n % 1_000_000).padStart(6, '0');
}

/** A new non-extractable key pair (the private half can sign, never be read out). */
export function generateDeviceKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_ALGORITHM, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

/** What a client needs to act as a paired tablet: its token, and proofs made by its key on the server's clock. */
export interface DeviceSigner {
  token: string;
  /** A formatted proof (the header's value) over what `textOf` builds from the proof's time and nonce. */
  prove(textOf: (p: Pick<Proof, 'time' | 'nonce'>) => string): Promise<string>;
}

/** A signer from a token, a private key and the offset of the server's clock from this one (ms). */
export const signerOf = (token: string, key: CryptoKey, clockOffset: () => number = () => 0): DeviceSigner => ({
  token,
  prove: async (textOf) => formatProof(await makeProof(key, textOf, Date.now() + clockOffset())),
});
