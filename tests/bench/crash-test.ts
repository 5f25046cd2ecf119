// Crash test: the real server as a child process, a burst of ballots from many concurrent tablets (some
// sending the same request several times, some changing their vote), SIGKILL in the middle of the burst,
// a restart on the same data folder and port, every request whose answer was lost retried with the same
// clientId. Then: every acknowledged request is stored exactly once, nobody is counted twice, the tally
// after close is what the acknowledged requests imply, and audit verification passes.
//
//   npm run bench:crash [-- --deputies 1000]        (tests/integration/crash.test.ts runs it small)
//
// The server is started as `node --import tsx server/main.ts`, not through `npx tsx`: npx and tsx's CLI
// each put a parent process in front of the server, and SIGKILL to a parent would leave the server running.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openReadOnly } from '../../server/audit/read-only';
import { verifyAudit } from '../../server/audit/verify';
import { JsonClient, signInClient } from './lib/http';
import { checkInAll, identifyAll, pairKiosks, type Kiosk } from './lib/kiosks';
import { prepare, type Prepared } from './lib/prepare';
import { signHeaders } from '../helpers/devices';
import { mulberry32 as random } from '../helpers/seeded-random';

const ROOT = resolve(import.meta.dirname, '..', '..');
type Mark = 'yes' | 'no' | 'abstain';
const MARKS: Mark[] = ['yes', 'no', 'abstain'];

interface Step {
  clientId: string;
  mark: Mark;
  /** How many identical requests the tablet fires at once (a retry storm on a flaky network). */
  copies: number;
  /** The tablet ignores the answer, as if Wi-Fi dropped it: the server stored it, the tablet must retry. */
  dropAnswer: boolean;
}
interface Plan {
  deputyId: number;
  /** The deputy's seat tablet, holding the voter token it got when the deputy's face was recognised. */
  kiosk: Kiosk;
  steps: Step[];
  /** The step whose answer was lost at the kill, if any. */
  lostAt: number | null;
}

export interface CrashSummary {
  deputies: number;
  requestsSent: number;
  ackedBeforeKill: number;
  /** Answers the tablets threw away on purpose during the burst (stored, but not known to be). */
  droppedAnswers: number;
  lostAtKill: number;
  retried: number;
  /** Retries answered 'duplicate': committed before the kill, only the answer was lost. */
  retriedFoundStored: number;
  /** Retries answered 201: not committed before the kill, stored now. */
  retriedStoredNow: number;
  stored: { castRequests: number; ballots: number; participation: number; changes: number };
  expected: { castRequests: number; voters: number; changes: number };
  tally: Record<Mark, number>;
  expectedTally: Record<Mark, number>;
  auditOk: boolean;
  auditHead: string;
  /** Everything that did not hold; empty when the run passed. */
  problems: string[];
}


interface Reply {
  status: number;
  body: { outcome?: string; id?: number; error?: { code: string; message: string } } & Record<string, unknown>;
}

class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  constructor(readonly port: number) {}
  /** Rejects when no answer arrives (connection refused or reset): the answer is lost. */
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const signed = await signHeaders(method, path, payload, headers); // as the tablet its headers name
    return new Promise((res, rej) => {
      const req = http.request(
        { host: '127.0.0.1', port: this.port, method, path, agent: this.agent, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...signed } },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => res({ status: r.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Reply['body'] }));
          r.on('error', rej);
        },
      );
      req.on('error', rej);
      req.end(payload);
    });
  }
  close(): void {
    this.agent.destroy();
  }
}

async function startServer(dataDir: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const portFile = join(dataDir, 'port.json');
  rmSync(portFile, { force: true });
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', QUORUM_DATA: dataDir, QUORUM_LOG: 'off', QUORUM_TLS: 'off', QUORUM_PORT_FILE: portFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (!existsSync(portFile)) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('server did not listen within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port: (JSON.parse(readFileSync(portFile, 'utf8')) as { port: number }).port };
}

const exited = (child: ChildProcess) => new Promise<void>((res) => (child.exitCode !== null || child.signalCode !== null ? res() : child.once('exit', () => res())));

/**
 * On the prepared roster (synthetic faces, as the bench): a seat tablet per deputy, everyone checked in at the
 * door (the clerk's route: a face check-in needs camera frames, bench:door measures those) with the voter token a
 * seat gets for a recognised deputy, an open 记名 resolution. Through the HTTP API as a clerk.
 */
async function setUp(staff: JsonClient, prep: Prepared): Promise<{ voteId: number; optionId: number; kiosks: Kiosk[] }> {
  const { kiosks } = await pairKiosks(staff, prep, 4);
  const checkins = await checkInAll(staff, prep, kiosks);
  if (checkins.statuses.checked_in !== kiosks.length) throw new Error(`check-in: ${JSON.stringify(checkins.statuses)}`);
  const identified = identifyAll(prep, kiosks);
  if (identified !== kiosks.length) throw new Error(`only ${identified}/${kiosks.length} recognised at their seats`);
  const vote = await staff.request<{ id: number; options: Array<{ id: number }> }>('POST', `/api/agenda/${prep.agendaItemId}/votes`, {
    kind: 'resolution',
    title: '崩溃测试议案',
    secrecy: 'open',
  });
  const opened = await staff.request('POST', `/api/votes/${vote.body.id}/open`, {});
  if (opened.status !== 200) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  return { voteId: vote.body.id, optionId: vote.body.options[0]!.id, kiosks };
}

