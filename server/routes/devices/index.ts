// Tablet pairing (the tablet asks, a clerk accepts its code), device settings, revocation, and "who am I".
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../../../shared/errors';
import { IdParams } from '../../../shared/schemas/common';
import { AcceptPairing, RequestPairing, UpdateDevice } from '../../../shared/schemas/devices';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import * as devices from '../../services/device-service';
import { listDevicesWithPresence, removeRevokedDevice } from '../../services/device-presence';
import { authenticateDevice, proofOf, signedTextOf } from '../../plugins/device-auth';
import { actorOf } from '../actor';

/**
 * Per client address: a waiting tablet asks every 2 s (30 a minute); a few restarted behind one address still
 * pair. Asking stores nothing (a tablet's code comes from its own key), so a flood costs a lookup each, no row.
 * The server's own machine (loopback) is not limited: it is trusted already, and the benchmarks pair thousands
 * of tablets from it.
 */
export const PAIRING_RATE = {
  max: 90,
  timeWindow: '1 minute',
  allowList: (req: { ip: string }) => req.ip === '127.0.0.1' || req.ip === '::1' || req.ip === '::ffff:127.0.0.1',
};

export default async function deviceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('ERR_RATE_LIMITED', '配对请求过于频繁，请一分钟后再试 / Too many pairing requests; wait a minute'),
  });

  /**
   * Tablet: claim the code a clerk accepted. 201 with the device once a clerk has typed this tablet's code;
   * 202 with the code while none has. Signed by the key being registered (a token alone cannot claim).
   */
  app.post('/api/devices/pairing', { config: { access: 'public', rateLimit: PAIRING_RATE }, schema: { body: RequestPairing } }, async (req, reply) => {
    const proof = proofOf(req);
    const claimed = await devices.claimPairing(ctx, req.body, (key) => devices.assertProofBy(ctx, key, proof ? signedTextOf(req, proof) : '', proof));
    return 'device' in claimed ? reply.status(201).send(claimed.device) : reply.status(202).send(claimed);
  });

  /** Tablet: what am I? 200 when paired (with mode and sitting), 401 when revoked, unknown or not signed by its key. */
  app.get('/api/device/me', { config: { access: 'public' } }, async (req) => authenticateDevice(ctx, req, []));

  /** Codes a clerk accepted that no tablet has claimed yet: shown apart from the devices, with a button to clear them. */
  app.get('/api/devices/pending', { config: { access: STAFF_RIGHTS.keepRecords } }, async () => devices.listPending(ctx));

  app.delete('/api/devices/pending', { config: { access: STAFF_RIGHTS.keepRecords } }, async (req) => devices.clearPending(ctx, actorOf(req)));

  app.get('/api/devices', { config: { access: STAFF_RIGHTS.keepRecords } }, async () => listDevicesWithPresence(ctx));

  app.post('/api/devices/accept', { config: { access: STAFF_RIGHTS.keepRecords }, schema: { body: AcceptPairing } }, async (req, reply) =>
    reply.status(201).send(await devices.acceptPairing(ctx, req.body, actorOf(req))),
  );

  app.patch('/api/devices/:deviceId', { config: { access: STAFF_RIGHTS.keepRecords }, schema: { params: IdParams('deviceId'), body: UpdateDevice } }, async (req) =>
    devices.updateDevice(ctx, req.params.deviceId, req.body, actorOf(req)),
  );

  /** Clears a revoked tablet from the list (its records stay). */
  app.delete('/api/devices/:deviceId', { config: { access: STAFF_RIGHTS.keepRecords }, schema: { params: IdParams('deviceId') } }, async (req) =>
    removeRevokedDevice(ctx, req.params.deviceId, actorOf(req)),
  );

  app.post('/api/devices/:deviceId/revoke', { config: { access: STAFF_RIGHTS.keepRecords }, schema: { params: IdParams('deviceId') } }, async (req) =>
    devices.revokeDevice(ctx, req.params.deviceId, actorOf(req)),
  );
}
