// Recognises a paired tablet: `Authorization: Bearer <device token>` says which tablet, and `x-quorum-proof`
// proves the request was signed by that tablet's own key over this method, path, time and body
// (shared/device-proof.ts), so a token copied out of the tablet is refused anywhere else. Routes that only kiosks
// may call add `preHandler: app.requireDevice('door')` (or 'seat', ...); the device is then on request.device.
import { createHash } from 'node:crypto';
import { Transform, pipeline } from 'node:stream';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/errors';
import { PROOF_HEADER, parseProof, requestProofText } from '../../shared/device-proof';
import type { DeviceMode, DeviceView } from '../../shared/views';
import { activeDevice, assertMode, assertProof, hashToken } from '../services/device-service';
import type { ServiceContext } from '../services/context';

declare module 'fastify' {
  interface FastifyRequest {
    device: DeviceView | null;
    /** SHA-256 (hex) of the raw body as received, for signed requests only. */
    bodySha256: string | null;
  }
  interface FastifyInstance {
    requireDevice(...modes: DeviceMode[]): preHandlerHookHandler;
  }
}

const EMPTY_SHA256 = createHash('sha256').digest('hex');

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([0-9a-f]{64})$/.exec(header) : null;
  return match ? match[1]! : null;
}

/** The text a tablet signed for this request (the body's hash as it came over the wire, before parsing). */
export const signedTextOf = (request: FastifyRequest, proof: { time: number; nonce: string }): string =>
  requestProofText(request.method, request.url, proof, request.bodySha256 ?? EMPTY_SHA256);

export const proofOf = (request: FastifyRequest) => parseProof(request.headers[PROOF_HEADER]);

/** Throws 401 unless this request carries a fresh, unused proof by `device`'s key. */
export async function assertRequestProof(ctx: ServiceContext, request: FastifyRequest, device: DeviceView): Promise<void> {
  const proof = proofOf(request);
  await assertProof(ctx, device, proof ? signedTextOf(request, proof) : '', proof);
}

/** The active device calling, in one of the given modes (any mode when none given); sets request.device. */
export async function authenticateDevice(ctx: ServiceContext, request: FastifyRequest, modes: DeviceMode[]): Promise<DeviceView> {
  const token = bearerToken(request);
  if (!token) throw new AppError('ERR_UNAUTHORIZED', '终端未配对 / Device not paired: missing token');
  const device = await activeDevice(ctx, hashToken(token), []);
  await assertRequestProof(ctx, request, device); // before the mode: a copied token learns nothing about its tablet
  if (modes.length > 0) assertMode(device, modes);
  request.device = device;
  return device;
}

/** Hashes the body while it streams to the parser, only for requests that carry a proof. */
function hashWhileParsing(request: FastifyRequest, payload: NodeJS.ReadableStream): NodeJS.ReadableStream {
  if (request.headers[PROOF_HEADER] === undefined) return payload;
  const hash = createHash('sha256');
  request.bodySha256 = EMPTY_SHA256;
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      request.bodySha256 = hash.digest('hex');
      done();
    },
  });
  // pipeline: a request aborted mid-body ends the parser's read too.
  pipeline(payload, tee, () => undefined);
  return tee;
}

export default fp(
  async function deviceAuth(app: FastifyInstance) {
    app.decorateRequest('device', null);
    app.decorateRequest('bodySha256', null);
    app.addHook('preParsing', async (request, _reply, payload) => hashWhileParsing(request, payload));
    app.decorate('requireDevice', (...modes: DeviceMode[]): preHandlerHookHandler => async (request) => {
      await authenticateDevice(app.ctx, request, modes);
    });
  },
  { name: 'device-auth' },
);
