// npm run bench:documents [-- --tablets 3000 --mb 20 --files 4 --window 1500]
// 会议文件 to 3,000 seat tablets on loopback: the clerk puts a ~20 MB set (4 PDFs) on the tablets; each tablet hears
// the live notice (sent in slices), fetches its manifest and the files (signed requests; the server streams at
// most DOCUMENT_STREAMS files at once). Meanwhile a secret vote is cast by every tablet. Prints the time until all
// tablets hold the set, the server's CPU and peak RSS, and the cast latency of that vote against a vote cast
// without any distribution in the same run (the same tablets, just before). Stops by itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentView } from '../../shared/documents';
import type { VoteView } from '../../shared/views';
import { tinyPdf } from '../helpers/documents';
import { Worker } from 'node:worker_threads';
import type { DistributionLog } from './lib/document-tablets';
import type { FromFetcher, ToFetcher } from './lib/document-fetcher';
import { JsonClient, signInClient } from './lib/http';
import { allShown, castAll, checkInAll, closeKiosks, connectKiosks, identifyAll, pairKiosks, warmUp, type Kiosk } from './lib/kiosks';
import { prepare } from './lib/prepare';
import { startServer } from './lib/server-process';
import { latencySummary, round } from './lib/stats';

const { values } = parseArgs({
  options: {
    tablets: { type: 'string', default: '3000' },
    mb: { type: 'string', default: '20' },
    files: { type: 'string', default: '4' },
    window: { type: 'string', default: '1500' },
    streams: { type: 'string' },
  },
});
const [tabletCount, mb, fileCount, windowMs] = [Number(values.tablets), Number(values.mb), Number(values.files), Number(values.window)];
const HARD_LIMIT_MS = 30 * 60 * 1000;
setTimeout(() => (console.error('bench:documents: gave up after 30 minutes'), process.exit(2)), HARD_LIMIT_MS).unref();
const log = (line: string) => console.log(`  ${line}`);

async function uploadSet(port: number, cookie: string, sittingId: number): Promise<DocumentView[]> {
  const docs: DocumentView[] = [];
  for (let i = 0; i < fileCount; i++) {
    const form = new FormData();
    form.append('visibility', 'paper'); // on the tablets all at once, below
    form.append('file', new Blob([new Uint8Array(tinyPdf(`Document ${i + 1}`, Math.round((mb * 1024 * 1024) / fileCount)))]), `会议文件${i + 1}.pdf`);
    const res = await fetch(`http://127.0.0.1:${port}/api/sittings/${sittingId}/documents`, { method: 'POST', body: form, headers: { cookie } });
    if (res.status !== 201) throw new Error(`upload → ${res.status} ${await res.text()}`);
    docs.push((await res.json()) as DocumentView);
  }
  return docs;
}

async function openVote(client: JsonClient, agendaItemId: number, kiosks: Kiosk[], title: string): Promise<VoteView> {
  const vote = (await client.request<VoteView>('POST', `/api/agenda/${agendaItemId}/votes`, { kind: 'resolution', title, secrecy: 'secret' })).body;
  await client.request('POST', `/api/votes/${vote.id}/open`, {});
  await allShown(kiosks, vote.id);
  return vote;
}

async function castVote(client: JsonClient, vote: VoteView, kiosks: Kiosk[]) {
  const cast = await castAll(vote.id, vote.options[0]!.id, kiosks, { windowMs, retryShare: 0, changeShare: 0 });
  await client.request('POST', `/api/votes/${vote.id}/close`);
  return { ...latencySummary(cast.latencies), accepted: cast.accepted, failures: cast.failures, endedAt: cast.lastAck };
}

