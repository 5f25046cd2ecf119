// Staff accounts and sign-in. Sessions live in the database (the cookie carries a random token; only its hash
// is stored); a wrong password answers the same whatever was wrong; five failures lock the account a while.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { CreateStaff, UpdateStaff } from '../../shared/schemas/staff';
import type { StaffView } from '../../shared/views';
import * as staff from '../repositories/staff-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { hashPassword, oneTimePassword, verifyPassword } from './password';

/** A sitting day, with room for a long evening session. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const WRONG = () => new AppError('ERR_UNAUTHORIZED', '用户名或密码错误 / Wrong username or password');

/** Sessions by token hash, so each request does not read the sessions table; cleared on any account change. */
const sessionCache = new WeakMap<ServiceContext, Map<string, { staff: StaffView; expiresAt: number }>>();
function cache(ctx: ServiceContext) {
  let c = sessionCache.get(ctx);
  if (!c) sessionCache.set(ctx, (c = new Map()));
  return c;
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

export async function login(ctx: ServiceContext, username: string, password: string): Promise<{ token: string; staff: StaffView }> {
  const row = await staff.findByUsername(ctx.db, username);
  if (!row || row.disabled || !row.password_hash) {
    await verifyPassword(password, await dummyHash()); // same time whether or not the account exists
    throw WRONG();
  }
  if (row.locked_until && Date.parse(row.locked_until) > Date.now()) {
    throw new AppError('ERR_RATE_LIMITED', '登录失败次数过多，请稍后再试 / Too many failed sign-ins; try again later');
  }
  if (!(await verifyPassword(password, row.password_hash))) {
    const lock = row.failed_logins + 1 >= MAX_FAILURES ? new Date(Date.now() + LOCKOUT_MS).toISOString() : null;
    await ctx.db.write(async (tx) => {
      await staff.recordFailure(tx, row.id, lock);
      await appendAudit(tx, { actor: 'anonymous', action: 'staff.login_failed', subject: `staff:${row.id}`, detail: { locked: lock !== null } });
    });
    throw WRONG();
  }
  const token = randomBytes(32).toString('hex');
  await ctx.db.write(async (tx) => {
    await staff.clearFailures(tx, row.id);
    await staff.insertSession(tx, hash(token), row.id, new Date(Date.now() + SESSION_TTL_MS).toISOString());
    await appendAudit(tx, { actor: `staff:${row.id}`, action: 'staff.login', subject: `staff:${row.id}` });
  });
  return { token, staff: staff.toStaffView({ ...row, failed_logins: 0, locked_until: null }) };
}

let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

/** The signed-in staff member of a session token, or null (unknown, expired or disabled). */
export async function sessionStaff(ctx: ServiceContext, token: string): Promise<StaffView | null> {
  const key = hash(token);
  const hit = cache(ctx).get(key);
  if (hit && hit.expiresAt > Date.now()) return hit.staff;
  const row = await staff.findSession(ctx.db, key);
  if (!row || row.disabled || Date.parse(row.expires_at) <= Date.now()) return null;
  const view = staff.toStaffView(row);
  cache(ctx).set(key, { staff: view, expiresAt: Date.parse(row.expires_at) });
  return view;
}

export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  cache(ctx).clear();
  await ctx.db.write((tx) => staff.deleteSession(tx, hash(token)));
}

export async function changePassword(ctx: ServiceContext, me: StaffView, current: string, next: string): Promise<StaffView> {
  const row = (await staff.findStaff(ctx.db, me.id))!;
  if (!row.password_hash || !(await verifyPassword(current, row.password_hash))) {
    throw new AppError('ERR_UNAUTHORIZED', '当前密码不正确 / Current password is wrong');
  }
  if (current === next) throw new AppError('ERR_VALIDATION', '新密码不能与原密码相同 / Choose a different password');
  const passwordHash = await hashPassword(next);
  await ctx.db.write(async (tx) => {
    await staff.setPassword(tx, me.id, passwordHash, false);
    await appendAudit(tx, { actor: `staff:${me.id}`, action: 'staff.password', subject: `staff:${me.id}` });
  });
  cache(ctx).clear();
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
  cache(ctx).clear();
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
  cache(ctx).clear();
  return { oneTimePassword: password };
}
