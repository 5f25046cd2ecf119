// Staff sign-in (rate-limited), sign-out, "who am I", password change, and account management for admins.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../../../shared/errors';
import { IdParams } from '../../../shared/schemas/common';
import { ChangePassword, CreateStaff, Login, UpdateStaff } from '../../../shared/schemas/staff';
import { STAFF_RIGHTS } from '../../../shared/staff-rights';
import * as staff from '../../services/staff-service';
import { SESSION_COOKIE } from '../../plugins/access';
import { actorOf } from '../actor';

/** Per client address: enough for a person mistyping, far too few for guessing (the account lockout adds to it). */
export const LOGIN_RATE = { max: 10, timeWindow: '1 minute' };

function setSession(request: FastifyRequest, reply: FastifyReply, token: string | null) {
  const options = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: request.protocol === 'https' };
  if (token) reply.setCookie(SESSION_COOKIE, token, { ...options, maxAge: staff.SESSION_TTL_MS / 1000 });
  else reply.clearCookie(SESSION_COOKIE, options);
}

export default async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('ERR_RATE_LIMITED', '尝试次数过多，请一分钟后再试 / Too many attempts; wait a minute'),
  });

  app.post('/api/auth/login', { schema: { body: Login }, config: { access: 'public', rateLimit: LOGIN_RATE } }, async (req, reply) => {
    const { token, staff: me } = await staff.login(ctx, req.body.username, req.body.password, req.ip);
    setSession(req, reply, token);
    return me;
  });

  app.post('/api/auth/logout', { config: { access: 'staff' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await staff.logout(ctx, token);
    setSession(req, reply, null);
    return { ok: true };
  });

  app.get('/api/auth/me', { config: { access: 'staff' } }, async (req) => req.staff!);

  app.post('/api/auth/password', { schema: { body: ChangePassword }, config: { access: 'staff', rateLimit: LOGIN_RATE } }, async (req) =>
    staff.changePassword(ctx, req.staff!, {
      current: req.body.currentPassword,
      next: req.body.newPassword,
      token: req.cookies[SESSION_COOKIE]!,
      address: req.ip,
    }),
  );

  app.get('/api/staff', { config: { access: STAFF_RIGHTS.administer } }, async () => staff.listStaff(ctx));

  /** Answers the new account's one-time password once; it must be changed at first sign-in. */
  app.post('/api/staff', { schema: { body: CreateStaff }, config: { access: STAFF_RIGHTS.administer } }, async (req, reply) =>
    reply.status(201).send(await staff.createStaff(ctx, req.body, actorOf(req))),
  );

  app.patch('/api/staff/:staffId', { schema: { params: IdParams('staffId'), body: UpdateStaff }, config: { access: STAFF_RIGHTS.administer } }, async (req) => {
    if (req.params.staffId === req.staff!.id && (req.body.disabled || (req.body.role && req.body.role !== 'admin'))) {
      throw new AppError('ERR_CONFLICT', '不能停用或降级自己的账户 / You cannot disable or demote yourself');
    }
    return staff.updateStaff(ctx, req.params.staffId, req.body, actorOf(req));
  });

  /** Lifts the sign-in lock of an account at every address (a lock otherwise ends by itself); answers the account. */
  app.post('/api/staff/:staffId/unlock', { schema: { params: IdParams('staffId') }, config: { access: STAFF_RIGHTS.administer } }, async (req) =>
    staff.unlockStaff(ctx, req.params.staffId, actorOf(req)),
  );

  app.post('/api/staff/:staffId/reset-password', { schema: { params: IdParams('staffId') }, config: { access: STAFF_RIGHTS.administer } }, async (req) =>
    staff.resetPassword(ctx, req.params.staffId, actorOf(req)),
  );
}