const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-docs-'));
const prep = await prepare(dir, tabletCount);
const proc = await startServer(dir, values.streams ? { QUORUM_DOCUMENT_STREAMS: values.streams } : {});
const client = new JsonClient('127.0.0.1', proc.port);
let fetcher: Worker | null = null;
let kiosks: Kiosk[] = [];
try {
  console.log(`Quorum bench: ${tabletCount} seat tablets, ${fileCount} documents of ${round(mb / fileCount)} MB (${mb} MB set)`);
  const cookie = await signInClient(client, prep.clerk);
  ({ kiosks } = await pairKiosks(client, prep, 1));
  await warmUp(client, kiosks);
  // The downloads run in a worker thread: this thread times the ballots, and must not be busy receiving gigabytes.
  const worker = new Worker(new URL('./lib/document-fetcher-entry.mjs', import.meta.url), {
    workerData: { port: proc.port, tablets: kiosks.map((k) => ({ token: k.token, privateKey: k.privateKey })) },
  });
  fetcher = worker;
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  failed.catch(() => undefined);
  const tell = (m: ToFetcher) => worker.postMessage(m);
  const heard = (type: FromFetcher['type']) => new Promise<FromFetcher>((resolve) => {
    const on = (m: FromFetcher) => m.type === type && (worker.off('message', on), resolve(m));
    worker.on('message', on);
  });
  const indexOf = new Map(kiosks.map((k, i) => [k, i]));
  const connected = await connectKiosks(proc.port, prep.meetingId, kiosks, { onMessage: (k, m) => m.type === 'documents' && tell({ type: 'notice', index: indexOf.get(k)! }) });
  log(`paired and connected ${connected}/${tabletCount} seat tablets`);
  await checkInAll(client, prep, kiosks);
  identifyAll(prep, kiosks);
  const docs = await uploadSet(proc.port, cookie, prep.sittingId);
  log(`uploaded ${docs.length} PDFs (kept off the tablets until the distribution starts)`);

  const quiet = await castVote(client, await openVote(client, prep.agendaItemId, kiosks, '无分发时的表决'), kiosks);
  log(`vote without distribution: p50 ${quiet.p50} ms, p99 ${quiet.p99} ms, ${quiet.accepted} accepted`);

  const vote = await openVote(client, prep.agendaItemId, kiosks, '分发期间的表决');
  const [cpu0, t0] = [proc.cpuSeconds(), performance.now()];
  const rssBefore = proc.rssMb();
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, proc.rssMb())), 250);
  for (const d of docs) await client.request('PATCH', `/api/documents/${d.id}`, { visibility: 'tablets' });
  const held = Promise.race([heard('all-held'), failed]).then(() => performance.now());
  tell({ type: 'wanted', hashes: docs.map((d) => d.current.sha256) });
  await new Promise((r) => setTimeout(r, 1000)); // the distribution well under way
  const castStart = performance.now();
  const busy = await castVote(client, vote, kiosks);
  const allHeldAt = await held;
  clearInterval(sampler);
  const logged = heard('log');
  tell({ type: 'stop' });
  const dist = ((await logged) as { log: DistributionLog }).log;
  const cpu = proc.cpuSeconds() - cpu0;
  const secs = (allHeldAt - t0) / 1000;
  const during = busy.endedAt < allHeldAt;
  console.log('\nDocument distribution');
  console.log(`  all ${tabletCount} tablets hold the set   ${round(secs, 1)} s (${round(dist.bytes / 1024 / 1024 / 1024, 2)} GB in ${dist.files} files, ${round(dist.bytes / 1024 / 1024 / secs)} MB/s)`);
  console.log(`  file download (queue + transfer) p50 ${latencySummary(dist.fileMs).p50} ms, p99 ${latencySummary(dist.fileMs).p99} ms`);
  console.log(`  failures ${JSON.stringify(dist.failures)}, hash mismatches ${dist.hashMismatches}`);
  console.log(`  server CPU ${round(cpu, 1)} s over ${round(secs, 1)} s (${round((100 * cpu) / secs)} % of one core), peak RSS ${round(peakRss)} MB (${round(rssBefore)} MB before)`);
  console.log(`  cast latency without distribution  p50 ${quiet.p50} ms, p95 ${quiet.p95} ms, p99 ${quiet.p99} ms`);
  console.log(`  cast latency during distribution   p50 ${busy.p50} ms, p95 ${busy.p95} ms, p99 ${busy.p99} ms (cast ${round((castStart - t0) / 1000, 1)}–${round((busy.endedAt - t0) / 1000, 1)} s, ${during ? 'within' : 'NOT within'} the distribution)`);
  console.log(JSON.stringify({ tablets: tabletCount, mb, files: fileCount, allHoldSec: round(secs, 1), gb: round(dist.bytes / 1024 ** 3, 2), cpuSec: round(cpu, 1), peakRssMb: round(peakRss), quietP99: quiet.p99, busyP99: busy.p99, castWithin: during, failures: dist.failures, accepted: [quiet.accepted, busy.accepted] }));
} finally {
  void fetcher?.terminate();
  closeKiosks(kiosks);
  client.close();
  await proc.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
