// A secret vote's database must be able to say who voted, never what they chose. This reads the SQLite file
// itself, table by table, after a secret vote, and looks for anything that ties a ballot to a deputy.
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { checkIn, clientId, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters, type Voters } from '../helpers/voting';
import type { Mark } from '../../shared/types';

type Row = Record<string, unknown>;
let t: TestApp;
let s: Sitting;
let vote: VoteView;
let voters: Voters;
const tables = new Map<string, Row[]>();
const secrets: string[] = [];
const clientIds: string[] = [];

function allRows(path: string): Promise<Map<string, Row[]>> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY);
    db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'", async (err, list) => {
      if (err) return reject(err);
      const out = new Map<string, Row[]>();
      for (const { name } of list) {
        out.set(name, await new Promise<Row[]>((res, rej) => db.all<Row>(`SELECT * FROM "${name}"`, (e, rows) => (e ? rej(e) : res(rows)))));
      }
      db.close(() => resolve(out));
    });
  });
}

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 8);
  await checkIn(t.app, s, s.deputyIds);
  voters = await seatVoters(t.app, s);
  vote = await createVote(t.app, s, {
    kind: 'project', title: '民生实事项目票决', secrecy: 'secret', maxYes: 2,
    options: [{ label: '项目一' }, { label: '项目二' }, { label: '项目三' }, { label: '项目四' }],
  });
  await call(t.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
  const ids = vote.options.map((o) => String(o.id));
  // Each deputy a different pattern, so any link from a content to a deputy would identify them.
  const patterns = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3], [0], [3]];
  for (const [i, d] of s.deputyIds.entries()) {
    const marks: Record<string, Mark> = {};
    ids.forEach((id, j) => (marks[id] = patterns[i]!.includes(j) ? 'yes' : 'no'));
    const secret = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const cid = clientId();
    secrets.push(secret);
    clientIds.push(cid);
    expect((await voters.cast(vote.id, d, { marks }, { clientId: cid, ballotSecret: secret })).status).toBe(201);
  }
  // One deputy changes their ballot from the same tablet (same secret).
  const changed: Record<string, Mark> = {};
  ids.forEach((id, j) => (changed[id] = j === 3 ? 'yes' : 'abstain'));
  expect((await voters.cast(vote.id, s.deputyIds[0]!, { marks: changed }, { ballotSecret: secrets[0] })).status).toBe(201);
  await call(t.app, 'POST', `/api/votes/${vote.id}/close`, undefined, 200);
  for (const [name, rows] of await allRows(t.dbPath)) tables.set(name, rows);
});
afterAll(() => t.close());

