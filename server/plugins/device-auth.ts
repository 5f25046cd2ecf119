// Recognises a paired tablet from `Authorization: Bearer <device token>`. Routes that only kiosks may call
// add `preHandler: app.requireDevice('door')` (or 'seat', ...); the device is then on request.device.
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/errors';
import type { DeviceMode, DeviceView } from '../../shared/views';
import { activeDevice, hashToken } from '../services/device-service';
import type { ServiceContext } from '../services/context';

declare module 'fastify' {
  interface FastifyRequest {
    device: DeviceView | null;
  }
  interface FastifyInstance {
    requireDevice(...modes: DeviceMode[]): preHandlerHookHandler;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([0-9a-f]{64})$/.exec(header) : null;
  return match ? match[1]! : null;
}

/** The active device calling, in one of the given modes (any mode when none given); sets request.device. */
export async function authenticateDevice(ctx: ServiceContext, request: FastifyRequest, modes: DeviceMode[]): Promise<DeviceView> {
  const token = bearerToken(request);
  if (!token) throw new AppError('ERR_UNAUTHORIZED', '终端未配对 / Device not paired: missing token');
  const device = await activeDevice(ctx, hashToken(token), modes);
  request.device = device;
  return device;
}

export default fp(
  async function deviceAuth(app: FastifyInstance) {
    app.decorateRequest('device', null);
    app.decorate('requireDevice', (...modes: DeviceMode[]): preHandlerHookHandler => async (request) => {
      await authenticateDevice(app.ctx, request, modes);
    });
  },
  { name: 'device-auth' },
);
