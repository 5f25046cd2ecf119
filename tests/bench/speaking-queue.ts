// npm run bench:speaking [-- --kiosks 3000 --requests 300 --window 10000]
// 300 deputies ask to speak (申请发言) within 10 s while 3,000 seat tablets hold their live sockets. Checks, and
// prints: the queue is exactly the server's arrival order (each answer's place is its final place, and a request
// answered before another was sent stands ahead of it), each request once (30% sent twice in a row, 10% twice at once,
// as tablets retry), and how long until the chair's console (a live client) shows each request (p99 < 250 ms).
// Server in its own process on a temp SQLite file; tablets and console are the apps' live client in this process.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { LiveClient, type SocketLike } from '../../shared/live-client';
import type { SpeakReply } from '../../shared/schemas/speaking';
import type { SpeakingView } from '../../shared/speaking';
import { JsonClient, signInClient } from './lib/http';
import { checkInAll, closeKiosks, connectKiosks, identifyAll, pairKiosks, type Kiosk } from './lib/kiosks';
import { prepare } from './lib/prepare';
import { startServer } from './lib/server-process';
import { latencySummary, round } from './lib/stats';
import { checkOrder, type Asked } from './speaking-order';

const { values } = parseArgs({ options: { kiosks: { type: 'string', default: '3000' }, requests: { type: 'string', default: '300' }, window: { type: 'string', default: '10000' } } });
const n = Number(values.kiosks);
const requests = Number(values.requests);
const windowMs = Number(values.window);
const timer = setTimeout(() => (console.error('bench:speaking gave up after 15 minutes'), process.exit(2)), 15 * 60_000);
timer.unref();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'quorum-speaking-bench-'));
const prep = await prepare(dir, n);
const proc = await startServer(dir);
const client = new JsonClient('127.0.0.1', proc.port);
try {
  const cookie = await signInClient(client, prep.clerk);
  const { kiosks } = await pairKiosks(client, prep, 0);
  await checkInAll(client, prep, kiosks);
  identifyAll(prep, kiosks);
  const connected = await connectKiosks(proc.port, prep.meetingId, kiosks);
  // The chair's console: when each request id first shows in its queue (performance.now()).
  const shownAt = new Map<number, number>();
  let consoleView: SpeakingView | null = null;
  const chair = new LiveClient({
    origin: `ws://127.0.0.1:${proc.port}`,
    meetingId: prep.meetingId,
    connect: (url) => new WebSocket(url, { headers: { cookie } }) as unknown as SocketLike,
    onMessage: (m) => {
      if (m.type !== 'speaking' || m.speaking.sittingId !== prep.sittingId) return;
      if (consoleView && consoleView.seq > m.speaking.seq) return;
      consoleView = m.speaking;
      const now = performance.now();
      for (const e of m.speaking.queue) if (!shownAt.has(e.id)) shownAt.set(e.id, now);
    },
  });
  while (chair.status !== 'live') await sleep(20);
  console.log(`bench:speaking — ${connected} / ${n} seat tablets live, console live; ${requests} requests within ${windowMs / 1000} s`);

  const askers = [...kiosks].sort(() => Math.random() - 0.5).slice(0, requests);
  const ask = async (k: Kiosk, clientId: string) => {
    const sentAt = performance.now();
    const res = await client.request<SpeakReply>('POST', '/api/seat/speech-requests', { clientId, voterToken: k.voterToken }, k.headers);
    if (res.status !== 201 && res.status !== 200) throw new Error(`request → ${res.status} ${JSON.stringify(res.body)}`);
    return { sentAt, answeredAt: performance.now(), reply: res.body };
  };
  const cpuBefore = proc.cpuSeconds();
  const asked: Asked[] = [];
  let retries = 0;
  await Promise.all(
    askers.map(async (k, i) => {
      await sleep(Math.random() * windowMs);
      const clientId = randomUUID();
      // One in ten tablets sends its request twice at once (a resend racing the first); three in ten send it again after the answer.
      const first = i % 10 === 0 ? (await Promise.all([ask(k, clientId), ask(k, clientId)]))[0] : await ask(k, clientId);
      if (i % 10 === 0) retries += 1;
      asked.push({ deputyId: k.deputyId, ...first });
      if (i % 10 < 3) {
        const again = await ask(k, clientId);
        retries += 1;
        if (again.reply.requestId !== first.reply.requestId || again.reply.outcome !== 'duplicate') throw new Error(`retry answered ${JSON.stringify(again.reply)}`);
      }
    }),
  );
  const cpu = proc.cpuSeconds() - cpuBefore;
  for (let i = 0; i < 250 && shownAt.size < requests; i++) await sleep(20);
  const server = (await client.request<SpeakingView>('GET', `/api/sittings/${prep.sittingId}/speaking`)).body;
  const check = checkOrder(asked, server, consoleView);
  const toConsole = latencySummary(asked.map((a) => (shownAt.get(a.reply.requestId) ?? Infinity) - a.answeredAt));
  const sendToConsole = latencySummary(asked.map((a) => (shownAt.get(a.reply.requestId) ?? Infinity) - a.sentAt));
  const answer = latencySummary(asked.map((a) => a.answeredAt - a.sentAt));
  console.log(`  requests / retries sent               ${asked.length} / ${retries}`);
  console.log(`  in the queue (server)                 ${server.queue.length}, distinct deputies ${check.distinct}, in the console ${consoleView ? (consoleView as SpeakingView).queue.length : 0}`);
  console.log(`  order: answers' places = final places ${check.placesFinal ? 'yes' : 'NO'} ; answered-before-sent stands ahead ${check.causal ? 'yes' : 'NO'} (${check.pairs} pairs) ; console = server ${check.consoleSame ? 'yes' : 'NO'}`);
  console.log(`  answer to the tablet                  p50 ${answer.p50} ms, p99 ${answer.p99} ms, max ${answer.max} ms`);
  console.log(`  answer → console shows it             p50 ${toConsole.p50} ms, p95 ${toConsole.p95} ms, p99 ${toConsole.p99} ms, max ${toConsole.max} ms`);
  console.log(`  sent → console shows it               p50 ${sendToConsole.p50} ms, p99 ${sendToConsole.p99} ms, max ${sendToConsole.max} ms`);
  console.log(`  server CPU / RSS                      ${round(cpu, 2)} s for the burst, ${round(proc.rssMb())} MB`);
  console.log(`  load average at the end               ${loadavg().map((x) => round(x, 1)).join(' ')}`);
  console.log(JSON.stringify({ kiosks: n, connected, requests: asked.length, retries, queued: server.queue.length, ...check, consoleP50Ms: toConsole.p50, consoleP99Ms: toConsole.p99, consoleMaxMs: toConsole.max, answerP99Ms: answer.p99, cpuSeconds: round(cpu, 2), load1: round(loadavg()[0]!, 1) }));
  chair.close();
  closeKiosks(kiosks);
  process.exitCode = check.ok && server.queue.length === requests && toConsole.p99 < 250 ? 0 : 1;
} finally {
  client.close();
  await proc.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit();