describe('secret vote storage', () => {
  it('stores one ballot per voter, with no deputy, device, time or ordering id', () => {
    const ballots = tables.get('ballots')!.filter((b) => b.vote_id === vote.id);
    expect(ballots).toHaveLength(8);
    expect(Object.keys(ballots[0]!).sort()).toEqual(['ballot_key', 'content', 'deputy_id', 'vote_id']);
    for (const b of ballots) expect(b.deputy_id).toBeNull();
  });

  it('has no hidden rowid on ballots, and stores them in random-key order, not casting order', async () => {
    const err = await new Promise<Error | null>((resolve) => {
      const db = new sqlite3.Database(t.dbPath, sqlite3.OPEN_READONLY);
      db.all('SELECT rowid FROM ballots', (e) => db.close(() => resolve(e)));
    });
    expect(err?.message).toMatch(/no such column: rowid/);
    const keys = tables.get('ballots')!.filter((b) => b.vote_id === vote.id).map((b) => b.ballot_key as string);
    expect(keys).toEqual([...keys].sort());
  });

  it('keeps participation (who voted) with no ballot key, content or secret', () => {
    const participation = tables.get('participation')!.filter((p) => p.vote_id === vote.id);
    expect(participation.map((p) => p.deputy_id).sort()).toEqual([...s.deputyIds].sort());
    expect(Object.keys(participation[0]!).sort()).toEqual(['changes', 'deputy_id', 'device_id', 'first_cast_at', 'last_cast_at', 'vote_id']);
  });

  it('holds no ballot key, ballot content or tablet secret anywhere outside the ballots table', () => {
    const ballots = tables.get('ballots')!.filter((b) => b.vote_id === vote.id);
    const needles = [...ballots.map((b) => b.ballot_key as string), ...ballots.map((b) => b.content as string), ...secrets];
    for (const [name, rows] of tables) {
      if (name === 'ballots') continue;
      const text = JSON.stringify(rows);
      for (const needle of needles) expect(text.includes(needle), `${name} contains ${needle.slice(0, 20)}…`).toBe(false);
    }
  });

  it('logs no entry per ballot (each would carry a tablet, a time and an order); the close entry sums them up', () => {
    const entries = tables.get('audit_events')!.filter((e) => e.subject === `vote:${vote.id}`);
    expect(entries.filter((e) => e.action === 'ballot.record')).toHaveLength(0);
    const close = JSON.parse(entries.find((e) => e.action === 'vote.close')!.detail as string) as { sealed: Record<string, unknown> };
    expect(close.sealed).toMatchObject({ ballots: 8, requests: 9, box: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('keeps no tablet, time or request id of a secret vote once it has closed', () => {
    const participation = tables.get('participation')!.filter((p) => p.vote_id === vote.id);
    for (const p of participation) expect(p).toMatchObject({ device_id: null, first_cast_at: '', last_cast_at: '' });
    expect(tables.get('cast_requests')!.filter((r) => r.vote_id === vote.id)).toHaveLength(0);
  });

  it('while open, keeps out of the file what casting does not need: no tablet, no time, no audit entry per ballot', async () => {
    const v = await createVote(t.app, s, { kind: 'resolution', title: '无记名进行中', secrecy: 'secret' });
    await call(t.app, 'POST', `/api/votes/${v.id}/open`, {}, 200);
    for (const d of s.deputyIds.slice(0, 3)) expect((await voters.cast(v.id, d, { marks: { [String(v.options[0]!.id)]: 'yes' } })).status).toBe(201);
    const open = await allRows(t.dbPath);
    const participation = open.get('participation')!.filter((p) => p.vote_id === v.id);
    expect(participation).toHaveLength(3);
    for (const p of participation) expect(p).toMatchObject({ device_id: null, first_cast_at: '', last_cast_at: '' });
    expect(open.get('audit_events')!.filter((e) => e.subject === `vote:${v.id}` && e.action === 'ballot.record')).toHaveLength(0);
    await call(t.app, 'POST', `/api/votes/${v.id}/cancel`, { reason: '测试' }, 200);
  });

  it('lets only the tablet holding the secret replace the ballot', async () => {
    const v = await createVote(t.app, s, { kind: 'resolution', title: '无记名改票', secrecy: 'secret' });
    await call(t.app, 'POST', `/api/votes/${v.id}/open`, {}, 200);
    const motion = String(v.options[0]!.id);
    const d = s.deputyIds[1]!;
    const castAs = (deputyId: number, secret: string, mark: Mark) => voters.cast(v.id, deputyId, { marks: { [motion]: mark } }, { ballotSecret: secret });
    expect((await castAs(d, 'f'.repeat(32), 'yes')).status).toBe(201);
    const other = await castAs(d, '1'.repeat(32), 'no');
    expect(other.status).toBe(409);
    const taken = await castAs(s.deputyIds[2]!, 'f'.repeat(32), 'no');
    expect(taken.status).toBe(409);
    expect((await castAs(d, 'f'.repeat(32), 'no')).status).toBe(201);
    const { body } = await call<VoteView>(t.app, 'POST', `/api/votes/${v.id}/close`, undefined, 200);
    expect(body.tally).toMatchObject({ yes: 0, no: 1, cast: 1 });
  });
});
