// For upload attacks on the real server process: a multipart body streamed from chunks (a 300 MB part is never held
// by the test), and /api/health asked every 100 ms on its own connection, with the server's RSS sampled meanwhile.
import http from 'node:http';
import type { ServerProcess } from '../bench/lib/server-process';

export interface StreamPart {
  field: string;
  name: string;
  chunks: Iterable<Buffer>;
}

/** Posts a multipart body part by part; resolves with the answer (the server may answer before the body ends). */
export function postStreamed(port: number, path: string, cookie: string, parts: StreamPart[]): Promise<{ status: number; body: string }> {
  const boundary = `----quorum${Math.random().toString(16).slice(2)}`;
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', (e) => (answered ? undefined : reject(e)));
    void (async () => {
      const write = (b: Buffer) => (req.write(b) ? Promise.resolve() : new Promise<void>((r) => req.once('drain', r)));
      for (const p of parts) {
        await write(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${encodeURIComponent(p.name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
        for (const c of p.chunks) {
          if (answered || req.destroyed) return;
          await write(c);
        }
        await write(Buffer.from('\r\n'));
      }
      req.end(`--${boundary}--\r\n`);
    })().catch(() => undefined); // the server closed the connection after answering: what a refusal mid-upload does
  });
}

export interface Probe {
  /** Stops probing; the slowest health answer (ms) and the RSS peak over the start (MB). */
  stop(): Promise<{ healthMaxMs: number; healthCount: number; rssGrowthMb: number }>;
}

export function probe(server: ServerProcess): Probe {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const rssStart = server.rssMb();
  let rssPeak = rssStart;
  let healthMaxMs = 0;
  let count = 0;
  let running = true;
  const ask = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      http
        .get({ host: '127.0.0.1', port: server.port, path: '/api/health', agent }, (res) => {
          res.resume();
          res.on('end', () => {
            healthMaxMs = Math.max(healthMaxMs, performance.now() - started);
            count += 1;
            resolve();
          });
        })
        .on('error', () => {
          healthMaxMs = Infinity; // the server is gone
          resolve();
        });
    });
  const loop = (async () => {
    while (running) {
      await ask();
      rssPeak = Math.max(rssPeak, server.child.exitCode === null ? server.rssMb() : rssPeak);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return { healthMaxMs: Math.round(healthMaxMs), healthCount: count, rssGrowthMb: Math.round(rssPeak - rssStart) };
    },
  };
}

/** `count` chunks of `size` zero bytes (the same buffer each time). */
export function* zeros(count: number, size = 1024 * 1024): Generator<Buffer> {
  const chunk = Buffer.alloc(size);
  for (let i = 0; i < count; i++) yield chunk;
}
