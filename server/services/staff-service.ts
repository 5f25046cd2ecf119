// Staff accounts and sign-in. Sessions live in the database (the cookie carries a random token; only its hash
// is stored); a failed sign-in answers the same whatever was wrong; repeated failures lock the account a while from that
// address (services/login-guard).
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { CreateStaff, UpdateStaff } from '../../shared/schemas/staff';
import type { StaffView } from '../../shared/views';
import * as staff from '../repositories/staff-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { hashPassword, oneTimePassword, verifyPassword } from './password';
import * as guard from './login-guard';

/** A sitting day, with room for a long evening session. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export { MAX_FAILURES, LOCKOUT_MS } from './login-guard';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
/** The one answer to every failed sign-in (a locked account too: the console's sign-in page shows it as is). */
const WRONG = () => new AppError('ERR_UNAUTHORIZED', '用户名或密码错误 / Wrong username or password');

/**
 * Sessions by token hash, so each request does not read the sessions table. Any account change (sign-out,
 * disabling, a password) ends sessions in the database first, then calls forget(): it empties the cache and
 * moves the generation on, so a request that read the session before the change committed cannot put it back.
 */
interface SessionCache {
  generation: number;
  entries: Map<string, { staff: StaffView; expiresAt: number }>;
}
const sessionCache = new WeakMap<ServiceContext, SessionCache>();
function cache(ctx: ServiceContext): SessionCache {
  let c = sessionCache.get(ctx);
  if (!c) sessionCache.set(ctx, (c = { generation: 0, entries: new Map() }));
  return c;
}
function forget(ctx: ServiceContext): void {
  const c = cache(ctx);
  c.generation += 1;
  c.entries.clear();
}
/** After an account change committed: forget cached sessions and have open live sockets check theirs again. */
function sessionsChanged(ctx: ServiceContext): void {
  forget(ctx);
  ctx.hub.recheckStaff();
}

/** On first start: the first admin, with a one-time password to print (there is no default password). */
export async function ensureFirstAdmin(ctx: ServiceContext): Promise<{ username: string; password: string } | null> {
  if ((await staff.countStaff(ctx.db)) > 0) return null;
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const created = await ctx.db.write(async (tx) => {
    if ((await staff.countStaff(tx)) > 0) return false;
    const id = await staff.insertStaff(tx, { username: 'admin', displayName: '系统管理员', role: 'admin', passwordHash, mustChange: true });
    await appendAudit(tx, { actor: 'system', action: 'staff.create', subject: `staff:${id}`, detail: { username: 'admin', role: 'admin' } });
    return true;
  });
  return created ? { username: 'admin', password } : null;
}

export async function createStaff(ctx: ServiceContext, input: CreateStaff, actor: Actor): Promise<{ staff: StaffView; oneTimePassword: string }> {
  if (await staff.findByUsername(ctx.db, input.username)) throw new AppError('ERR_CONFLICT', '用户名已存在 / Username taken');
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const id = await ctx.db.write(async (tx) => {
    const staffId = await staff.insertStaff(tx, { ...input, displayName: input.displayName.trim(), passwordHash, mustChange: true });
    await appendAudit(tx, { actor, action: 'staff.create', subject: `staff:${staffId}`, detail: { username: input.username, role: input.role } });
    return staffId;
  });
  return { staff: staff.toStaffView((await staff.findStaff(ctx.db, id))!), oneTimePassword: password };
}

/**
 * Signs in from `address`. Every failure — unknown name, disabled account, wrong password, a lock in force —
 * does the same work (one scrypt hash, one write) and answers the same 401, so neither the answer nor its time
 * tells which accounts exist or are locked.
 */
export async function login(ctx: ServiceContext, username: string, password: string, address: string): Promise<{ token: string; staff: StaffView }> {
  const row = await staff.findByUsername(ctx.db, username);
  const locked = await guard.isLocked(ctx.db, username, address);
  const usable = row && !row.disabled && row.password_hash ? row : null;
  const ok = await verifyPassword(password, usable?.password_hash ?? (await dummyHash()));
  if (!usable || locked || !ok) {
    await ctx.db.write(async (tx) => {
      const nowLocked = await guard.recordFailure(tx, username, address);
      await appendAudit(tx, { actor: 'anonymous', action: 'staff.login_failed', subject: row ? `staff:${row.id}` : undefined, detail: { locked: nowLocked } });
    });
    throw WRONG();
  }
  const token = randomBytes(32).toString('hex');
  await ctx.db.write(async (tx) => {
    await guard.recordSuccess(tx, username, address);
    await staff.insertSession(tx, hash(token), usable.id, new Date(Date.now() + SESSION_TTL_MS).toISOString());
    await appendAudit(tx, { actor: `staff:${usable.id}`, action: 'staff.login', subject: `staff:${usable.id}` });
  });
  return { token, staff: staff.toStaffView(usable) };
}

let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

