// Pairing, settings and revocation of tablets, and recognising a tablet by its token.
import { createHash, type KeyObject } from 'node:crypto';
import { pairingCodeOf, type Proof } from '../../shared/device-proof';
import { AppError } from '../../shared/errors';
import type { AcceptPairing, RequestPairing, UpdateDevice } from '../../shared/schemas/devices';
import type { DeviceMode, DeviceView } from '../../shared/views';
import * as devices from '../repositories/devices-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { getSitting } from './meeting-service';
import { checkProof, parsePublicKey, ReplayGuard } from './device-proof-check';
import { PairingAsks } from './pairing-asks';
import { assertSeatOf, withSeatLabels } from './device-seats';
import { unbindDevice } from './seat-bindings';

/** A code a clerk accepted and no tablet claimed this long is forgotten; the clerk types it again. */
export const PAIRING_TTL_MS = 10 * 60 * 1000;

const pendingCutoff = () => new Date(Date.now() - PAIRING_TTL_MS).toISOString();

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

interface Caches {
  /** Devices by token hash, so the thousands of kiosk requests in a vote do not each read the devices table. */
  byHash: Map<string, DeviceView>;
  /** Each device's public key, parsed once (null: none stored, paired before device keys). */
  keys: Map<number, KeyObject | null>;
  replay: ReplayGuard;
  asks: PairingAsks;
}

/** Cleared on every device change (pairing, settings, revocation) before the change returns; the replay guard stays. */
const caches = new WeakMap<ServiceContext, Caches>();

function cacheOf(ctx: ServiceContext): Caches {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = { byHash: new Map(), keys: new Map(), replay: new ReplayGuard(), asks: new PairingAsks() }));
  return c;
}

function forgetCached(ctx: ServiceContext): void {
  const c = cacheOf(ctx);
  c.byHash.clear();
  c.keys.clear();
}

/**
 * A tablet claims the code a clerk accepted: its code is read from its public key (shared/device-proof), so a
 * tablet that only waits stores no row and a flood of them fills no list. `proof` must be signed by that key.
 * Two keys asking for one code is a clash (pairing-asks.ts): refused, the tablet makes a new key.
 */
export async function claimPairing(
  ctx: ServiceContext,
  input: RequestPairing,
  proofOk: (key: KeyObject) => void,
): Promise<{ device: DeviceView } | { code: string }> {
  const key = parsePublicKey(input.publicKey);
  if (!key) throw new AppError('ERR_VALIDATION', '设备公钥格式错误 / publicKey must be a P-256 SPKI key');
  proofOk(key);
  const tokenHash = hashToken(input.token);
  if (await devices.findByTokenHash(ctx.db, tokenHash)) {
    throw new AppError('ERR_CONFLICT', '该终端令牌已登记 / This device token is already registered');
  }
  const code = await pairingCodeOf(input.publicKey);
  if (cacheOf(ctx).asks.note(code, hashToken(input.publicKey)) > 1) {
    throw new AppError('ERR_CONFLICT', '配对码与另一终端相同，请刷新终端以换一个配对码 / Another key asked for this code: the tablet makes a new one', { clash: true });
  }
  const pending = await devices.findPendingByCode(ctx.db, code);
  if (!pending || pending.createdAt < pendingCutoff()) return { code };
  const ok = await ctx.db.write((tx) => devices.claim(tx, pending.id, tokenHash, input.publicKey));
  forgetCached(ctx);
  if (!ok) return { code };
  return { device: await getDevice(ctx, pending.id) };
}

export async function getDevice(ctx: ServiceContext, id: number): Promise<DeviceView> {
  const d = await devices.findDevice(ctx.db, id);
  if (!d) throw new AppError('ERR_NOT_FOUND', `找不到该终端 / Device ${id} not found`);
  return d;
}

export const listDevices = async (ctx: ServiceContext): Promise<DeviceView[]> => withSeatLabels(ctx, await devices.listDevices(ctx.db));

/** A clerk types the code a tablet shows: the device exists from now on, waiting for that tablet to claim it. */
export async function acceptPairing(ctx: ServiceContext, input: AcceptPairing, actor: Actor): Promise<DeviceView> {
  // A door or seat tablet without a sitting has nothing to do but be refused, over and over: ask for it now.
  if (!input.sittingId && input.mode !== 'screen') {
    throw new AppError('ERR_VALIDATION', '报到终端和座位终端须指定会议 / A door or seat tablet needs a sitting');
  }
  if (input.sittingId) await getSitting(ctx, input.sittingId);
  if (input.seatId) await assertSeatOf(ctx, input.sittingId ?? null, input.seatId);
  const id = await ctx.db.write(async (tx) => {
    await devices.deletePendingBefore(tx, pendingCutoff());
    if (await devices.findPendingByCode(tx, input.code)) return null;
    const made = await devices.insertAccepted(tx, input.code, {
      name: input.name.trim(),
      mode: input.mode,
      sittingId: input.sittingId ?? null,
      seat: input.seat?.trim() || null,
      seatId: input.seatId ?? null,
    });
    await appendAudit(tx, { actor, action: 'device.pair', subject: `device:${made}`, detail: { ...input } });
    return made;
  });
  forgetCached(ctx);
  if (id === null) throw new AppError('ERR_CONFLICT', '该配对码已在等待终端确认 / This code is already accepted and waiting for its tablet');
  return (await withSeatLabels(ctx, [await getDevice(ctx, id)]))[0]!;
}

