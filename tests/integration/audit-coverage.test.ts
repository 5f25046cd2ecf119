// Hostile review, point 8: audit:verify said OK after edits of the file that change the record. Each edit the
// review made is made here on a copy of a real file with raw SQL (a connection other than the server's writer,
// which alone captures changes: audit/covered.ts) and verification must fail. The same edits made beside the
// running server: audit-outside-live.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app';
import { openReadOnly } from '../../server/audit/read-only';
import { verifyAudit, verifyFile } from '../../server/audit/verify';
import type { VoteView } from '../../shared/views';
import { call, signIn } from '../helpers/app';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters } from '../helpers/voting';
import { tamperedCopy } from '../helpers/tampered-copy';

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
    const r = await verifyFile(await tamperedCopy(dbPath, sql()));
    expect(r.ok).toBe(false);
    expect(r.problem?.message).toBeTruthy();
  });

  it('names the edited row without its password hash', async () => {
    const r = await verifyFile(await tamperedCopy(dbPath, `UPDATE staff SET role = 'admin' WHERE username = 'some-clerk'`));
    expect(r.problem?.message).toMatch(/staff row .* edited outside the server/);
    expect(r.problem?.message).not.toMatch(/scrypt/);
  });

  it('a server started on an edited file logs nothing of the edit, and verification keeps failing after it writes', async () => {
    const copy = await tamperedCopy(dbPath, `UPDATE staff SET role = 'admin' WHERE username = 'some-clerk'`);
    const app = await buildApp({ dbPath: copy });
    await signIn(app, 'admin', 'second-admin', true);
    await call(app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: '新议程' }, 201);
    await app.close();
    expect((await verifyFile(copy)).problem?.message).toMatch(/staff row .* edited outside the server/);
  });

  // A trigger stored in the file runs on the server's writer too: its changes would be captured and logged as the
  // server's own. Here one makes the clerk an admin whenever an agenda item is added, and the server then adds one.
  it('reports a trigger the migrations do not make, even when what it changed was logged by the server', async () => {
    const planted = `CREATE TRIGGER touch_agenda AFTER INSERT ON agenda_items BEGIN UPDATE staff SET role = 'admin' WHERE username = 'some-clerk'; END`;
    const copy = await tamperedCopy(dbPath, planted);
    const app = await buildApp({ dbPath: copy });
    await signIn(app, 'admin', 'second-admin', true);
    await call(app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: '新议程' }, 201);
    const db = await openReadOnly(copy);
    const role = await db.get<{ role: string }>("SELECT role FROM staff WHERE username = 'some-clerk'");
    await db.close();
    expect(role?.role).toBe('admin');
    await app.close();
    expect((await verifyFile(copy)).problem?.message).toMatch(/trigger touch_agenda is not as the migrations make it/);
    const altered = await tamperedCopy(dbPath, `DROP TRIGGER ballots_only_while_open`);
    expect((await verifyFile(altered)).problem?.message).toMatch(/trigger ballots_only_while_open, made by the migrations, is missing/);
  });
});
