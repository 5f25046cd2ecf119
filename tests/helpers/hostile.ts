// For the hostile-input tests: a digest of every table (to show a refused request changed nothing), the
// list of routes declared in server/routes/**, and raw requests with their error body checked.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ERRORS } from '../../shared/errors';
import type { Database } from '../../server/db/database';
import { sessionCookie } from './app';
import { inject } from './devices';

/** table → SHA-256 of its rows (sorted), for every table in the file. */
export async function digest(db: Pick<Database, 'all'>): Promise<Record<string, string>> {
  const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`);
    const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v))).sort();
    out[name] = createHash('sha256').update(lines.join('\n')).digest('hex');
  }
  return out;
}

const ROUTES_DIR = resolve(import.meta.dirname, '..', '..', 'server', 'routes');

/** Every `METHOD /path` the route files declare (the live socket as `GET /api/live`). */
export function declaredRoutes(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.ts')) {
        const src = readFileSync(join(dir, e.name), 'utf8');
        for (const m of src.matchAll(/app\.(get|post|put|patch|delete)\(\s*(?:'([^']+)'|(LIVE_PATH))/g)) {
          found.add(`${m[1]!.toUpperCase()} ${m[2] ?? '/api/live'}`);
        }
      }
    }
  };
  walk(ROUTES_DIR);
  return [...found].sort();
}

export interface Sent {
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  res: LightMyRequestResponse;
}

/**
 * Sends raw text (or a value as JSON), as the signed-in test admin unless `headers` has a cookie, and checks
 * that any 4xx carries { error: { code, message } } as JSON.
 */
export async function send(
  app: FastifyInstance,
  method: string,
  url: string,
  payload?: string | Buffer | object,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const raw = typeof payload === 'string' || Buffer.isBuffer(payload);
  const cookie = sessionCookie(app);
  const res = await inject(app, {
    method: method as 'GET',
    url,
    payload: payload as string,
    headers: { ...(cookie ? { cookie } : {}), ...(raw ? { 'content-type': 'application/json' } : {}), ...headers },
  });
  const body = res.body ? (JSON.parse(res.body) as Sent['body']) : {};
  if (res.statusCode >= 400) {
    expect(res.statusCode, `${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    expect(Object.keys(ERRORS)).toContain(body.error?.code);
    expect(body.error!.message.length).toBeGreaterThan(0);
  }
  return { status: res.statusCode, body, res };
}

/** A multipart/form-data body with the given files. */
export function multipart(files: Array<{ field: string; name: string; data: Buffer | string }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----quorum${Math.random().toString(16).slice(2)}`;
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from(f.data),
      Buffer.from('\r\n'),
    ]),
  );
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