/** Accepted codes no tablet has claimed yet, and forgetting them all (the clerk's 清除 button). */
export const listPending = async (ctx: ServiceContext): Promise<DeviceView[]> => withSeatLabels(ctx, await devices.listPending(ctx.db, pendingCutoff()));

export async function clearPending(ctx: ServiceContext, actor: Actor): Promise<{ cleared: number }> {
  const cleared = await ctx.db.write(async (tx) => {
    const n = await devices.deleteAllPending(tx);
    if (n > 0) await appendAudit(tx, { actor, action: 'device.clear-pending', subject: 'devices', detail: { cleared: n } });
    return n;
  });
  forgetCached(ctx);
  return { cleared };
}

export async function updateDevice(ctx: ServiceContext, id: number, patch: UpdateDevice, actor: Actor): Promise<DeviceView> {
  const before = await getDevice(ctx, id);
  if (before.status === 'revoked') throw new AppError('ERR_CONFLICT', '该终端已停用 / Device is revoked');
  if (patch.sittingId) await getSitting(ctx, patch.sittingId);
  // A seat belongs to the hall of the tablet's sitting; a tablet moved to another body's sitting loses its seat.
  const sittingId = patch.sittingId !== undefined ? patch.sittingId : before.sittingId;
  if (patch.seatId) await assertSeatOf(ctx, sittingId, patch.seatId);
  const keepsSeat = patch.seatId !== undefined || before.seatId === null || (await assertSeatOf(ctx, sittingId, before.seatId).then(() => true, () => false));
  const change = keepsSeat ? patch : { ...patch, seatId: null };
  await ctx.db.write(async (tx) => {
    await devices.update(tx, id, change);
    await appendAudit(tx, { actor, action: 'device.update', subject: `device:${id}`, detail: { ...patch } });
  });
  forgetCached(ctx);
  // An open socket must not keep the sitting or the view it had (issue 22 point 7); nor the tablet its bound deputy.
  if (patch.mode !== undefined || patch.sittingId !== undefined) ctx.hub.deviceChanged(id);
  const after = await getDevice(ctx, id);
  if (after.mode !== before.mode || after.sittingId !== before.sittingId || after.seatId !== before.seatId) await unbindDevice(ctx, id);
  return (await withSeatLabels(ctx, [after]))[0]!;
}

export async function revokeDevice(ctx: ServiceContext, id: number, actor: Actor): Promise<DeviceView> {
  await getDevice(ctx, id);
  await ctx.db.write(async (tx) => {
    if (await devices.revoke(tx, id)) await appendAudit(tx, { actor, action: 'device.revoke', subject: `device:${id}` });
  });
  forgetCached(ctx);
  ctx.hub.disconnectDevice(id);
  await unbindDevice(ctx, id);
  return getDevice(ctx, id);
}

/** The device a bearer token belongs to, whatever its status (the caller decides what each status may do). */
export function deviceByToken(ctx: ServiceContext, token: string): Promise<DeviceView | undefined> {
  return deviceByTokenHash(ctx, hashToken(token));
}

/** The same, from the token's hash (a live socket keeps the hash from its hello, not the token). */
export async function deviceByTokenHash(ctx: ServiceContext, hash: string): Promise<DeviceView | undefined> {
  const cache = cacheOf(ctx).byHash;
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

/** Throws 401 unless `proof` was made by this device's key over `text` (see device-proof-check). */
export async function assertProof(ctx: ServiceContext, device: DeviceView, text: string, proof: Proof | null): Promise<void> {
  const c = cacheOf(ctx);
  let key = c.keys.get(device.id);
  if (key === undefined) {
    const stored = await devices.publicKeyOf(ctx.db, device.id);
    key = stored ? parsePublicKey(stored) : null;
    c.keys.set(device.id, key);
  }
  checkProof(c.replay, device.id, key, text, proof);
}

/** The same check for a key not yet stored (a tablet claiming its pairing). */
export const assertProofBy = (ctx: ServiceContext, key: KeyObject, text: string, proof: Proof | null): void =>
  checkProof(cacheOf(ctx).replay, 0, key, text, proof);
