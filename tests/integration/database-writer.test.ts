// The writer's fast paths, on a real SQLite file: statements kept prepared, a job's statements run together,
// and a ballot batch's rows and audit entries passed to SQLite as one JSON array each (json_each).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../server/audit/verify';
import { Database, together } from '../../server/db/database';
import type { BallotContent } from '../../shared/types';
import type { VoteView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters, type Voters } from '../helpers/voting';

let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-writer-'));
  db = await Database.open(join(dir, 'q.db'));
  await db.execScript('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (sql: string) => (await db.get<{ n: number }>(sql))!.n;

describe('the writer', () => {
  it('runs beforeCommit for a batch with any covered job, skips it for a batch of uncovered jobs only', async () => {
    let hooks = 0;
    db.beforeCommit = async () => void hooks++;
    try {
      await Promise.all([1, 2, 3].map((i) => db.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [`unc-${i}`]), { covered: false })));
      expect(hooks).toBe(0);
      await Promise.all([
        db.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['unc-4']), { covered: false }),
        db.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['cov-1'])),
      ]);
      expect(hooks).toBe(1);
    } finally {
      db.beforeCommit = null;
    }
  });

  it('runs more distinct statements than it keeps prepared, and the same statement again after one failed', async () => {
    // 100 texts > the 64 kept: the oldest are finalized while newer ones run.
    await db.write(async (tx) => {
      for (let i = 0; i < 100; i++) await tx.run(`INSERT INTO t (v) VALUES (? || '-${i}')`, ['a']);
    });
    expect(await count("SELECT COUNT(*) AS n FROM t WHERE v LIKE 'a-%'")).toBe(100);
    const insert = 'INSERT INTO t (v) VALUES (?)';
    await db.write((tx) => tx.run(insert, ['dup']));
    await expect(db.write((tx) => tx.run(insert, ['dup']))).rejects.toThrow(/UNIQUE/);
    await db.write((tx) => tx.run(insert, ['after-failure']));
    expect(await count("SELECT COUNT(*) AS n FROM t WHERE v IN ('dup', 'after-failure')")).toBe(2);
    await expect(db.write((tx) => tx.run('INSERT INTO nowhere (v) VALUES (?)', ['x']))).rejects.toThrow(/no such table/);
  });

  it('lets a failing statement among several run together roll the whole job back, after all of them ended', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM t');
    const ended: string[] = [];
    const job = db.write((tx) =>
      together([
        tx.run('INSERT INTO t (v) VALUES (?)', ['together-1']).then(() => ended.push('1')),
        tx.run('INSERT INTO t (v) VALUES (?)', ['dup']).finally(() => ended.push('dup')),
        tx.run('INSERT INTO t (v) VALUES (?)', ['together-3']).then(() => ended.push('3')),
      ]),
    );
    await expect(job).rejects.toThrow(/UNIQUE/);
    expect(ended.sort()).toEqual(['1', '3', 'dup']);
    expect(await count('SELECT COUNT(*) AS n FROM t')).toBe(before);
    // The writer goes on: the next job commits.
    await db.write((tx) => together([tx.run('INSERT INTO t (v) VALUES (?)', ['next-1']), tx.run('INSERT INTO t (v) VALUES (?)', ['next-2'])]));
    expect(await count("SELECT COUNT(*) AS n FROM t WHERE v LIKE 'next-%'")).toBe(2);
  });
});

describe('batches begun by the previous commit', () => {
  it('commits every job of a flood once, rolls a failing one back alone, and still runs maintenance between batches', async () => {
    const chainedBefore = db.stats.chained;
    // Waves of writes while earlier ones commit, as casts arrive under a burst.
    const jobs: Array<Promise<unknown>> = [];
    let checkpoint: Promise<void> | null = null;
    for (let wave = 0; wave < 20; wave++) {
      for (let j = 0; j < 20; j++) {
        const i = wave * 20 + j;
        const job = db.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [i % 50 === 7 ? 'dup' : `flood-${i}`]));
        job.catch(() => undefined); // counted below
        jobs.push(job);
      }
      if (wave === 10) checkpoint = db.runBetweenBatches('PRAGMA wal_checkpoint(TRUNCATE)');
      await new Promise((r) => setTimeout(r, 1));
    }
    const settled = await Promise.allSettled(jobs);
    await checkpoint;
    expect(settled.filter((r) => r.status === 'rejected')).toHaveLength(8); // i = 7, 57, …, 357 hit the unique 'dup'
    expect(await count("SELECT COUNT(*) AS n FROM t WHERE v LIKE 'flood-%'")).toBe(392);
    expect(db.stats.chained).toBeGreaterThan(chainedBefore);
  });
});

describe('a ballot batch as JSON rows, through the real ballot path', () => {
  let t: TestApp;
  let s: Sitting;
  let voters: Voters;
  let vote: VoteView;

  beforeAll(async () => {
    t = await makeApp();
    s = await seedSitting(t.app, 3);
    await checkIn(t.app, s, s.deputyIds);
    voters = await seatVoters(t.app, s);
    vote = await createVote(t.app, s, { kind: 'election', title: '补选', secrecy: 'open', maxYes: 1, allowWriteIn: true, options: [{ label: '候选人甲' }] });
    await call(t.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
  });
  afterAll(() => t.close());

  const writeIn = (name: string) => ({ marks: { [vote.options[0]!.id]: 'no' as const }, writeIns: [name] });

  it('stores awkward text exactly, keeps a change sent with its first cast, and the audit verifies', async () => {
    // Quotes, a backslash and characters outside the BMP; a line separator or a lone surrogate is no name at all
    // (shared/text.ts refuses them since issue 22 point 6), so they are not sent.
    const awkward = `O'B "引" \\ 😀 𠀀`;
    const [a, b] = s.deputyIds as [number, number];
    const tokenA = await voters.identify(a);
    const tokenB = await voters.identify(b);
    // Sent together, so the writer most likely takes them as one batch; the result must not depend on it.
    const replies = await Promise.all([
      voters.castWith(vote.id, a, tokenA, writeIn('王五')),
      voters.castWith(vote.id, b, tokenB, writeIn(awkward)),
    ]);
    expect(replies.map((r) => r.body.outcome)).toEqual(['recorded', 'recorded']);
    expect((await voters.castWith(vote.id, a, tokenA, writeIn('赵六'))).body.outcome).toBe('changed');
    const db = t.app.ctx.db;
    const ballots = await db.all<{ deputy_id: number; content: string }>('SELECT deputy_id, content FROM ballots WHERE vote_id = ? ORDER BY deputy_id', [vote.id]);
    expect(ballots.map((r) => [r.deputy_id, (JSON.parse(r.content) as BallotContent).writeIns![0]])).toEqual([[a, '赵六'], [b, awkward]]);
    const participation = await db.all<{ deputy_id: number; changes: number }>('SELECT deputy_id, changes FROM participation WHERE vote_id = ? ORDER BY deputy_id', [vote.id]);
    expect(participation).toEqual([{ deputy_id: a, changes: 1 }, { deputy_id: b, changes: 0 }]);
    expect((await db.all('SELECT 1 FROM cast_requests WHERE vote_id = ?', [vote.id])).length).toBe(3);
    await call(t.app, 'POST', `/api/votes/${vote.id}/close`, undefined, 200);
    const report = await verifyAudit(db);
    expect(report.problem).toBeNull();
    expect(report.votesChecked).toBe(1);
  });
});
