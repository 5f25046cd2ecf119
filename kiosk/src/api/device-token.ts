// The tablet's credentials: a random token (which tablet it is, kept in localStorage) and its key pair (that it
// is this tablet, kept in IndexedDB, device-key.ts). Every request and socket hello is signed with the key; the
// token alone is refused. The server's clock offset is learnt from its answers and used in every signature.
import { exportPublicKey, signerOf, type DeviceSigner } from '../../../shared/device-proof';
import { forgetKey, loadOrMakeKey } from './device-key';

const KEY = 'quorum.deviceToken';

export interface Credentials {
  token: string;
  keys: CryptoKeyPair;
  publicKey: string;
  signer: DeviceSigner;
}

let loaded: Credentials | null = null;
let clockOffsetMs = 0;

/** Server time minus this tablet's time, from a refusal for a stale time (client.ts). */
export const setClockOffset = (serverTime: number): void => void (clockOffsetMs = serverTime - Date.now());

export function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The token and key pair, made on first use. */
export async function credentials(): Promise<Credentials> {
  if (loaded) return loaded;
  const keys = await loadOrMakeKey();
  let token = localStorage.getItem(KEY);
  if (!token) localStorage.setItem(KEY, (token = randomHex(32)));
  const publicKey = await exportPublicKey(keys.publicKey);
  loaded = { token, keys, publicKey, signer: signerOf(token, keys.privateKey, () => clockOffsetMs) };
  return loaded;
}

/** The signer once credentials() has loaded (a paired tablet always has), else null. */
export const currentSigner = (): DeviceSigner | null => loaded?.signer ?? null;

/** Unpaired or revoked: token and key are forgotten; the next credentials() makes new ones (and a new code). */
export async function clearCredentials(): Promise<void> {
  loaded = null;
  localStorage.removeItem(KEY);
  await forgetKey();
}
