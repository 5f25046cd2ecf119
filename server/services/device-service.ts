// Pairing, settings and revocation of tablets, and recognising a tablet by its token.
import { createHash, randomInt } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { AcceptPairing, UpdateDevice } from '../../shared/schemas/devices';
import type { DeviceMode, DeviceView } from '../../shared/views';
import * as devices from '../repositories/devices-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { getSitting } from './meeting-service';

/** A code left unaccepted this long is refused and forgotten; the tablet asks for a new one. */
export const PAIRING_TTL_MS = 10 * 60 * 1000;
/**
 * Pairing requests waiting at once. Asking needs no sign-in (a new tablet has none), so this bounds what a flood
 * can leave in the console's list and keeps the 10⁶ six-digit codes almost all free (a random one is free at once).
 */
export const MAX_PENDING = 500;
/** Random codes tried before giving up: with at most MAX_PENDING taken, 20 misses in a row never happen. */
const CODE_TRIES = 20;

const pendingCutoff = () => new Date(Date.now() - PAIRING_TTL_MS).toISOString();
const TOO_MANY = () => new AppError('ERR_RATE_LIMITED', '等待配对的终端过多，请稍后再试 / Too many tablets waiting to pair; try again later');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Devices by token hash, so the thousands of kiosk requests in a vote do not each read the devices table.
 * Cleared on every device change (pairing, settings, revocation) before the change returns.
 */
const byToken = new WeakMap<ServiceContext, Map<string, DeviceView>>();

function deviceCache(ctx: ServiceContext): Map<string, DeviceView> {
  let c = byToken.get(ctx);
  if (!c) byToken.set(ctx, (c = new Map()));
  return c;
}

export async function requestPairing(ctx: ServiceContext, token: string): Promise<{ deviceId: number; code: string }> {
  const tokenHash = hashToken(token);
  if (await devices.findByTokenHash(ctx.db, tokenHash)) {
    throw new AppError('ERR_CONFLICT', '该终端令牌已登记 / This device token is already registered');
  }
  return ctx.db.write(async (tx) => {
    await devices.deletePendingBefore(tx, pendingCutoff());
    if ((await devices.countPending(tx)) >= MAX_PENDING) throw TOO_MANY();
    for (let i = 0; i < CODE_TRIES; i++) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (await devices.pendingCodeTaken(tx, code)) continue;
      const deviceId = await devices.insertPending(tx, code, tokenHash);
      return { deviceId, code };
    }
    throw TOO_MANY(); // the one database writer never loops on a full code space
  });
}

export async function getDevice(ctx: ServiceContext, id: number): Promise<DeviceView> {
  const d = await devices.findDevice(ctx.db, id);
  if (!d) throw new AppError('ERR_NOT_FOUND', `找不到该终端 / Device ${id} not found`);
  return d;
}

export const listDevices = (ctx: ServiceContext): Promise<DeviceView[]> => devices.listDevices(ctx.db, pendingCutoff());

export async function acceptPairing(ctx: ServiceContext, input: AcceptPairing, actor: Actor): Promise<DeviceView> {
  const pending = await devices.findPendingByCode(ctx.db, input.code);
  if (!pending || Date.now() - Date.parse(pending.createdAt) > PAIRING_TTL_MS) {
    throw new AppError('ERR_NOT_FOUND', '配对码无效或已过期，请在终端上刷新 / Pairing code unknown or expired');
  }
  // A door or seat tablet without a sitting has nothing to do but be refused, over and over: ask for it now.
  if (!input.sittingId && input.mode !== 'screen') {
    throw new AppError('ERR_VALIDATION', '报到终端和座位终端须指定会议 / A door or seat tablet needs a sitting');
  }
  if (input.sittingId) await getSitting(ctx, input.sittingId);
  const ok = await ctx.db.write(async (tx) => {
    const done = await devices.activate(tx, pending.id, {
      name: input.name.trim(),
      mode: input.mode,
      sittingId: input.sittingId ?? null,
      seat: input.seat?.trim() || null,
    });
    if (done) await appendAudit(tx, { actor, action: 'device.pair', subject: `device:${pending.id}`, detail: { ...input } });
    return done;
  });
  deviceCache(ctx).clear();
  if (!ok) throw new AppError('ERR_CONFLICT', '该终端已配对 / Device already paired');
  return getDevice(ctx, pending.id);
}

export async function updateDevice(ctx: ServiceContext, id: number, patch: UpdateDevice, actor: Actor): Promise<DeviceView> {
  const before = await getDevice(ctx, id);
  if (before.status === 'revoked') throw new AppError('ERR_CONFLICT', '该终端已停用 / Device is revoked');
  if (patch.sittingId) await getSitting(ctx, patch.sittingId);
  await ctx.db.write(async (tx) => {
    await devices.update(tx, id, patch);
    await appendAudit(tx, { actor, action: 'device.update', subject: `device:${id}`, detail: { ...patch } });
  });
  deviceCache(ctx).clear();
  return getDevice(ctx, id);
}

export async function revokeDevice(ctx: ServiceContext, id: number, actor: Actor): Promise<DeviceView> {
  await getDevice(ctx, id);
  await ctx.db.write(async (tx) => {
    if (await devices.revoke(tx, id)) await appendAudit(tx, { actor, action: 'device.revoke', subject: `device:${id}` });
  });
  deviceCache(ctx).clear();
  ctx.hub.disconnectDevice(id);
  return getDevice(ctx, id);
}

/** The device a bearer token belongs to, whatever its status (the caller decides what each status may do). */
export function deviceByToken(ctx: ServiceContext, token: string): Promise<DeviceView | undefined> {
  return deviceByTokenHash(ctx, hashToken(token));
}

/** The same, from the token's hash (a live socket keeps the hash from its hello, not the token). */
export async function deviceByTokenHash(ctx: ServiceContext, hash: string): Promise<DeviceView | undefined> {
  const cache = deviceCache(ctx);
  const cached = cache.get(hash);
  if (cached) return cached;
  const device = await devices.findByTokenHash(ctx.db, hash);
  if (device && device.status === 'active') cache.set(hash, device);
  return device;
}

/**
 * The device holding this token hash, if it is active and in one of the given modes (any mode when none given).
 * The one check behind every tablet call, over HTTP (plugins/device-auth) or on its live socket (routes/live).
 */
export async function activeDevice(ctx: ServiceContext, tokenHash: string, modes: DeviceMode[]): Promise<DeviceView> {
  const device = await deviceByTokenHash(ctx, tokenHash);
  if (!device || device.status === 'revoked') {
    throw new AppError('ERR_UNAUTHORIZED', '终端已停用或未登记，请重新配对 / Device revoked or unknown: pair again');
  }
  if (device.status === 'pending') throw new AppError('ERR_FORBIDDEN', '等待工作人员确认配对 / Waiting for a clerk to accept pairing');
  if (modes.length > 0) assertMode(device, modes);
  return device;
}

/** Checks a device may do something its mode allows; a door kiosk cannot cast, a seat tablet cannot check in. */
export function assertMode(device: DeviceView, modes: DeviceMode[]): void {
  if (!modes.includes(device.mode)) {
    throw new AppError('ERR_FORBIDDEN', `本终端为「${device.mode}」模式，不能执行此操作 / Device mode ${device.mode} cannot do this`);
  }
}
