// Audit verification on a real file: a vote run through the API verifies OK; then copies of the file are
// tampered with raw SQL, one way each, and verification names the entry where it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import sqlite3 from 'sqlite3';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { verifyAudit, verifyFile } from '../../server/audit/verify';
import { GENESIS_HASH, hashEntry, type AuditRow } from '../../server/repositories/audit-repository';
import type { VoteReport } from '../../shared/reports';
import type { VoteView } from '../../shared/views';
import type { Mark } from '../../shared/types';
import { call, signIn } from '../helpers/app';
import { checkIn, createVote, seedSitting } from '../helpers/fixtures';
import { seatVoters } from '../helpers/voting';
import { tamperedCopy } from '../helpers/tampered-copy';

const ROOT = resolve(import.meta.dirname, '..', '..');
let dir: string;
let dbPath: string;
let openVote: VoteView;
let secretVote: VoteView;
let headFromSheet: string;

async function runVotes(app: FastifyInstance): Promise<void> {
  const s = await seedSitting(app, 9);
  await checkIn(app, s, s.deputyIds.slice(0, 7));
  openVote = await createVote(app, s, { kind: 'resolution', title: '关于批准财政预算的决议', secrecy: 'open' });
  secretVote = await createVote(app, s, { kind: 'resolution', title: '关于人事任免的决定', secrecy: 'secret' });
  for (const v of [openVote, secretVote]) await call(app, 'POST', `/api/votes/${v.id}/open`, {}, 200);
  const voters = await seatVoters(app, s);
  const cast = async (v: VoteView, deputyId: number, mark: Mark) => {
    const res = await voters.cast(v.id, deputyId, { marks: { [v.options[0]!.id]: mark } });
    if (res.status !== 201) throw new Error(`cast refused: ${JSON.stringify(res.body)}`);
  };
  const marks: Mark[] = ['yes', 'yes', 'yes', 'yes', 'yes', 'no', 'abstain'];
  for (const [i, mark] of marks.entries()) {
    await cast(openVote, s.deputyIds[i]!, mark);
    await cast(secretVote, s.deputyIds[i]!, i === 0 ? 'no' : 'yes');
  }
  await cast(openVote, s.deputyIds[6]!, 'yes'); // a change: the last one counts
  for (const v of [openVote, secretVote]) await call(app, 'POST', `/api/votes/${v.id}/close`, undefined, 200);
  await call(app, 'POST', `/api/votes/${openVote.id}/announce`, undefined, 200);
  headFromSheet = (await call<VoteReport>(app, 'GET', `/api/reports/votes/${openVote.id}`, undefined, 200)).body.auditHead;
}

function connect(path: string, mode = sqlite3.OPEN_READWRITE): Promise<sqlite3.Database> {
  return new Promise((res, rej) => {
    const db = new sqlite3.Database(path, mode, (err) => (err ? rej(err) : res(db)));
  });
}
const all = <T>(db: sqlite3.Database, sql: string) =>
  new Promise<T[]>((res, rej) => db.all(sql, [], (e: Error | null, rows: T[]) => (e ? rej(e) : res(rows))));
const close = (db: sqlite3.Database) => new Promise<void>((res) => db.close(() => res()));


const verifyAt = (path: string, expectHead?: string) => verifyFile(path, { expectHead });