/** The signed-in staff member of a session token, or null (unknown, expired or disabled). */
export async function sessionStaff(ctx: ServiceContext, token: string): Promise<StaffView | null> {
  const key = hash(token);
  const c = cache(ctx);
  const hit = c.entries.get(key);
  if (hit && hit.expiresAt > Date.now()) return hit.staff;
  const generation = c.generation;
  const row = await staff.findSession(ctx.db, key);
  if (!row || row.disabled || Date.parse(row.expires_at) <= Date.now()) return null;
  const view = staff.toStaffView(row);
  // An account change that began while this read was under way may have ended the session: answer what was
  // read (the request started before the change), but do not keep it for later requests.
  if (c.generation === generation) c.entries.set(key, { staff: view, expiresAt: Date.parse(row.expires_at) });
  return view;
}

/** When a session ends (ms since the epoch), or null when there is none: an open console socket closes then. */
export async function sessionEndsAt(ctx: ServiceContext, token: string): Promise<number | null> {
  const hit = cache(ctx).entries.get(hash(token));
  if (hit) return hit.expiresAt;
  const row = await staff.findSession(ctx.db, hash(token));
  return row ? Date.parse(row.expires_at) : null;
}

export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  forget(ctx); // before too: requests from here on read the database until the delete has committed
  await ctx.db.write((tx) => staff.deleteSession(tx, hash(token)));
  sessionsChanged(ctx);
}

/**
 * Changes one's own password. A wrong current password counts toward the lockout like a failed sign-in (a
 * stolen session must not become an unlimited guesser); on success every other session of the account ends.
 */
export async function changePassword(
  ctx: ServiceContext,
  me: StaffView,
  input: { current: string; next: string; token: string; address: string },
): Promise<StaffView> {
  const row = (await staff.findStaff(ctx.db, me.id))!;
  const locked = await guard.isLocked(ctx.db, row.username, input.address);
  const ok = !!row.password_hash && (await verifyPassword(input.current, row.password_hash));
  if (locked || !ok) {
    await ctx.db.write(async (tx) => {
      const nowLocked = await guard.recordFailure(tx, row.username, input.address);
      await appendAudit(tx, { actor: `staff:${me.id}`, action: 'staff.password_failed', subject: `staff:${me.id}`, detail: { locked: nowLocked } });
    });
    throw new AppError('ERR_UNAUTHORIZED', '当前密码不正确（多次失败后会暂时锁定）/ Current password is wrong (repeated failures lock it for a while)');
  }
  if (input.current === input.next) throw new AppError('ERR_VALIDATION', '新密码不能与原密码相同 / Choose a different password');
  const passwordHash = await hashPassword(input.next);
  await ctx.db.write(async (tx) => {
    await staff.setPassword(tx, me.id, passwordHash, false);
    await staff.deleteOtherSessions(tx, me.id, hash(input.token));
    await appendAudit(tx, { actor: `staff:${me.id}`, action: 'staff.password', subject: `staff:${me.id}` });
  });
  sessionsChanged(ctx);
  return staff.toStaffView((await staff.findStaff(ctx.db, me.id))!);
}

export const listStaff = (ctx: ServiceContext): Promise<StaffView[]> => staff.listStaff(ctx.db);

export async function updateStaff(ctx: ServiceContext, id: number, patch: UpdateStaff, actor: Actor): Promise<StaffView> {
  if (!(await staff.findStaff(ctx.db, id))) throw new AppError('ERR_NOT_FOUND', `找不到该工作人员 / Staff ${id} not found`);
  await ctx.db.write(async (tx) => {
    await staff.updateStaff(tx, id, patch);
    if (patch.disabled || patch.role) await staff.deleteSessionsOf(tx, id); // takes effect at once
    await appendAudit(tx, { actor, action: 'staff.update', subject: `staff:${id}`, detail: { ...patch } });
  });
  sessionsChanged(ctx);
  return staff.toStaffView((await staff.findStaff(ctx.db, id))!);
}

/** Gives an account a new one-time password (forgotten password); its sessions end. */
export async function resetPassword(ctx: ServiceContext, id: number, actor: Actor): Promise<{ oneTimePassword: string }> {
  if (!(await staff.findStaff(ctx.db, id))) throw new AppError('ERR_NOT_FOUND', `找不到该工作人员 / Staff ${id} not found`);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await ctx.db.write(async (tx) => {
    await staff.setPassword(tx, id, passwordHash, true);
    await staff.deleteSessionsOf(tx, id);
    await appendAudit(tx, { actor, action: 'staff.reset_password', subject: `staff:${id}` });
  });
  sessionsChanged(ctx);
  return { oneTimePassword: password };
}

/** An admin lifts every sign-in lock of an account (all addresses); answers the account. */
export async function unlockStaff(ctx: ServiceContext, id: number, actor: Actor): Promise<StaffView> {
  const row = await staff.findStaff(ctx.db, id);
  if (!row) throw new AppError('ERR_NOT_FOUND', `找不到该工作人员 / Staff ${id} not found`);
  await ctx.db.write(async (tx) => {
    await guard.unlockAccount(tx, row.username);
    await appendAudit(tx, { actor, action: 'staff.unlock', subject: `staff:${id}` });
  });
  return staff.toStaffView(row);
}
