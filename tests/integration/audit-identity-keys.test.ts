// Issue 22, point 2: edits made to the file with the sqlite3 tool while the server was stopped, then a restart, and
// audit:verify said OK: face descriptors swapped between two deputies, a voter-token key written into settings (ten
// ballots then cast with no face), frame prints deleted (the replay check off), the retention setting, a sitting's
// start, and the log's last entries cut. Each edit is made here the same way, on a copy of a real file, and must be
// found; the key in the file must sign nothing; the tail cut must be found at the next start, by the server itself.
import { inject } from '../helpers/devices';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { openReadOnly } from '../../server/audit/read-only';
import { verifyFile } from '../../server/audit/verify';
import { secretPathOf } from '../../server/data-secret';
import { insertDescriptor } from '../../server/repositories/faces-repository';
import type { VoteView } from '../../shared/views';
import { call, signIn } from '../helpers/app';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters } from '../helpers/voting';
import { tamperedCopy } from '../helpers/tampered-copy';

let dir: string;
let dbPath: string;
let s: Sitting;
let vote: VoteView;
let seatId: number;
let seatHeaders: Record<string, string>;

const unit = (seed: number) => Float32Array.from({ length: 512 }, (_, i) => Math.sin(seed * 7 + i));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-identity-'));
  dbPath = join(dir, 'quorum.db');
  const app = await buildApp({ dbPath });
  await signIn(app, 'admin', 'test-admin', true);
  s = await seedSitting(app, 12);
  // Enrollment and door check-in as the server writes them (its writer connection: captured and logged).
  await app.ctx.db.write(async (tx) => {
    for (const [i, id] of s.deputyIds.entries()) {
      await insertDescriptor(tx, { deputyId: id, model: 'arcface', descriptor: unit(i), source: 'p.jpg', score: 1, aligned: randomBytes(900), copyPatch: randomBytes(1024) });
    }
    for (let i = 0; i < 5; i++) await tx.run('INSERT INTO frame_prints (sitting_id, sha256, luma, created_at) VALUES (?, ?, ?, ?)', [s.sittingId, randomBytes(32).toString('hex'), randomBytes(768), new Date().toISOString()]);
  });
  await call(app, 'PUT', '/api/settings/retention', { evidenceRetentionDays: 30 }, 200);
  await checkIn(app, s, s.deputyIds.slice(0, 10));
  vote = await createVote(app, s, { kind: 'resolution', title: '关于人事任免的决定', secrecy: 'open' });
  await call(app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
  const voters = await seatVoters(app, s);
  seatId = voters.seat.device.id;
  seatHeaders = voters.seat.headers;
  expect((await voters.cast(vote.id, s.deputyIds[0]!, { marks: { [vote.options[0]!.id]: 'yes' } })).status).toBe(201);
  await app.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outside edits that decide who votes', () => {
  it('passes on the untouched file', async () => {
    expect(await verifyFile(dbPath)).toMatchObject({ ok: true, problem: null });
  });

  const [a, b] = [() => s.deputyIds[0]!, () => s.deputyIds[1]!];
  const edits: Array<[string, () => string]> = [
    ['face descriptors swapped between two deputies', () => `UPDATE face_descriptors SET deputy_id = CASE deputy_id WHEN ${a()} THEN ${b()} ELSE ${a()} END WHERE deputy_id IN (${a()}, ${b()})`],
    ['one descriptor replaced by another deputy’s', () => `UPDATE face_descriptors SET descriptor = (SELECT descriptor FROM face_descriptors WHERE deputy_id = ${b()}) WHERE deputy_id = ${a()}`],
    ['an aligned crop replaced (what a model change re-describes)', () => `UPDATE face_descriptors SET aligned = X'00' WHERE deputy_id = ${a()}`],
    ['the frame prints deleted (replay check off)', () => `DELETE FROM frame_prints`],
    ['the retention setting', () => `UPDATE settings SET value = '3650' WHERE key = 'evidence_retention_days'`],
    ['a voter-token key written into settings', () => `INSERT INTO settings (key, value) VALUES ('voter_token_key', '"${'11'.repeat(32)}"')`],
    ["a sitting's start", () => `UPDATE sittings SET starts_at = '2099-01-01T00:00:00.000Z' WHERE id = ${s.sittingId}`],
  ];
  it.each(edits)('detects %s', async (_label, sql) => {
    const r = await verifyFile(await tamperedCopy(dbPath, sql()));
    expect(r.ok).toBe(false);
    expect(r.problem?.message).toMatch(/edited outside the server|holds \d+ rows, the log says/);
  });

  it('keeps the voter-token key out of the file (0600 secret beside it); a key written into settings signs nothing', async () => {
    const known = '11'.repeat(32);
    const copy = await tamperedCopy(dbPath, `INSERT OR REPLACE INTO settings (key, value) VALUES ('voter_token_key', '"${known}"')`);
    const app = await buildApp({ dbPath: copy });
    try {
      let accepted = 0;
      for (const deputyId of s.deputyIds.slice(1, 11)) {
        const payload = `${deputyId}.${seatId}.${Date.now() + 60_000}`;
        const voterToken = `${payload}.${createHmac('sha256', Buffer.from(known, 'hex')).update(payload).digest('base64url')}`;
        const res = await inject(app, {
          method: 'POST', url: `/api/votes/${vote.id}/ballots`, headers: seatHeaders,
          payload: { clientId: randomUUID(), voterToken, content: { marks: { [vote.options[0]!.id]: 'yes' } } },
        });
        if (res.statusCode === 201) accepted += 1;
      }
      expect(accepted).toBe(0);
    } finally {
      await app.close();
    }
    expect(existsSync(secretPathOf(dbPath))).toBe(true);
    expect(statSync(secretPathOf(dbPath)).mode & 0o777).toBe(0o600);
  });

  it('a cut of the log’s tail made while the server is stopped is found at the next start and by audit:verify', async () => {
    const copy = await tamperedCopy(dbPath, 'DELETE FROM audit_events WHERE id > (SELECT MAX(id) - 3 FROM audit_events)');
    const cut = await verifyFile(copy);
    expect(cut.ok).toBe(false);
    expect(cut.problem?.message).toMatch(/its tail was cut/);
    const app = await buildApp({ dbPath: copy });
    await app.close();
    const db = await openReadOnly(copy);
    const logged = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'audit.anchor'");
    await db.close();
    expect(logged?.n).toBe(1);
    expect((await verifyFile(copy)).problem?.message).toMatch(/at start the server found: .*its tail was cut/);
  });

  it('an anchor file written by hand (no secret) is refused', async () => {
    const copy = await tamperedCopy(dbPath, 'DELETE FROM audit_events WHERE id > (SELECT MAX(id) - 3 FROM audit_events)');
    const db = await openReadOnly(copy);
    const head = await db.get<{ id: number; hash: string }>('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1');
    await db.close();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${copy}-anchor`, JSON.stringify({ ...head, mac: createHmac('sha256', 'guess').update(`${head!.id}:${head!.hash}`).digest('hex') }));
    expect((await verifyFile(copy)).problem?.message).toMatch(/MAC does not hold/);
  });
});
