// Whether a tablet is online (an open live socket now) and when it was last seen (connect, disconnect, heartbeat),
// and removing revoked tablets from the list. lastSeenAt writes are throttled: a heartbeat every few seconds from
// hundreds of seat tablets must not become hundreds of writes.
import { AppError } from '../../shared/errors';
import type { DeviceView } from '../../shared/views';
import * as devices from '../repositories/devices-repository';
import { getSetting, setSetting } from '../repositories/settings-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { listDevices } from './device-service';

const HEARTBEAT_WRITE_MS = 30_000;
const REMOVED = 'removed_device_ids';
const lastWrite = new WeakMap<ServiceContext, Map<number, number>>();

/** Records that the tablet was seen now: always on connect and disconnect, at most every 30 s on heartbeats. */
export async function markSeen(ctx: ServiceContext, deviceId: number, force: boolean): Promise<void> {
  let m = lastWrite.get(ctx);
  if (!m) lastWrite.set(ctx, (m = new Map()));
  const now = Date.now();
  if (!force && now - (m.get(deviceId) ?? 0) < HEARTBEAT_WRITE_MS) return;
  m.set(deviceId, now);
  await ctx.db.write((tx) => devices.touchLastSeen(tx, deviceId, new Date(now).toISOString()));
}

/** The tablets a clerk manages, each with `online`; removed (revoked, then cleared away) ones left out. */
export async function listDevicesWithPresence(ctx: ServiceContext): Promise<DeviceView[]> {
  const removed = new Set((await getSetting<number[]>(ctx.db, REMOVED)) ?? []);
  return (await listDevices(ctx)).filter((d) => !removed.has(d.id)).map((d) => ({ ...d, online: ctx.hub.isDeviceOnline(d.id) }));
}

/** Clears a revoked tablet from the list. Its row stays: check-ins and ballots it carried still name it. */
export async function removeRevokedDevice(ctx: ServiceContext, id: number, actor: Actor): Promise<{ removed: true }> {
  const device = await devices.findDevice(ctx.db, id);
  if (!device) throw new AppError('ERR_NOT_FOUND', `找不到该终端 / Device ${id} not found`);
  if (device.status !== 'revoked') throw new AppError('ERR_CONFLICT', '请先停用该终端再移除 / Revoke the tablet before removing it');
  await ctx.db.write(async (tx) => {
    const removed = new Set((await getSetting<number[]>(tx, REMOVED)) ?? []);
    removed.add(id);
    await setSetting(tx, REMOVED, [...removed]);
    await appendAudit(tx, { actor, action: 'device.remove', subject: `device:${id}` });
  });
  return { removed: true };
}
