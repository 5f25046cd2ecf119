// Issue 15 item 8, the last gap: an edit made to the file by another process (the sqlite3 command-line tool) WHILE
// THE SERVER RUNS. With the audit triggers stored in the file, that process fired them too, its rows waited in
// audit_changes, and the server's next write batch logged them as its own 'audit.rows' change: the forged row
// joined the chain and audit:verify said OK. Now the capture exists only on the server's writer connection (TEMP
// triggers: server/audit/covered.ts): the outside edit is logged by nobody, so the tables differ from what the log replays.
//
// Each case edits a covered row with the real sqlite3 tool beside the running server, makes the server commit a
// normal covered write (the batch that used to log the edit), and verification must fail; the edit is then undone
// the same way and verification passes again, so each case fails for its own edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { COVERED } from '../../server/audit/covered';
import { openReadOnly } from '../../server/audit/read-only';
import { verifyFile } from '../../server/audit/verify';
import type { VoteView } from '../../shared/views';
import { call, signIn } from '../helpers/app';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';

const run = promisify(execFile);

let dir: string;
let dbPath: string;
let app: FastifyInstance;
let s: Sitting;
let vote: VoteView;
let outsider: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-outside-'));
  dbPath = join(dir, 'quorum.db');
  app = await buildApp({ dbPath });
  await signIn(app, 'admin', 'test-admin', true);
  await signIn(app, 'clerk', 'some-clerk');
  s = await seedSitting(app, 6);
  outsider = s.deputyIds[5]!;
  await call(app, 'PATCH', `/api/deputies/${outsider}`, { status: 'suspended' }, 200); // in no electorate
  await checkIn(app, s, s.deputyIds.slice(0, 4));
  vote = await createVote(app, s, { kind: 'resolution', title: '关于批准财政预算的决议', secrecy: 'open' });
  await call(app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
  expect(await verifyDb()).toMatchObject({ ok: true, problem: null });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Another process on the same file, as someone at the server's console would do it. */
async function outside(sql: string): Promise<void> {
  await run('sqlite3', ['-bail', '-cmd', '.timeout 5000', dbPath, sql]);
}

/** A normal covered write by the server: the batch that logged an outside edit as the server's own. */
let items = 0;
const serverWrites = () => call(app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: `议程${++items}` }, 201);

const verifyDb = () => verifyFile(dbPath);

describe('the capture', () => {
  it("exists on the server's writer connection only, not in the file", async () => {
    const temp = await app.ctx.db.betweenBatches((ops) => ops.all<{ type: string; name: string }>('SELECT type, name FROM sqlite_temp_master'));
    expect(temp.filter((o) => o.type === 'trigger' && o.name.startsWith('audit_')).length).toBe(Object.keys(COVERED).length * 3 + 1);
    expect(temp).toContainEqual({ type: 'table', name: 'audit_changes' });
    const db = await openReadOnly(dbPath);
    try {
      expect(await db.all("SELECT name FROM sqlite_master WHERE name LIKE 'audit%' AND name <> 'audit_events' AND type <> 'index'")).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe('an edit of the file by another process while the server runs', () => {
  const member = () => s.deputyIds[3]!;
  const cases: Array<[string, () => string, () => string]> = [
    ['a clerk made admin', () => `UPDATE staff SET role = 'admin' WHERE username = 'some-clerk'`, () => `UPDATE staff SET role = 'clerk' WHERE username = 'some-clerk'`],
    [
      'a manual check-in rewritten as a face one (no reason, a match distance)',
      () => `UPDATE checkins SET method = 'face', reason = NULL, distance = 0.31, margin = 0.2 WHERE participant_id = ${s.participantOf.get(member())}`,
      () => `UPDATE checkins SET method = 'manual', reason = '测试补签', distance = NULL, margin = NULL WHERE participant_id = ${s.participantOf.get(member())}`,
    ],
    [
      'an electorate member swapped for a suspended deputy',
      () => `UPDATE vote_electorate SET deputy_id = ${outsider} WHERE vote_id = ${vote.id} AND deputy_id = ${member()}`,
      () => `UPDATE vote_electorate SET deputy_id = ${member()} WHERE vote_id = ${vote.id} AND deputy_id = ${outsider}`,
    ],
    ['a forged session', () => `INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES ('${'cd'.repeat(32)}', 1, '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z')`, () => `DELETE FROM sessions WHERE token_hash = '${'cd'.repeat(32)}'`],
  ];

  it.each(cases)('is reported after the next server write: %s', async (_label, edit, undo) => {
    await outside(edit());
    await serverWrites();
    const r = await verifyDb();
    expect(r.ok).toBe(false);
    expect(r.problem?.message).toMatch(/edited outside the server|the log says/);
    await outside(undo());
    await serverWrites();
    expect(await verifyDb()).toMatchObject({ ok: true, problem: null });
  });

  it('is reported when the server later changes the edited row (its logged "before" is a row the log never had)', async () => {
    await outside(`UPDATE deputies SET status = 'active' WHERE id = ${outsider}`);
    await call(app, 'PATCH', `/api/deputies/${outsider}`, { name: '代表六' }, 200);
    const r = await verifyDb();
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ action: 'audit.rows' });
    expect(r.problem?.message).toMatch(/deputies row changed here was not what the log last recorded/);
  });
});
