// Pairs a simulated tablet through the real pairing flow and returns its bearer header.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DeviceMode, DeviceView } from '../../shared/views';
import { call } from './app';

export interface PairedDevice {
  device: DeviceView;
  token: string;
  headers: { authorization: string };
}

export async function pairDevice(app: FastifyInstance, mode: DeviceMode, sittingId?: number, name = `${mode}-tablet`): Promise<PairedDevice> {
  const token = randomBytes(32).toString('hex');
  const { body: pairing } = await call<{ code: string }>(app, 'POST', '/api/devices/pairing', { token }, 201);
  const { body: device } = await call<DeviceView>(app, 'POST', '/api/devices/accept', { code: pairing.code, name, mode, sittingId }, 201);
  return { device, token, headers: { authorization: `Bearer ${token}` } };
}
