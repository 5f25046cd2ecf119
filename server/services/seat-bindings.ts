// Which deputy each seat tablet is bound to for its sitting (issue 26 point 4), and for how long it stays bound.
// A binding is made by one identification with the head-turn challenge (seat-identify.ts) and lasts while the seat's
// camera keeps showing that deputy: every frame the server accepts as theirs (a ballot's quick check, a presence
// frame: seat-check.ts) renews it; a face that is not theirs, a copy or a replay ends it at once, and so does no
// accepted frame for the presence timeout (a setting, 60 s by default). The tablet's word ends nothing and renews
// nothing: only frames the server judged do. Rows in seat_bindings (audited) survive a restart; when a frame was
// last accepted is kept in memory only, so after a restart each binding has one full timeout from the start.
import { AppError } from '../../shared/errors';
import { appendAudit } from '../repositories/audit-repository';
import { allBindings, deleteBinding, insertBinding, type BindingRow } from '../repositories/seat-bindings-repository';
import { getSetting, setSetting } from '../repositories/settings-repository';
import type { Actor, ServiceContext } from './context';

/** Why a binding ended: shown to the clerks and kept in the audit log (seat.unbind). */
export type UnbindReason = 'other_face' | 'no_face' | 'replayed' | 'thumbnail_copy' | 'rebound' | 'device_changed';

export interface Binding extends BindingRow {
  /** When the server last accepted a frame of this deputy at this seat (ms). */
  lastSeen: number;
  /** Voter tokens issued under this binding and the one ballot request each was spent on (clientId). */
  spent: Map<string, string>;
  /** Grey prints of the frames this tablet had accepted in the sitting (shared by its bindings, see LOOKS_KEPT). */
  looks: Uint8Array[];
}

/** The presence timeout: no accepted frame for this long unbinds the seat. Bounds of the setting, in seconds. */
export const PRESENCE_TIMEOUT_S = { default: 60, min: 5, max: 600 } as const;
const SETTING = 'seat.presence_timeout_s';
/**
 * Grey prints kept per seat tablet and sitting: the last 240 accepted frames (an hour of presence frames at one per
 * 15 s; 768 bytes each, 180 kB per seat). A relit or mirrored replay of an older frame of this tablet is not caught
 * by them (byte-identical and re-encoded ones of ballot frames still are: the sitting's frame prints keep those).
 */
export const LOOKS_KEPT = 240;

interface State {
  bindings: Promise<Map<number, Binding>>;
  timeoutS: Promise<number>;
  /** Per tablet: the sitting and the prints of its frames accepted there. */
  looks: Map<number, { sittingId: number; prints: Uint8Array[] }>;
  /** Per tablet: why its last binding ended (until it is bound again), for the tablet's screen. */
  ended: Map<number, UnbindReason>;
}

const states = new WeakMap<ServiceContext, State>();

function stateOf(ctx: ServiceContext): State {
  let s = states.get(ctx);
  if (!s) {
    const start = Date.now();
    const looks: State['looks'] = new Map();
    const bindings = allBindings(ctx.db).then((rows) => new Map(rows.map((r) => [r.deviceId, { ...r, lastSeen: start, spent: new Map(), looks: looksOf(looks, r) }])));
    const timeoutS = getSetting<number>(ctx.db, SETTING).then((v) => v ?? PRESENCE_TIMEOUT_S.default);
    states.set(ctx, (s = { bindings, timeoutS, looks, ended: new Map() }));
  }
  return s;
}

/** The tablet's prints for the sitting (a new list when it moved to another sitting). */
function looksOf(all: State['looks'], at: { deviceId: number; sittingId: number }): Uint8Array[] {
  let l = all.get(at.deviceId);
  if (!l || l.sittingId !== at.sittingId) all.set(at.deviceId, (l = { sittingId: at.sittingId, prints: [] }));
  return l.prints;
}

export const presenceTimeoutS = (ctx: ServiceContext): Promise<number> => stateOf(ctx).timeoutS;

export async function setPresenceTimeout(ctx: ServiceContext, seconds: number, actor: Actor): Promise<number> {
  await ctx.db.write(async (tx) => {
    await setSetting(tx, SETTING, seconds);
    await appendAudit(tx, { actor, action: 'settings.seat-presence', subject: 'settings', detail: { seconds } });
  });
  stateOf(ctx).timeoutS = Promise.resolve(seconds);
  return seconds;
}

