// Builds the real app on a fresh SQLite file in a temp folder; one per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app';
import { hashPassword } from '../../server/services/password';
import { insertStaff } from '../../server/repositories/staff-repository';
import { SESSION_COOKIE } from '../../server/plugins/access';
import type { StaffRole } from '../../shared/views';

export interface TestApp {
  app: FastifyInstance;
  dir: string;
  dbPath: string;
  /** The signed-in test admin's session cookie ('quorum_session=…'), sent by call() on every request. */
  cookie: string;
  close(): Promise<void>;
}

const sessions = new WeakMap<FastifyInstance, string>();

/** Creates a staff account with a known password and no forced change (tests and benches only); answers the password. */
export async function createStaffAccount(app: FastifyInstance, role: StaffRole, username: string): Promise<string> {
  const password = `${username}-password`;
  const passwordHash = await hashPassword(password);
  await app.ctx.db.write((tx) => insertStaff(tx, { username, displayName: username, role, passwordHash, mustChange: false }));
  return password;
}

/**
 * Creates a staff account and signs it in; answers its cookie ('quorum_session=…').
 * `asDefault` makes call() send it (for apps built without makeApp).
 */
export async function signIn(app: FastifyInstance, role: StaffRole, username = `test-${role}`, asDefault = false): Promise<string> {
  const password = await createStaffAccount(app, role, username);
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (res.statusCode !== 200 || !token) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = `${SESSION_COOKIE}=${token}`;
  if (asDefault) sessions.set(app, cookie);
  return cookie;
}

/** Makes call() send `cookie` for this app (e.g. an app rebuilt on the same file: sessions are stored). */
export const useCookie = (app: FastifyInstance, cookie: string): void => void sessions.set(app, cookie);

/** The cookie call() sends for this app by default (the test admin's), if any. */
export const sessionCookie = (app: FastifyInstance): string | null => sessions.get(app) ?? null;

export async function makeApp(options: Omit<AppOptions, 'dbPath'> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-test-'));
  const dbPath = join(dir, 'quorum.db');
  const app = await buildApp({ dbPath, ...options });
  const cookie = await signIn(app, 'admin', 'test-admin', true);
  return {
    app,
    dir,
    dbPath,
    cookie,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * inject + JSON as the signed-in test admin (or with `cookie`), failing loudly with the server's message when the
 * status is not the expected one.
 */
export async function call<T = unknown>(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  expectStatus?: number,
  cookie: string | null = sessions.get(app) ?? null,
): Promise<{ status: number; body: T }> {
  const res = await app.inject({ method, url, payload: payload as never, headers: cookie ? { cookie } : {} });
  const body = res.body ? (JSON.parse(res.body) as T) : (undefined as T);
  if (expectStatus !== undefined && res.statusCode !== expectStatus) {
    throw new Error(`${method} ${url} → ${res.statusCode} (expected ${expectStatus}): ${res.body}`);
  }
  return { status: res.statusCode, body };
}