function makePlans(kiosks: Kiosk[], rnd: () => number): Plan[] {
  return kiosks.map((kiosk) => {
    const deputyId = kiosk.deputyId;
    const changes = rnd() < 0.3 ? (rnd() < 0.3 ? 2 : 1) : 0;
    const steps = Array.from({ length: 1 + changes }, (_, i) => ({
      clientId: `crash-${deputyId}-${i}-${Math.floor(rnd() * 1e9).toString(36)}`,
      mark: MARKS[Math.floor(rnd() * 3)]!,
      copies: i === 0 && rnd() < 0.2 ? 3 : 1,
      dropAnswer: rnd() < 0.05,
    }));
    return { deputyId, kiosk, steps, lostAt: null };
  });
}

export async function runCrashTest(options: { deputies: number; seed?: number; killAfter?: number; log?: (line: string) => void }): Promise<CrashSummary> {
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'quorum-crash-'));
  const problems: string[] = [];
  const prep = await prepare(dataDir, options.deputies);
  let server = await startServer(dataDir, 0);
  const port = server.port;
  let client = new Client(port);
  let staff = new JsonClient('127.0.0.1', port);
  const counts = { sent: 0, acked: 0, dropped: 0, lost: 0, retried: 0, foundStored: 0, storedNow: 0 };
  try {
    await signInClient(staff, prep.clerk);
    const { voteId, optionId, kiosks } = await setUp(staff, prep);
    const plans = makePlans(kiosks, random(options.seed ?? 1));
    const totalSteps = plans.reduce((n, p) => n + p.steps.length, 0);
    const killAt = options.killAfter ?? Math.floor(totalSteps * 0.4);
    let killed = false;
    const cast = (p: Plan, s: Step) =>
      client.request('POST', `/api/votes/${voteId}/ballots`, { clientId: s.clientId, voterToken: p.kiosk.voterToken, content: { marks: { [optionId]: s.mark } } }, p.kiosk.headers);
    const expectOutcome = (r: Reply, i: number, p: Plan) => {
      const want = i === 0 ? 'recorded' : 'changed';
      const fine = (r.status === 201 && r.body.outcome === want) || (r.status === 200 && r.body.outcome === 'duplicate');
      if (!fine) problems.push(`deputy ${p.deputyId} step ${i}: ${r.status} ${JSON.stringify(r.body)}`);
    };

    /** Runs a tablet's presses in order from `from`; stops at the first whose answer is lost. */
    const runFrom = async (p: Plan, from: number, phase: 'burst' | 'after') => {
      for (let i = from; i < p.steps.length; i++) {
        const s = p.steps[i]!;
        counts.sent += s.copies;
        const answers = await Promise.allSettled(Array.from({ length: s.copies }, () => cast(p, s)));
        const got = answers.filter((a): a is PromiseFulfilledResult<Reply> => a.status === 'fulfilled').map((a) => a.value);
        got.forEach((r) => expectOutcome(r, i, p));
        if (got.length === 0 || (phase === 'burst' && s.dropAnswer)) {
          p.lostAt = i;
          if (got.length === 0) counts.lost += 1;
          else counts.dropped += 1;
          return;
        }
        if (phase === 'burst') {
          counts.acked += 1;
          if (counts.acked >= killAt && !killed) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        }
      }
    };
    log(`burst: ${plans.length} tablets, ${totalSteps} presses; SIGKILL after ${killAt} acknowledged`);
    await Promise.all(plans.map((p) => runFrom(p, 0, 'burst')));
    if (!killed) problems.push('the burst ended before the kill: nothing was cut');
    server.child.kill('SIGKILL');
    await exited(server.child);
    client.close();
    staff.close();

    server = await startServer(dataDir, port); // same folder, same port: the tablets' address does not change
    client = new Client(port);
    const session = staff.defaultHeaders; // sessions are stored: the clerk stays signed in across the restart
    staff = new JsonClient('127.0.0.1', port);
    staff.defaultHeaders = session;
    log(`restarted; retrying ${counts.lost + counts.dropped} requests whose answer was lost`);
    await Promise.all(
      plans.filter((p) => p.lostAt !== null).map(async (p) => {
        const i = p.lostAt!;
        const s = p.steps[i]!;
        counts.retried += 1;
        counts.sent += 1;
        const r = await cast(p, s);
        expectOutcome(r, i, p);
        if (r.status === 200) counts.foundStored += 1;
        else if (r.status === 201) counts.storedNow += 1;
        await runFrom(p, i + 1, 'after');
      }),
    );

    const closing = await staff.request<{ tally: Record<Mark, number> }>('POST', `/api/votes/${voteId}/close`);
    if (closing.status !== 200) throw new Error(`close: ${closing.status} ${JSON.stringify(closing.body)}`);
    const closed = closing.body;
    const expectedTally: Record<Mark, number> = { yes: 0, no: 0, abstain: 0 };
    for (const p of plans) expectedTally[p.steps.at(-1)!.mark] += 1;
    const tally = { yes: closed.tally.yes, no: closed.tally.no, abstain: closed.tally.abstain };
    if (MARKS.some((m) => tally[m] !== expectedTally[m])) problems.push(`tally ${JSON.stringify(tally)} ≠ expected ${JSON.stringify(expectedTally)}`);

    server.child.kill('SIGTERM');
    await exited(server.child);
    const db = await openReadOnly(join(dataDir, 'quorum.db'));
    const stored = (await db.get<CrashSummary['stored']>(
      `SELECT (SELECT COUNT(*) FROM cast_requests WHERE vote_id = $v) AS castRequests, (SELECT COUNT(*) FROM ballots WHERE vote_id = $v) AS ballots,
              (SELECT COUNT(*) FROM participation WHERE vote_id = $v) AS participation, (SELECT COALESCE(SUM(changes), 0) FROM participation WHERE vote_id = $v) AS changes`,
      { $v: voteId },
    ))!;
    const ids = new Set((await db.all<{ client_id: string }>('SELECT client_id FROM cast_requests WHERE vote_id = ?', [voteId])).map((r) => r.client_id));
    const ballots = new Map((await db.all<{ deputy_id: number; content: string }>('SELECT deputy_id, content FROM ballots WHERE vote_id = ?', [voteId])).map((r) => [r.deputy_id, r.content]));
    for (const p of plans) {
      for (const s of p.steps) if (!ids.has(s.clientId)) problems.push(`acknowledged request ${s.clientId} is not stored`);
      const want = JSON.stringify({ marks: { [optionId]: p.steps.at(-1)!.mark } });
      if (ballots.get(p.deputyId) !== want) problems.push(`deputy ${p.deputyId}: stored ${ballots.get(p.deputyId)}, last acknowledged ${want}`);
    }
    const expected = { castRequests: totalSteps, voters: plans.length, changes: totalSteps - plans.length };
    if (stored.castRequests !== expected.castRequests || stored.ballots !== expected.voters || stored.participation !== expected.voters || stored.changes !== expected.changes) {
      problems.push(`stored ${JSON.stringify(stored)}, expected ${JSON.stringify(expected)}`);
    }
    const audit = await verifyAudit(db);
    await db.close();
    if (!audit.ok) problems.push(`audit: ${JSON.stringify(audit.problem)}`);
    return {
      deputies: plans.length,
      requestsSent: counts.sent,
      ackedBeforeKill: counts.acked,
      droppedAnswers: counts.dropped,
      lostAtKill: counts.lost,
      retried: counts.retried,
      retriedFoundStored: counts.foundStored,
      retriedStoredNow: counts.storedNow,
      stored,
      expected,
      tally,
      expectedTally,
      auditOk: audit.ok,
      auditHead: audit.head,
      problems,
    };
  } finally {
    client.close();
    staff.close();
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await exited(server.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatSummary(s: CrashSummary): string {
  return [
    `crash test: ${s.deputies} deputies, ${s.requestsSent} requests sent (retry copies included)`,
    `  acknowledged before SIGKILL: ${s.ackedBeforeKill} presses; answer lost at the kill: ${s.lostAtKill}; answer dropped by the tablet: ${s.droppedAnswers}`,
    `  retried after restart (same clientId): ${s.retried} — ${s.retriedFoundStored} already stored (answered duplicate), ${s.retriedStoredNow} stored now`,
    `  stored: ${s.stored.castRequests} requests, ${s.stored.ballots} ballots, ${s.stored.participation} voters, ${s.stored.changes} changes (expected ${s.expected.castRequests}/${s.expected.voters}/${s.expected.voters}/${s.expected.changes})`,
    `  tally yes/no/abstain ${s.tally.yes}/${s.tally.no}/${s.tally.abstain}, expected ${s.expectedTally.yes}/${s.expectedTally.no}/${s.expectedTally.abstain}`,
    `  audit: ${s.auditOk ? 'OK' : 'FAILED'} head ${s.auditHead}`,
    s.problems.length === 0 ? '  PASS' : `  FAIL:\n    ${s.problems.slice(0, 20).join('\n    ')}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { deputies: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
  const summary = await runCrashTest({ deputies: Number(values.deputies), seed: Number(values.seed), log: (l) => console.log(l) });
  console.log(formatSummary(summary));
  process.exit(summary.problems.length === 0 ? 0 : 1);
}
