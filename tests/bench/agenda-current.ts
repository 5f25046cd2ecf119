// npm run bench:agenda [-- --kiosks 3000 --changes 30]
// The chair moves the sitting to the next agenda item (当前议程) while N seat tablets hold their live sockets: how
// long from the request until the LAST tablet's live state shows the new item (issue 25: p99 < 300 ms at 3,000).
// Server in its own process on a temp SQLite file; the tablets are the kiosks' own live client (shared/live-client)
// in this process, so the figure includes this process parsing 3,000 messages on the same 2 cores.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { currentItem } from '../../shared/agenda';
import type { MeetingState } from '../../shared/protocol';
import { JsonClient, signInClient } from './lib/http';
import { allShown, closeKiosks, connectKiosks, pairKiosks, warmUp, type Kiosk } from './lib/kiosks';
import { prepare } from './lib/prepare';
import { startServer } from './lib/server-process';
import { latencySummary, round } from './lib/stats';

const { values } = parseArgs({ options: { kiosks: { type: 'string', default: '3000' }, changes: { type: 'string', default: '30' } } });
const n = Number(values.kiosks);
const changes = Number(values.changes);
const timer = setTimeout(() => (console.error('bench:agenda gave up after 10 minutes'), process.exit(2)), 10 * 60_000);
timer.unref();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'quorum-agenda-bench-'));
const prep = await prepare(dir, n);
const proc = await startServer(dir);
const client = new JsonClient('127.0.0.1', proc.port);
try {
  await signInClient(client, prep.clerk);
  const items = [prep.agendaItemId];
  for (const [title, kind] of [['听取工作报告', 'report'], ['审议预算报告', 'deliberation'], ['专题询问', 'inquiry']] as const) {
    items.push((await client.request<{ id: number }>('POST', `/api/sittings/${prep.sittingId}/agenda`, { title, kind, presenter: '汇报人' })).body.id);
  }
  const { kiosks } = await pairKiosks(client, prep, 1);
  await warmUp(client, kiosks);
  // When each tablet first showed the item being waited for (performance.now()).
  let want = -1;
  const seenAt = new Map<Kiosk, number>();
  const onState = (k: Kiosk, state: MeetingState) => {
    if (want > 0 && !seenAt.has(k) && currentItem(state.agenda.find((a) => a.sittingId === prep.sittingId))?.id === want) seenAt.set(k, performance.now());
  };
  const connected = await connectKiosks(proc.port, prep.meetingId, kiosks, onState);
  console.log(`bench:agenda — ${connected} / ${n} seat tablets live; ${changes} changes of the current item`);
  const last: number[] = [];
  const every: number[] = [];
  const cpuBefore = proc.cpuSeconds();
  const selfBefore = process.cpuUsage();
  for (let i = 0; i < changes; i++) {
    want = items[i % items.length]!;
    seenAt.clear();
    const t0 = performance.now();
    const res = await client.request('PUT', `/api/sittings/${prep.sittingId}/agenda/current`, { itemId: want });
    if (res.status !== 200) throw new Error(`set current → ${res.status} ${JSON.stringify(res.body)}`);
    const deadline = t0 + 10_000;
    while (seenAt.size < kiosks.length && performance.now() < deadline) await sleep(2);
    if (seenAt.size < kiosks.length) throw new Error(`only ${seenAt.size} of ${kiosks.length} tablets showed item ${want}`);
    const times = [...seenAt.values()].map((t) => t - t0);
    every.push(...times);
    last.push(Math.max(...times));
    await sleep(300); // the chair does not press twice within a coalescing window
  }
  const cpu = proc.cpuSeconds() - cpuBefore;
  const self = process.cpuUsage(selfBefore);
  const selfSeconds = (self.user + self.system) / 1e6;
  const lastS = latencySummary(last);
  const allS = latencySummary(every);
  // For reference on this machine at this moment: the same push path the bench of votes times (a vote opened →
  // shown on every tablet), a few times in the same run.
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const vote = (await client.request<{ id: number }>('POST', `/api/agenda/${prep.agendaItemId}/votes`, { kind: 'resolution', title: `参照表决${i + 1}`, secrecy: 'open' })).body;
    const t0 = performance.now();
    await client.request('POST', `/api/votes/${vote.id}/open`, { overrideQuorumReason: '压力测试参照' });
    await allShown(kiosks, vote.id);
    opens.push(performance.now() - t0);
    await client.request('POST', `/api/votes/${vote.id}/cancel`, { reason: '压力测试参照' });
    await sleep(300);
  }
  const openS = latencySummary(opens);
  console.log(`  request → shown on the LAST tablet   p50 ${lastS.p50} ms, p95 ${lastS.p95} ms, p99 ${lastS.p99} ms, max ${lastS.max} ms`);
  console.log(`  request → shown, every tablet        p50 ${allS.p50} ms, p99 ${allS.p99} ms (${every.length} deliveries)`);
  console.log(`  server RSS / CPU                     ${round(proc.rssMb())} MB, ${round(cpu, 2)} s CPU for ${changes} changes (${round((cpu * 1000) / changes)} ms a change)`);
  console.log(`  simulator CPU (the ${n} tablets)     ${round(selfSeconds, 2)} s (${round((selfSeconds * 1000) / changes)} ms a change)`);
  console.log(`  reference: vote open → last tablet   p50 ${openS.p50} ms, max ${openS.max} ms (5 opens, same run)`);
  console.log(`  load average at the end              ${loadavg().map((x) => round(x, 1)).join(' ')}`);
  console.log(JSON.stringify({ kiosks: n, connected, changes, lastP50Ms: lastS.p50, lastP99Ms: lastS.p99, lastMaxMs: lastS.max, everyP99Ms: allS.p99, voteOpenP50Ms: openS.p50, load1: round(loadavg()[0]!, 1), rssMb: round(proc.rssMb()), cpuSeconds: round(cpu, 2), simulatorCpuSeconds: round(selfSeconds, 2) }));
  closeKiosks(kiosks);
  process.exitCode = lastS.p99 < 300 ? 0 : 1;
} finally {
  client.close();
  await proc.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit();
