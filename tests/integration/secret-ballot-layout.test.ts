// The hostile review's attack on secret votes, on the real app and a real file: after a secret vote closes or is
// cancelled, parse the main file's b-tree pages (cell offsets, page numbers), its free pages and the WAL frames,
// and try to tie ballots to deputies and to casting order (tests/helpers/layout-attack.ts).
//
// Bounds. Pairing n ballots with n deputies at random gets Poisson(1) exact links (mean 1, σ 1); ρ of a random
// order has σ ≈ 1/√(n−1) (0.19 at n = 30, 0.058 at n = 300). So at 300 one vote is judged alone (|ρ| < 0.2 is 3.4σ,
// links ≤ 6 has P < 1e-4), and at 30 ten votes are pooled: the mean ρ (σ ≈ 0.059) and the total links (Poisson(10),
// ≤ 10 + 4·√10). The casting order and the tablets' secrets come from a seeded generator, so a run repeats.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mark } from '../../shared/types';
import type { VoteView } from '../../shared/views';
import { ballotKey } from '../../server/services/ballot-service';
import { call, makeApp, type TestApp } from '../helpers/app';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { attackLayout, best, type AttackReport, type Truth } from '../helpers/layout-attack';
import { seatVoters, type Voters } from '../helpers/voting';

let t: TestApp;
let s: Sitting;
let voters: Voters;

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (rand: () => number) => Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');

function shuffled<T>(xs: readonly T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Casts a secret vote of `deputies` in a random order, with changes, then closes or cancels it. */
async function runVote(deputies: number[], end: 'close' | 'cancel', seed: number): Promise<AttackReport> {
  const rand = seeded(seed);
  const vote = await createVote(t.app, s, { kind: 'resolution', title: `无记名布局攻击 ${seed}`, secrecy: 'secret' });
  await call(t.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
  const motion = String(vote.options[0]!.id);
  const marks: Mark[] = ['yes', 'no', 'abstain'];
  const order = shuffled(deputies, rand);
  // About one in eight change later, from the same tablet (same secret), somewhere after their first cast.
  const casts = [...order];
  for (const d of order.filter(() => rand() < 0.125)) {
    const first = casts.indexOf(d);
    casts.splice(first + 1 + Math.floor(rand() * (casts.length - first)), 0, d);
  }
  const truth: Truth = { byKey: new Map() };
  const secrets = new Map(deputies.map((d) => [d, hex(rand)]));
  let rank = 0;
  for (const d of casts) {
    const content = { marks: { [motion]: marks[Math.floor(rand() * 3)]! } };
    const res = await voters.cast(vote.id, d, content, { clientId: randomUUID(), ballotSecret: secrets.get(d) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const key = ballotKey(vote.id, d, secrets.get(d));
    if (!truth.byKey.has(key)) truth.byKey.set(key, { deputyId: d, castRank: rank++ });
  }
  if (end === 'close') await call<VoteView>(t.app, 'POST', `/api/votes/${vote.id}/close`, undefined, 200);
  else await call(t.app, 'POST', `/api/votes/${vote.id}/cancel`, { reason: '测试取消' }, 200);
  return attackLayout(t.dbPath, vote.id, truth);
}

function describeReport(label: string, reports: AttackReport[]): string {
  const lines = reports[0]!.strategies.map((st, i) => {
    const links = reports.reduce((sum, r) => sum + r.strategies[i]!.links, 0);
    const rho = reports.reduce((sum, r) => sum + r.strategies[i]!.rho, 0) / reports.length;
    return `  ${st.name}: links ${links}, mean ρ ${rho.toFixed(3)}`;
  });
  const wal = reports.reduce((a, r) => ({ frames: a.frames + r.wal.frames, links: a.links + r.wal.links, rho: a.rho + r.wal.rho / reports.length }), { frames: 0, links: 0, rho: 0 });
  const stale = reports.reduce((a, r) => a + r.staleKeyCopies, 0);
  const dirty = reports.reduce((a, r) => a + r.dirtyFreePages, 0);
  return [`${label} (${reports.length} vote(s) of ${reports[0]!.n} ballots)`, ...lines,
    `  WAL replay: ${wal.frames} frames, links ${wal.links}, mean ρ ${wal.rho.toFixed(3)}`,
    `  stale ballot-key copies in the main file ${stale}, free pages not zeroed ${dirty}`].join('\n');
}

/** Pooled over the votes: each strategy's total links and mean ρ, and the WAL's. */
function pooled(reports: AttackReport[]): { links: number; rho: number } {
  const k = reports[0]!.strategies.length;
  let links = 0;
  let rho = 0;
  for (let i = 0; i <= k; i++) {
    const pick = (r: AttackReport) => (i < k ? r.strategies[i]! : r.wal);
    links = Math.max(links, reports.reduce((sum, r) => sum + pick(r).links, 0));
    rho = Math.max(rho, Math.abs(reports.reduce((sum, r) => sum + pick(r).rho, 0) / reports.length));
  }
  return { links, rho };
}

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 300);
  await checkIn(t.app, s, s.deputyIds);
  voters = await seatVoters(t.app, s);
}, 120_000);
afterAll(() => t.close());

describe.each(['close', 'cancel'] as const)('a secret vote after %s, attacked through its layout', (end) => {
  it('30 deputies, ten votes pooled: no link to a deputy, no casting order', async () => {
    const reports: AttackReport[] = [];
    for (let v = 0; v < 10; v++) reports.push(await runVote(s.deputyIds.slice(v * 30, v * 30 + 30), end, 1000 + v + (end === 'close' ? 0 : 50)));
    console.log(describeReport(`after ${end}, 30 deputies`, reports));
    const { links, rho } = pooled(reports);
    expect(links).toBeLessThanOrEqual(10 + 4 * Math.sqrt(10));
    expect(rho).toBeLessThan(0.2);
    for (const r of reports) {
      expect(r.wal.frames, 'WAL truncated').toBe(0);
      expect(r.staleKeyCopies).toBe(0);
      expect(r.dirtyFreePages).toBe(0);
    }
  }, 300_000);

  it('300 deputies: no link to a deputy, no casting order', async () => {
    const r = await runVote(s.deputyIds, end, end === 'close' ? 7 : 8);
    console.log(describeReport(`after ${end}, 300 deputies`, [r]));
    const b = best(r);
    expect(b.links).toBeLessThanOrEqual(6);
    expect(b.rho).toBeLessThan(0.2);
    expect(r.wal.frames, 'WAL truncated').toBe(0);
    expect(r.staleKeyCopies).toBe(0);
    expect(r.dirtyFreePages).toBe(0);
  }, 300_000);
});
