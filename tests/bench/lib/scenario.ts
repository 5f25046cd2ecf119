// One benchmark run: prepare data, start the server, pair and connect the kiosks, check in, identify, open a
// vote, cast within a window, and measure what the issue asks for.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { LiveClient, type SocketLike } from '../../../shared/live-client';
import type { VoteView } from '../../../shared/views';
import { JsonClient, signInClient } from './http';
import { allShown, castAll, checkInAll, closeKiosks, connectKiosks, identifyAll, pairKiosks, warmUp } from './kiosks';
import { prepare } from './prepare';
import { startServer } from './server-process';
import { latencySummary, round } from './stats';

export interface ScenarioOptions {
  kiosks: number;
  windowMs: number;
  naive: boolean;
  log: (line: string) => void;
}

export interface ScenarioResult {
  kiosks: number;
  connected: number;
  checkinsPerSec: number;
  checkinP99Ms: number;
  ballots: number;
  requests: number;
  duplicates: number;
  failures: Record<string, number>;
  counted: number;
  countedCorrectly: boolean;
  ballotsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  tallyLagMs: number;
  /** From the open request to the vote shown open on every tablet. */
  openShownMs: number;
  pushesToConsole: number;
  rssMb: number;
  cpuSeconds: number;
}

export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-'));
  const server = await (async () => {
    const prep = await prepare(dir, o.kiosks);
    o.log(`prepared ${o.kiosks} deputies with synthetic faces`);
    return { prep, proc: await startServer(dir, o.naive ? { QUORUM_NAIVE: '1' } : {}) };
  })();
  const { prep, proc } = server;
  const client = new JsonClient('127.0.0.1', proc.port);
  const cookie = await signInClient(client, prep.clerk); // the clerk pairs the tablets and runs the vote
  const observed: Array<{ at: number; vote: VoteView }> = [];
  const consoleClient = new LiveClient({
    origin: `ws://127.0.0.1:${proc.port}`,
    meetingId: prep.meetingId,
    connect: (url) => new WebSocket(url, { headers: { cookie } }) as unknown as SocketLike,
    onMessage: (m) => m.type === 'vote' && observed.push({ at: performance.now(), vote: m.vote }),
  });
  try {
    const { kiosks } = await pairKiosks(client, prep, 10);
    await warmUp(client, kiosks);
    const connected = await connectKiosks(proc.port, prep.meetingId, kiosks);
    o.log(`paired and connected ${connected}/${o.kiosks} seat kiosks`);
    const t0 = performance.now();
    const checkins = await checkInAll(client, prep, kiosks);
    const checkinSecs = (performance.now() - t0) / 1000;
    o.log(`check-ins (clerk's route; face check-ins: bench:door): ${JSON.stringify(checkins.statuses)} in ${round(checkinSecs)} s`);
    const identified = identifyAll(prep, kiosks);
    o.log(`identified at the seat: ${identified}`);
    const vote = (await client.request<VoteView>('POST', `/api/agenda/${prep.agendaItemId}/votes`, { kind: 'resolution', title: '压力测试决议', secrecy: 'secret' })).body;
    // Deputies read the ballot before they press: casting starts once every tablet shows it (timed here), then
    // each presses at a random moment within the window.
    const openedAt = performance.now();
    await client.request('POST', `/api/votes/${vote.id}/open`, {});
    await allShown(kiosks, vote.id);
    const shownMs = round(performance.now() - openedAt);
    o.log(`vote opened and shown on all ${kiosks.length} tablets in ${shownMs} ms`);
    observed.length = 0;
    const cpuBefore = proc.cpuSeconds();
    const selfBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const log = await castAll(vote.id, vote.options[0]!.id, kiosks, { windowMs: o.windowMs, retryShare: 0.1, changeShare: 0.1 });
    const lastChange = log.lastAck;
    const expected = { yes: 0, no: 0, abstain: 0 };
    for (const m of log.final.values()) expected[m] += 1;
    // Secret votes show only 已投 while open; the tally lag is to the console showing the final 已投.
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline && !observed.some((x) => x.vote.cast === log.final.size && x.at >= lastChange - 1000)) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const seen = observed.find((x) => x.vote.cast === log.final.size && x.at >= lastChange - 1000);
    const cpuSeconds = proc.cpuSeconds() - cpuBefore;
    const self = process.cpuUsage(selfBefore);
    o.log(`simulator CPU during the burst: ${round((self.user + self.system) / 1e6, 2)} s over ${round((performance.now() - wallBefore) / 1000, 2)} s wall`);
    const rssMb = proc.rssMb();
    const closed = (await client.request<VoteView>('POST', `/api/votes/${vote.id}/close`)).body;
    const tally = closed.tally as { yes: number; no: number; abstain: number; cast: number };
    const lat = latencySummary(log.latencies);
    closeKiosks(kiosks);
    return {
      kiosks: o.kiosks,
      connected,
      checkinsPerSec: round(o.kiosks / checkinSecs),
      checkinP99Ms: latencySummary(checkins.ms).p99,
      ballots: log.final.size,
      requests: log.latencies.length,
      duplicates: log.duplicates,
      failures: log.failures,
      counted: tally.cast,
      countedCorrectly: log.final.size === o.kiosks && tally.cast === log.final.size && tally.yes === expected.yes && tally.no === expected.no && tally.abstain === expected.abstain,
      ballotsPerSec: round(log.accepted / ((log.lastAck - log.firstSend) / 1000)),
      p50Ms: lat.p50,
      p95Ms: lat.p95,
      p99Ms: lat.p99,
      tallyLagMs: seen ? round(Math.max(0, seen.at - lastChange)) : NaN,
      openShownMs: shownMs,
      pushesToConsole: observed.length,
      rssMb: round(rssMb),
      cpuSeconds: round(cpuSeconds, 2),
    };
  } finally {
    consoleClient.close();
    client.close();
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