async function entryId(where: string): Promise<number> {
  const db = await connect(dbPath, sqlite3.OPEN_READONLY);
  const rows = await all<{ id: number }>(db, `SELECT id FROM audit_events WHERE ${where} ORDER BY id`);
  await close(db);
  return rows.at(-1)!.id;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-audit-'));
  dbPath = join(dir, 'quorum.db');
  const app = await buildApp({ dbPath });
  await signIn(app, 'admin', 'test-admin', true);
  await runVotes(app);
  const live = await verifyAudit(app.ctx.db);
  expect(live).toMatchObject({ ok: true, votesChecked: 2, head: headFromSheet });
  await app.close(); // the last connection closing folds the WAL into the file, so a copy is complete
  expect(existsSync(`${dbPath}-wal`)).toBe(false);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit:verify', () => {
  it('passes on the untouched file and reports the head the results sheet printed', async () => {
    const r = await verifyAt(dbPath, headFromSheet);
    expect(r).toMatchObject({ ok: true, problem: null, head: headFromSheet, votesChecked: 2 });
    expect(r.entries).toBeGreaterThan(20);
  });

  it('names an audit entry whose detail was edited', async () => {
    const id = await entryId(`action = 'ballot.record' AND detail LIKE '%"no"%'`);
    const r = await verifyAt(await tamperedCopy(dbPath, `UPDATE audit_events SET detail = replace(detail, '"no"', '"yes"') WHERE id = ${id}`));
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ entryId: id, action: 'ballot.record', message: expect.stringMatching(/edited after it was written/) });
  });

  it('names the entry after one that was deleted', async () => {
    const id = await entryId(`action = 'vote.open' AND subject = 'vote:${secretVote.id}'`);
    const r = await verifyAt(await tamperedCopy(dbPath, `DELETE FROM audit_events WHERE id = ${id}`));
    expect(r.problem).toMatchObject({ entryId: id + 1, message: expect.stringMatching(/jumps from #\d+ to #\d+: 1 entry was removed/) });
  });

  it('names the edited entry itself when its detail changes', async () => {
    const id = await entryId(`action = 'vote.create' AND subject = 'vote:${openVote.id}'`);
    const r = await verifyAt(await tamperedCopy(dbPath, `UPDATE audit_events SET detail = replace(detail, '财政预算', '财政决算') WHERE id = ${id}`));
    expect(r.problem).toMatchObject({ entryId: id, action: 'vote.create', message: expect.stringMatching(/edited after it was written/) });
  });

  it("names the ballot.record entry when an open vote's ballot content is changed", async () => {
    const db = await connect(dbPath, sqlite3.OPEN_READONLY);
    const [ballot] = await all<{ deputy_id: number; content: string }>(db, `SELECT deputy_id, content FROM ballots WHERE vote_id = ${openVote.id} AND content LIKE '%"no"%'`);
    await close(db);
    const id = await entryId(`action = 'ballot.record' AND detail LIKE '%"deputyId":${ballot!.deputy_id},%'`);
    const r = await verifyAt(await tamperedCopy(dbPath, `UPDATE ballots SET content = replace(content, '"no"', '"yes"') WHERE vote_id = ${openVote.id} AND deputy_id = ${ballot!.deputy_id}`));
    expect(r.problem).toMatchObject({ entryId: id, action: 'ballot.record', voteId: openVote.id });
  });

  it("names the vote.close entry when a secret vote's ballot content is changed", async () => {
    const closeId = await entryId(`action = 'vote.close' AND subject = 'vote:${secretVote.id}'`);
    const r = await verifyAt(
      await tamperedCopy(dbPath, `UPDATE ballots SET content = replace(content, '"no"', '"yes"') WHERE vote_id = ${secretVote.id} AND content LIKE '%"no"%'`),
    );
    // The close entry sealed the box's digest (secret votes log no entry per ballot): an edited ballot shows there.
    expect(r.problem).toMatchObject({ entryId: closeId, action: 'vote.close', voteId: secretVote.id, message: expect.stringMatching(/ballot box differs/) });
  });

  it('names the vote.close entry when votes.result is changed', async () => {
    const closeId = await entryId(`action = 'vote.close' AND subject = 'vote:${openVote.id}'`);
    const r = await verifyAt(await tamperedCopy(dbPath, `UPDATE votes SET result = replace(result, '"no":1', '"no":0') WHERE id = ${openVote.id}`));
    expect(r.problem).toMatchObject({ entryId: closeId, action: 'vote.close', voteId: openVote.id });
  });

  it('catches a whole ballot removed with its participation', async () => {
    // A secret vote's request ids are deleted when it ends; its close entry sealed the number of ballots.
    const closeId = await entryId(`action = 'vote.close' AND subject = 'vote:${secretVote.id}'`);
    const r = await verifyAt(
      await tamperedCopy(dbPath, `DELETE FROM ballots WHERE vote_id = ${secretVote.id} AND content LIKE '%"no"%';
        DELETE FROM participation WHERE vote_id = ${secretVote.id} AND deputy_id = (SELECT MIN(deputy_id) FROM participation WHERE vote_id = ${secretVote.id});`),
    );
    expect(r.problem).toMatchObject({ entryId: closeId, action: 'vote.close', voteId: secretVote.id, message: expect.stringMatching(/6 ballots stored, this entry sealed 7/) });
  });

  it('a log rewritten and re-hashed from some entry on holds alone, but no longer reaches the anchor nor contains the head a sheet printed', async () => {
    const db = await connect(dbPath, sqlite3.OPEN_READONLY);
    const rows = await all<AuditRow>(db, 'SELECT * FROM audit_events ORDER BY id');
    await close(db);
    // Rewrite who made the last entry and re-hash it: the chain is consistent again (its row hashes still match).
    const last = { ...rows.at(-1)!, actor: 'staff:99' };
    const hash = hashEntry(last);
    const copy = await tamperedCopy(dbPath, `UPDATE audit_events SET actor = '${last.actor}', hash = '${hash}' WHERE id = ${last.id}`);
    expect((await verifyAt(copy)).problem!.message).toMatch(/is not the one the server wrote: the log was rewritten/);
    rmSync(`${copy}-anchor`); // the anchor removed too: only the sheet shows it... and the anchor's absence
    expect((await verifyAt(copy)).problem!.message).toMatch(/anchor file .* is missing/);
    const r = await verifyAt(copy, headFromSheet);
    expect(r.problem!.message).toMatch(/no entry has the expected hash/);
    expect(GENESIS_HASH).not.toBe(headFromSheet);
  });

  it('the command exits 0 with OK and the head, and 1 naming the first bad entry', async () => {
    const id = await entryId(`action = 'vote.create' AND subject = 'vote:${secretVote.id}'`);
    const bad = await tamperedCopy(dbPath, `UPDATE audit_events SET actor = 'staff:99' WHERE id = ${id}`);
    const run = promisify(execFile);
    const cli = (args: string[]) =>
      run('npx', ['tsx', 'server/audit/verify-cli.ts', ...args], { cwd: ROOT }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
    const [ok, failed] = await Promise.all([cli(['--data', dir]), cli(['--db', bad])]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`head ${headFromSheet}`);
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('OK');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`first bad: entry #${id} (vote.create): its content does not match its hash`);
  });
});
