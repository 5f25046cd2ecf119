// npm run bench:transport — what the transport alone costs on this machine, with nothing of Quorum in it: 3,000
// clients each send one small JSON request within 1 s to a bare Fastify server in its own process, once as HTTP
// POSTs (one keep-alive connection per client) and once as messages on open WebSockets. This is why seat tablets
// cast over their live socket (BENCHMARKS.md): the bare HTTP round trip already misses a 100-ms p99 here.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import WebSocket from 'ws';
import { JsonClient } from './lib/http';
import { freePort } from './lib/server-process';
import { latencySummary } from './lib/stats';

const CLIENTS = 3000;
const WINDOW_MS = 1000;
const BODY = { clientId: 'c0123456789', voterToken: 'x'.repeat(60), content: { marks: { 1: 'yes' } } };

async function serve(port: number): Promise<void> {
  const app = Fastify();
  await app.register(websocket);
  app.post('/cast', async (req) => ({ outcome: 'recorded', clientId: (req.body as { clientId: string }).clientId }));
  app.get('/live', { websocket: true }, (socket) => {
    socket.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString()) as { clientId: string };
      socket.send(JSON.stringify({ type: 'cast-result', clientId: m.clientId }));
    });
  });
  await app.listen({ port, host: '127.0.0.1' });
  process.send!('ready');
}

/** Runs `send` for every client at a random moment in the window; prints latency and both processes' CPU. */
async function burst(label: string, pid: number, clients: number, send: (i: number) => Promise<void>): Promise<void> {
  const serverCpu = () => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  };
  const cpu0 = serverCpu();
  const self0 = process.cpuUsage();
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * WINDOW_MS));
      const t = performance.now();
      await send(i);
      latencies.push(performance.now() - t);
    }),
  );
  const self = process.cpuUsage(self0);
  const l = latencySummary(latencies);
  console.log(`${label.padEnd(10)} p50 ${l.p50} ms, p99 ${l.p99} ms; server CPU ${(serverCpu() - cpu0).toFixed(2)} s, clients CPU ${((self.user + self.system) / 1e6).toFixed(2)} s`);
}

if (process.argv[2] === 'serve') {
  await serve(Number(process.argv[3]));
} else {
  const port = await freePort();
  const child = fork(new URL(import.meta.url).pathname, ['serve', String(port)], { execArgv: ['--import', 'tsx'] });
  await new Promise((r) => child.once('message', r));
  console.log(`${CLIENTS} clients, one request each within ${WINDOW_MS} ms, bare Fastify in another process:`);
  const http = Array.from({ length: CLIENTS }, () => new JsonClient('127.0.0.1', port, 1));
  await Promise.all(http.map((c) => c.request('POST', '/cast', BODY))); // connections open, as tablets' would be
  await burst('HTTP POST', child.pid!, CLIENTS, async (i) => void (await http[i]!.request('POST', '/cast', BODY)));
  http.forEach((c) => c.close());
  const sockets = await Promise.all(
    Array.from({ length: CLIENTS }, () => new Promise<WebSocket>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/live`);
      ws.once('open', () => resolve(ws));
    })),
  );
  await burst('WebSocket', child.pid!, CLIENTS, (i) => new Promise<void>((resolve) => {
    sockets[i]!.once('message', () => resolve());
    sockets[i]!.send(JSON.stringify(BODY));
  }));
  sockets.forEach((s) => s.terminate());
  child.kill();
  process.exit(0);
}
