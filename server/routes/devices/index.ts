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
import { bearerToken } from '../../plugins/device-auth';
import { actorOf } from '../actor';

/**
 * Per client address: a few tablets restarted behind one address still pair; a flood does not. The server's own
 * machine (loopback) is not limited: it is trusted already, and the benchmarks pair thousands of tablets from it.
 */
export const PAIRING_RATE = {
  max: 10,
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
   * Tablet: register its token, get the code to show. Needs no sign-in, so it is limited per address (a tablet
   * asks once per 9 minutes while it waits) and in total (MAX_PENDING).
   */
  app.post('/api/devices/pairing', { config: { access: 'public', rateLimit: PAIRING_RATE }, schema: { body: RequestPairing } }, async (req, reply) =>
    reply.status(201).send(await devices.requestPairing(ctx, req.body.token)),
  );

  /** Tablet: what am I? 200 when paired (with mode and sitting), 403 while pending, 401 when revoked or unknown. */
  app.get('/api/device/me', { config: { access: 'public' } }, async (req) => {
    const token = bearerToken(req);
    const device = token ? await devices.deviceByToken(ctx, token) : undefined;
    if (!device || device.status === 'revoked') {
      throw new AppError('ERR_UNAUTHORIZED', '终端已停用或未登记，请重新配对 / Device revoked or unknown: pair again');
    }
    if (device.status === 'pending') {
      throw new AppError('ERR_FORBIDDEN', '等待工作人员确认配对 / Waiting for a clerk to accept pairing', { code: device.pairingCode });
    }
    return device;
  });

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
