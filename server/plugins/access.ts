// Who may call what. Every /api route declares `config: { access }`; a route that declares none is refused,
// so a forgotten guard fails closed (tests/integration/hostile-input.test.ts checks each staff route refuses
// a caller without a session).
//   'public'  — anyone (health, a tablet asking to pair, the live socket, which checks its own callers)
//   'device'  — a paired tablet; the route's own preHandler checks its mode (app.requireDevice)
//   'staff'   — any signed-in staff member;  StaffRole[] — only those roles
//   'device-or-staff' — a paired tablet or any staff member (thumbnails, the face model config)
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { AppError } from '../../shared/errors';
import type { StaffRole, StaffView } from '../../shared/views';
import { sessionEndsAt, sessionStaff } from '../services/staff-service';
import { authenticateDevice } from './device-auth';

export type Access = 'public' | 'device' | 'staff' | 'device-or-staff' | StaffRole[];

export const SESSION_COOKIE = 'quorum_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    staff: StaffView | null;
  }
}

/** Routes a staff member who must change their one-time password may still call. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

export async function staffOf(app: FastifyInstance, request: FastifyRequest): Promise<StaffView | null> {
  const token = request.cookies[SESSION_COOKIE];
  return token && /^[0-9a-f]{64}$/.test(token) ? sessionStaff(app.ctx, token) : null;
}

/** When the request's session ends (ms since the epoch), or null without one. */
export async function sessionEndOf(app: FastifyInstance, request: FastifyRequest): Promise<number | null> {
  const token = request.cookies[SESSION_COOKIE];
  return token && /^[0-9a-f]{64}$/.test(token) ? sessionEndsAt(app.ctx, token) : null;
}

export default fp(
  async function access(app: FastifyInstance) {
    await app.register(cookie);
    app.decorateRequest('staff', null);
    app.addHook('onRequest', async (request) => {
      const url = request.routeOptions.url;
      if (!url?.startsWith('/api/')) return; // static files and models are public; unknown paths get a 404
      const rule = request.routeOptions.config.access;
      if (rule === undefined) {
        request.log.error(`route ${url} declares no access rule`);
        throw new AppError('ERR_FORBIDDEN', '此接口未开放 / This route is not open to anyone');
      }
      if (rule === 'public' || rule === 'device') return;
      const staff = await staffOf(app, request);
      if (!staff) {
        if (rule === 'device-or-staff') return void (await authenticateDevice(app.ctx, request, []));
        throw new AppError('ERR_UNAUTHORIZED', '请先登录 / Please sign in');
      }
      request.staff = staff;
      if (staff.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(url)) {
        throw new AppError('ERR_FORBIDDEN', '请先修改初始密码 / Change your one-time password first');
      }
      if (Array.isArray(rule) && !rule.includes(staff.role)) {
        throw new AppError('ERR_FORBIDDEN', '您的角色无权进行此操作 / Your role may not do this');
      }
    });
  },
  { name: 'access', dependencies: ['device-auth'] },
);