/** The tablet's binding if it still holds (a binding past the presence timeout is ended here, as 'no_face'). */
export async function currentBinding(ctx: ServiceContext, deviceId: number, now = Date.now()): Promise<Binding | null> {
  const b = (await stateOf(ctx).bindings).get(deviceId);
  if (!b) return null;
  if (now - b.lastSeen > (await presenceTimeoutS(ctx)) * 1000) {
    await endBinding(ctx, b, 'no_face');
    return null;
  }
  return b;
}

/** Every binding still held, after ending those past their timeout. */
export async function currentBindings(ctx: ServiceContext): Promise<Binding[]> {
  const out: Binding[] = [];
  for (const deviceId of [...(await stateOf(ctx).bindings).keys()]) {
    const b = await currentBinding(ctx, deviceId);
    if (b) out.push(b);
  }
  return out;
}

/** Binds the tablet to the deputy for its sitting (after a full identification), replacing any binding it had. */
export async function bindSeat(ctx: ServiceContext, at: { deviceId: number; sittingId: number; deputyId: number; away: boolean }, look: Uint8Array[]): Promise<Binding> {
  const map = await stateOf(ctx).bindings;
  const old = map.get(at.deviceId);
  const row = await ctx.db.write(async (tx) => {
    if (old && old.deputyId !== at.deputyId) await appendAudit(tx, unbindEntry(old, 'rebound'));
    const made = await insertBinding(tx, at);
    await appendAudit(tx, { actor: `device:${at.deviceId}`, action: 'seat.bind', subject: `device:${at.deviceId}`, detail: { sittingId: at.sittingId, deputyId: at.deputyId, away: at.away } });
    return made;
  });
  const binding: Binding = { ...row, lastSeen: Date.now(), spent: new Map(), looks: looksOf(stateOf(ctx).looks, at) };
  for (const l of look) keepLook(binding, l);
  map.set(at.deviceId, binding);
  stateOf(ctx).ended.delete(at.deviceId);
  return binding;
}

const unbindEntry = (b: Binding, reason: UnbindReason) => ({
  actor: `device:${b.deviceId}`,
  action: 'seat.unbind',
  subject: `device:${b.deviceId}`,
  detail: { sittingId: b.sittingId, deputyId: b.deputyId, reason },
});

/** Ends this binding (not a newer one of the same tablet); its voter tokens cast nothing from now on. */
export async function endBinding(ctx: ServiceContext, b: Binding, reason: UnbindReason): Promise<void> {
  const map = await stateOf(ctx).bindings;
  if (map.get(b.deviceId)?.id === b.id) {
    map.delete(b.deviceId);
    stateOf(ctx).ended.set(b.deviceId, reason);
  }
  await ctx.db.write(async (tx) => {
    if (await deleteBinding(tx, b.id)) await appendAudit(tx, unbindEntry(b, reason));
  });
}

/** Why the tablet's last binding ended, or 'none' (never bound, or bound again since). */
export const endedWhy = (ctx: ServiceContext, deviceId: number): UnbindReason | 'none' => stateOf(ctx).ended.get(deviceId) ?? 'none';

/** A tablet moved to another sitting, mode or seat, or revoked: its binding ends with it. */
export async function unbindDevice(ctx: ServiceContext, deviceId: number): Promise<void> {
  const b = (await stateOf(ctx).bindings).get(deviceId);
  if (b) await endBinding(ctx, b, 'device_changed');
}

/** A frame of the bound deputy was accepted: the binding holds for another timeout. */
export function renew(b: Binding, look: Uint8Array): void {
  b.lastSeen = Date.now();
  keepLook(b, look);
}

function keepLook(b: Binding, look: Uint8Array): void {
  if (b.looks.length >= LOOKS_KEPT) b.looks.shift();
  b.looks.push(look);
}

/**
 * A voter token issued under this binding is good for one ballot request (its retries, same clientId, included):
 * each ballot is confirmed by its own fresh frame. False when the token was spent on another request.
 */
export function spend(b: Binding, token: string, clientId: string): boolean {
  const spentOn = b.spent.get(token);
  if (spentOn !== undefined) return spentOn === clientId;
  b.spent.set(token, clientId);
  return true;
}

export const unboundError = () =>
  new AppError('ERR_UNAUTHORIZED', '座位绑定已解除，请重新刷脸确认身份 / This seat is no longer bound to you: look at the camera to identify again');
