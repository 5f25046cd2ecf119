// Pairs a simulated tablet through the real pairing flow: a non-extractable P-256 key made with Node's WebCrypto
// (as the kiosk makes it in the browser), the code read from its public key, a clerk accepting it, the tablet
// claiming it. Requests are then signed with that key by inject()/signedFetch() below, which sign whatever
// carries a known tablet's `Authorization: Bearer` header, so a test reads as before: `headers: door.headers`.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import {
  PROOF_HEADER,
  exportPublicKey,
  generateDeviceKey,
  helloProofText,
  pairingCodeOf,
  requestProofText,
  sha256Hex,
  signerOf,
  type DeviceSigner,
} from '../../shared/device-proof';
import type { DeviceMode, DeviceView } from '../../shared/views';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { call } from './app';

export interface PairedDevice {
  device: DeviceView;
  token: string;
  /** Says which tablet; inject()/signedFetch() add the proof by its key. */
  headers: { authorization: string };
  signer: DeviceSigner;
  keys: CryptoKeyPair;
}

/** Every tablet a test made, by token: the key that signs for it. */
const signers = new Map<string, DeviceSigner>();

/** A tablet's credentials, not yet paired: token, key pair, public key and the code it would show. */
export async function newTablet(): Promise<{ token: string; keys: CryptoKeyPair; publicKey: string; code: string; signer: DeviceSigner }> {
  const token = randomBytes(32).toString('hex');
  const keys = await generateDeviceKey();
  const publicKey = await exportPublicKey(keys.publicKey);
  const signer = signerOf(token, keys.privateKey);
  signers.set(token, signer);
  return { token, keys, publicKey, code: await pairingCodeOf(publicKey), signer };
}

export async function pairDevice(app: FastifyInstance, mode: DeviceMode, sittingId?: number, name = `${mode}-tablet`): Promise<PairedDevice> {
  const tab = await newTablet();
  await call<DeviceView>(app, 'POST', '/api/devices/accept', { code: tab.code, name, mode, sittingId }, 201);
  const claimed = await inject(app, { method: 'POST', url: '/api/devices/pairing', payload: { token: tab.token, publicKey: tab.publicKey }, headers: {} }, tab.signer);
  if (claimed.statusCode !== 201) throw new Error(`claim → ${claimed.statusCode}: ${claimed.body}`);
  const device = claimed.json<DeviceView>();
  return { device, token: tab.token, headers: { authorization: `Bearer ${tab.token}` }, signer: tab.signer, keys: tab.keys };
}

/** The signer of a tablet made here, or of a stranger's key (its proofs are refused) for a token never made here. */
export async function signerFor(token: string): Promise<DeviceSigner> {
  return signers.get(token) ?? signerOf(token, (await generateDeviceKey()).privateKey);
}

const bearerIn = (headers: Record<string, unknown>): string | null => /^Bearer (\S+)$/.exec(String(headers.authorization ?? ''))?.[1] ?? null;

/** The body as sent on the wire: what the proof's hash is over. */
const wireBody = (payload: unknown): string | Buffer | undefined =>
  payload === undefined || typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);

/** Headers with a proof added when they name a tablet made here (or `by` is given); otherwise unchanged. */
export async function signHeaders(method: string, url: string, body: string | Buffer | undefined, headers: Record<string, string>, by?: DeviceSigner): Promise<Record<string, string>> {
  const token = bearerIn(headers);
  const signer = by ?? (token ? signers.get(token) : undefined);
  if (!signer) return headers;
  const sha = await sha256Hex(body === undefined ? '' : typeof body === 'string' ? body : new Uint8Array(body));
  return { ...headers, [PROOF_HEADER]: await signer.prove((p) => requestProofText(method, url, p, sha)) };
}

/** app.inject, signed as the tablet its headers name (see the file comment). */
export async function inject(app: FastifyInstance, opts: InjectOptions, by?: DeviceSigner): Promise<LightMyRequestResponse> {
  const body = wireBody(opts.payload);
  const json = opts.payload !== undefined && body !== opts.payload;
  const headers = { ...(json ? { 'content-type': 'application/json' } : {}), ...(opts.headers as Record<string, string> | undefined) };
  const method = String(opts.method ?? 'GET');
  return app.inject({ ...opts, payload: body, headers: await signHeaders(method, String(opts.url), body, headers, by) });
}

/** fetch over a real socket, signed the same way. */
export async function signedFetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  const u = new URL(url);
  const method = init.method ?? 'GET';
  return fetch(url, { ...init, headers: await signHeaders(method, u.pathname + u.search, init.body, init.headers ?? {}) });
}

/** A hello message as a tablet sends it, signed by its key. */
export async function signedHello(token: string, meetingId: number, view: string, extra: Record<string, unknown> = {}): Promise<string> {
  const signer = await signerFor(token);
  const proof = await signer.prove((p) => helloProofText(meetingId, view, p));
  return JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, meetingId, view, deviceToken: token, proof, ...extra });
}

/** A signer usable at once (LiveClient's option) for a token: the tablet's own key, or a stranger's. */
export const lazySigner = (token: string): DeviceSigner => ({ token, prove: async (textOf) => (await signerFor(token)).prove(textOf) });
