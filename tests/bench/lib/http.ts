// A keep-alive JSON client on node:http with a bounded socket pool, so thousands of simulated kiosks share
// connections the way a LAN of tablets would not overwhelm one process's file descriptors.
import http from 'node:http';
import { signHeaders } from '../../helpers/devices';

export interface JsonReply<T> {
  status: number;
  body: T;
  ms: number;
}

export class JsonClient {
  private readonly agent: http.Agent;
  /** The cookies of the last reply that set any ('name=value; …'). */
  lastSetCookie = '';
  /** Sent with every request (e.g. a staff session cookie) under the request's own headers. */
  defaultHeaders: Record<string, string> = {};

  constructor(
    private readonly host: string,
    private readonly port: number,
    maxSockets = 256,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Signed by a tablet's key when `headers` name a tablet the bench paired (helpers/devices). */
  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonReply<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const signed = await signHeaders(method, path, payload, headers);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...this.defaultHeaders, ...signed },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          const setCookie = res.headers['set-cookie'];
          if (setCookie) this.lastSetCookie = setCookie.map((c) => c.split(';')[0]!).join('; ');
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T, ms: performance.now() - started });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Signs a staff account in and makes the client send its session cookie from then on. */
export async function signInClient(client: JsonClient, account: { username: string; password: string }): Promise<string> {
  const res = await client.request('POST', '/api/auth/login', account);
  if (res.status !== 200 || !client.lastSetCookie) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  client.defaultHeaders = { cookie: client.lastSetCookie };
  return client.lastSetCookie;
}
