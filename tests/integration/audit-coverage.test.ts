// Hostile review, point 8: audit:verify said OK after edits of the file that change the record. Each edit the
// review made is made here on a copy of a real file with raw SQL — and, as a careful attacker would, the rows the
// triggers left in audit_changes are removed too — and verification must fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { buildApp } from '../../server/app';
import { openReadOnly } from '../../server/audit/read-only';
import { verifyAudit, type VerifyReport } from '../../server/audit/verify';
import type { VoteView } from '../../shared/views';
import { call, signIn } from '../helpers/app';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters } from '../helpers/voting';

let dir: string;
let dbPath: string;
let s: Sitting;
let secretVote: VoteView;
let closedVote: VoteView;
let outsider: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-coverage-'));
  dbPath = join(dir, 'quorum.db');
  const app = await buildApp({ dbPath });
  await signIn(app, 'admin', 'test-admin', true);
  await signIn(app, 'clerk', 'some-clerk');
  s = await seedSitting(app, 9);
  outsider = s.deputyIds[8]!;
  await call(app, 'PATCH', `/api/deputies/${outsider}`, { status: 'suspended' }, 200); // not in any electorate
  await checkIn(app, s, s.deputyIds.slice(0, 7));
  secretVote = await createVote(app, s, { kind: 'resolution', title: '关于人事任免的决定', secrecy: 'secret' });
  closedVote = await createVote(app, s, { kind: 'resolution', title: '关于批准财政预算的决议', secrecy: 'open' });
  for (const v of [secretVote, closedVote]) await call(app, 'POST', `/api/votes/${v.id}/open`, {}, 200);
  const voters = await seatVoters(app, s);
  for (const d of s.deputyIds.slice(0, 5)) {
    for (const v of [secretVote, closedVote]) expect((await voters.cast(v.id, d, { marks: { [v.options[0]!.id]: 'yes' } })).status).toBe(201);
  }
  for (const v of [secretVote, closedVote]) await call(app, 'POST', `/api/votes/${v.id}/close`, undefined, 200);
  expect(await verifyAudit(app.ctx.db)).toMatchObject({ ok: true, problem: null });
  await app.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function connect(path: string): Promise<sqlite3.Database> {
  return new Promise((res, rej) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READWRITE, (err) => (err ? rej(err) : res(db)));
  });
}
const exec = (db: sqlite3.Database, sql: string) => new Promise<void>((res, rej) => db.exec(sql, (e) => (e ? rej(e) : res())));
const close = (db: sqlite3.Database) => new Promise<void>((res) => db.close(() => res()));

let copies = 0;
async function tampered(sql: string, hideTracks = true): Promise<string> {
  const copy = join(dir, `tampered-${++copies}.db`);
  copyFileSync(dbPath, copy);
  const db = await connect(copy);
  await exec(db, sql);
  // A careful attacker also removes what the triggers wrote (the table does not exist before this change).
  if (hideTracks) await exec(db, "DELETE FROM audit_changes WHERE 1 AND (SELECT 1 FROM sqlite_master WHERE name = 'audit_changes')").catch(() => undefined);
  await close(db);
  return copy;
}

async function verifyFile(path: string): Promise<VerifyReport> {
  const db = await openReadOnly(path);
  try {
    return await verifyAudit(db);
  } finally {
    await db.close();
  }
}

describe('audit:verify covers who may vote, who was present and who may act', () => {
  it('passes on the untouched file', async () => {
    expect(await verifyFile(dbPath)).toMatchObject({ ok: true, problem: null });
  });

  it("keeps no cast request of a sealed secret vote, and the open vote's five", async () => {
    const db = await openReadOnly(dbPath);
    try {
      const count = async (id: number) => (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM cast_requests WHERE vote_id = ?', [id]))?.n;
      expect([await count(secretVote.id), await count(closedVote.id)]).toEqual([0, 5]);
    } finally {
      await db.close();
    }
  });

  const voter = () => s.deputyIds[0]!;
  const nonVoter = () => s.deputyIds[6]!;
  const edits: Array<[string, () => string]> = [
    ['who voted in a secret vote (participation)', () => `UPDATE participation SET deputy_id = ${nonVoter()} WHERE vote_id = ${secretVote.id} AND deputy_id = ${voter()}`],
    // The seal deleted the secret vote's cast requests (secret-seal.ts): one written back would tie a request to a deputy.
    ['a cast request written back into a sealed secret vote', () => `INSERT INTO cast_requests (vote_id, client_id, deputy_id, outcome) VALUES (${secretVote.id}, 'forged-1', ${voter()}, 'recorded')`],
    ['a deleted check-in', () => `DELETE FROM checkins WHERE id = (SELECT MAX(id) FROM checkins)`],
    ['a check-in method rewritten (manual ↔ face)', () => `UPDATE checkins SET method = 'face', staff_id = NULL, reason = NULL WHERE id = (SELECT MIN(id) FROM checkins)`],
    ['an electorate member swapped', () => `UPDATE vote_electorate SET deputy_id = ${outsider} WHERE vote_id = ${closedVote.id} AND deputy_id = ${nonVoter()}`],
    ["a closed vote's title", () => `UPDATE votes SET title = '关于批准财政决算的决议' WHERE id = ${closedVote.id}`],
    ["a deputy's status", () => `UPDATE deputies SET status = 'active' WHERE id = ${outsider}`],
    ["a deputy's name", () => `UPDATE deputies SET name = '冒名者' WHERE id = ${voter()}`],
    ['a clerk made admin', () => `UPDATE staff SET role = 'admin' WHERE username = 'some-clerk'`],
    ['an inserted session', () => `INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES ('${'ab'.repeat(32)}', 1, '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z')`],
    ['a leave added', () => `INSERT INTO leaves (sitting_id, participant_id, reason, created_at) VALUES (${s.sittingId}, ${s.participantOf.get(s.deputyIds[7]!)}, '伪造', '2026-01-01T00:00:00Z')`],
    ['a seat tablet made a door kiosk', () => `UPDATE devices SET mode = 'door' WHERE mode = 'seat'`],
  ];
  it.each(edits)('detects %s', async (_label, sql) => {
    const r = await verifyFile(await tampered(sql()));
    expect(r.ok).toBe(false);
    expect(r.problem?.message).toBeTruthy();
  });

  it('detects an edit whose trigger rows were left behind, and dropped triggers', async () => {
    const left = await verifyFile(await tampered(`UPDATE staff SET role = 'admin' WHERE username = 'some-clerk'`, false));
    expect(left.problem?.message).not.toMatch(/scrypt/); // no password hash in the report
    expect(left.problem?.message).toMatch(/edited outside the server/);
    const dropped = await verifyFile(await tampered(`DROP TRIGGER audit_staff_update; UPDATE staff SET role = 'admin' WHERE username = 'some-clerk'`));
    expect(dropped.problem?.message).toMatch(/trigger audit_staff_update is missing/);
  });

  it('a server started on an edited file logs the edit as made outside it, and verification keeps failing', async () => {
    const copy = await tampered(`UPDATE staff SET role = 'admin' WHERE username = 'some-clerk'`, false);
    const app = await buildApp({ dbPath: copy });
    await app.close();
    const r = await verifyFile(copy);
    expect(r.problem).toMatchObject({ action: 'audit.outside' });
  });
});
