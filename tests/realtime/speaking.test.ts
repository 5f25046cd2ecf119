// Speaking (发言) over real sockets: a seat tablet asks (and its retry is stored once), the chair's console sees the
// queue in the server's arrival order, gives the floor with the item's time, skips, ends; a withdrawal leaves the
// queue; the tablets hear their place and who has the floor; an inquiry (询问) keeps question and answer turns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeApp, type TestApp } from '../helpers/app';
import { checkIn, clientId, seedSitting, type Sitting } from '../helpers/fixtures';
import { listen, tablet, watch, type Watched } from '../helpers/live';
import { seatVoters, type Voters } from '../helpers/voting';
import { askToSpeak, latestSeatSpeaking, latestSpeaking, until, withdraw } from '../helpers/speaking';
import type { SpeakingView } from '../../shared/speaking';
import type { ServerMessage } from '../../shared/protocol';
import { verifyAudit } from '../../server/audit/verify';

let t: TestApp;
let s: Sitting;
let voters: Voters;
let host: string;
let console_: Watched;

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 8);
  await checkIn(t.app, s, s.deputyIds.slice(0, 7));
  voters = await seatVoters(t.app, s);
  host = await listen(t.app);
  console_ = watch(host, s.meeting.id, t.cookie);
  await console_.until(() => true);
});
afterAll(async () => {
  console_.client.close();
  await t.close();
});

const view = () => latestSpeaking(console_.messages, s.sittingId);
const queueNames = (v: SpeakingView) => v.queue.map((e) => e.name);
const floor = (requestId: number) => call<SpeakingView>(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/floor`, { requestId }, 200);
const ask = async (deputyIndex: number, extra: { agendaItemId?: number; clientId?: string } = {}) =>
  askToSpeak(t.app, voters.seat, { clientId: extra.clientId ?? clientId(), voterToken: await voters.identify(s.deputyIds[deputyIndex]!), ...extra });
const clearQueue = async () => {
  for (const e of view()?.queue ?? []) await call(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/skip`, { requestId: e.id }, 200);
  await call(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/end`, undefined, 200);
};

describe('speaking over live sockets', () => {
  it('queues requests in arrival order, stores a retried request once, and the console hears it with name, delegation and seat', async () => {
    const first = await ask(0);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ outcome: 'queued', position: 1, state: 'queued' });
    const id = clientId();
    const token = await voters.identify(s.deputyIds[1]!);
    // The same request three times at once (a tablet that heard nothing sends again): one row, one place.
    const copies = await Promise.all([0, 1, 2].map(() => askToSpeak(t.app, voters.seat, { clientId: id, voterToken: token })));
    expect(copies.filter((c) => c.body.outcome === 'queued')).toHaveLength(1);
    expect(new Set(copies.map((c) => c.body.requestId)).size).toBe(1);
    expect(copies.every((c) => c.body.position === 2)).toBe(true);
    // Asking again with a new id while still queued answers the open request, not a second one.
    const again = await ask(0);
    expect(again.body).toMatchObject({ outcome: 'already', requestId: first.body.requestId, position: 1 });
    const v = await until(view, (x) => x.queue.length === 2);
    expect(queueNames(v)).toEqual(['代表1', '代表2']);
    expect(v.queue[0]).toMatchObject({ delegation: '第1选区', turn: 'speech', deputyId: s.deputyIds[0] });
    const rows = await t.app.ctx.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM speech_requests WHERE sitting_id = ?', [s.sittingId]);
    expect(rows[0]!.n).toBe(2);
    await clearQueue();
  });

  it('refuses a deputy not checked in, a token of another tablet, and a malformed body, in Chinese', async () => {
    await expect(voters.identify(s.deputyIds[7]!)).rejects.toThrow(); // not checked in: the seat issues no token
    const other = await seatVoters(t.app, s);
    const stolen = await voters.identify(s.deputyIds[2]!);
    const res = await askToSpeak(t.app, other.seat, { clientId: clientId(), voterToken: stolen });
    expect(res.status).toBe(401);
    expect(res.body.error!.message).toMatch(/^身份未确认/);
    const bad = await askToSpeak(t.app, voters.seat, { clientId: 'x', voterToken: stolen });
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('withdraws a request (only the deputy who asked), and the tablets hear their place move up', async () => {
    const heard: ServerMessage[] = [];
    const seatLive = tablet(host, s.meeting.id, voters.seat.token, (m) => heard.push(m));
    expect(await seatLive.until('live')).toBe('live');
    const a = await ask(2);
    const b = await ask(3);
    // A new request moves no one's place: the asking tablet has its place in the answer, the others hear nothing.
    expect([a.body.position, b.body.position]).toEqual([1, 2]);
    await until(() => latestSeatSpeaking(heard), (x) => x.queue.length === 0); // the snapshot's, from before
    // Another deputy's token cannot withdraw it.
    const wrong = await withdraw(t.app, voters.seat, a.body.requestId, await voters.identify(s.deputyIds[3]!));
    expect(wrong.status).toBe(404);
    const gone = await withdraw(t.app, voters.seat, a.body.requestId, await voters.identify(s.deputyIds[2]!));
    expect(gone.body.state).toBe('withdrawn');
    const after = await until(() => latestSeatSpeaking(heard), (x) => x.queue.length === 1);
    expect(after.queue).toEqual([b.body.requestId]); // b is now 第 1 位
    expect(queueNames(await until(view, (x) => x.queue.length === 1))).toEqual(['代表4']);
    seatLive.client.close();
    await clearQueue();
  });

  it('gives the floor with the time of the item (else the sitting), skips, ends; the speaker is counted', async () => {
    const { body: item } = await call<{ id: number }>(t.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: '审议政府工作报告', kind: 'deliberation' }, 201);
    await call(t.app, 'PUT', `/api/sittings/${s.sittingId}/speaking/limit`, { seconds: 300 }, 200);
    await call(t.app, 'PUT', `/api/sittings/${s.sittingId}/speaking/limit`, { agendaItemId: item.id, seconds: 180 }, 200);
    const onItem = await ask(4, { agendaItemId: item.id });
    const general = await ask(5);
    const skipped = await ask(6);
    const given = (await floor(onItem.body.requestId)).body;
    expect(given.floor).toMatchObject({ id: onItem.body.requestId, limitSeconds: 180, name: '代表5' });
    expect(Date.parse(given.floor!.endsAt) - Date.parse(given.floor!.startedAt)).toBe(180_000);
    // Giving the floor to the next ends the one speaking; that one gets the sitting's 5 minutes.
    const next = (await floor(general.body.requestId)).body;
    expect(next.floor).toMatchObject({ id: general.body.requestId, limitSeconds: 300 });
    const skip = await call<SpeakingView>(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/skip`, { requestId: skipped.body.requestId }, 200);
    expect(skip.body.queue).toEqual([]);
    const ended = await call<SpeakingView>(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/end`, undefined, 200);
    expect(ended.body.floor).toBeNull();
    const v = await until(view, (x) => x.floor === null && x.spoken >= 2);
    expect(v.limits).toEqual({ sitting: 300, items: { [String(item.id)]: 180 } });
    // A skipped turn cannot be given the floor after all.
    const late = await call(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/floor`, { requestId: skipped.body.requestId });
    expect(late.status).toBe(409);
    const states = await t.app.ctx.db.all<{ state: string }>('SELECT state FROM speech_requests WHERE id IN (?, ?, ?) ORDER BY id', [
      onItem.body.requestId, general.body.requestId, skipped.body.requestId,
    ]);
    expect(states.map((r) => r.state)).toEqual(['done', 'done', 'skipped']);
  });

  it('keeps question and answer turns in an inquiry: each answer right after its question', async () => {
    const { body: item } = await call<{ id: number }>(t.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: '专题询问', kind: 'inquiry' }, 201);
    const q1 = await ask(0, { agendaItemId: item.id });
    const q2 = await ask(1, { agendaItemId: item.id });
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/answers`, { answersId: q2.body.requestId, official: '区住建局局长 张某' }, 201);
    const a1 = await call<SpeakingView>(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/answers`, { answersId: q1.body.requestId, official: '区教育局局长 李某' }, 201);
    expect(a1.body.queue.map((e) => [e.turn, e.name])).toEqual([
      ['question', '代表1'], ['answer', '区教育局局长 李某'], ['question', '代表2'], ['answer', '区住建局局长 张某'],
    ]);
    expect(a1.body.queue[1]!.answersId).toBe(q1.body.requestId);
    // An answer to a plain speech is refused: only questions of an inquiry are answered.
    const plain = await ask(2);
    const refused = await call<{ error: { message: string } }>(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/answers`, { answersId: plain.body.requestId, official: '某局长' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^只能答复/);
    await clearQueue();
  });

  it('speeches go into the deputy\'s 履职档案 (how many, on which items) and the sitting\'s speech report', async () => {
    const { body: record } = await call<{ speeches: Array<{ itemTitle: string | null; turn: string }> }>(t.app, 'GET', `/api/reports/deputies/${s.deputyIds[4]}`, undefined, 200);
    expect(record.speeches.map((x) => [x.turn, x.itemTitle])).toEqual([['speech', '审议政府工作报告']]);
    const { body: none } = await call<{ speeches: unknown[] }>(t.app, 'GET', `/api/reports/deputies/${s.deputyIds[6]}`, undefined, 200);
    expect(none.speeches).toEqual([]); // skipped: no speech
    const { body: report } = await call<{ turns: Array<{ name: string; itemTitle: string | null; endedAt: string | null }>; auditHead: string }>(
      t.app, 'GET', `/api/reports/sittings/${s.sittingId}/speeches`, undefined, 200,
    );
    expect(report.turns.map((x) => [x.name, x.itemTitle])).toEqual([['代表5', '审议政府工作报告'], ['代表6', null]]);
    expect(report.turns.every((x) => x.endedAt !== null)).toBe(true);
    expect(report.auditHead).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a clerk may not give the floor; the chair may; every queue action is in the audit chain', async () => {
    const { signIn } = await import('../helpers/app');
    const clerk = await signIn(t.app, 'clerk', 'speak-clerk');
    const req = await ask(3);
    const byClerk = await call(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/floor`, { requestId: req.body.requestId }, undefined, clerk);
    expect(byClerk.status).toBe(403);
    const chair = await signIn(t.app, 'chair', 'speak-chair');
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/speaking/floor`, { requestId: req.body.requestId }, 200, chair);
    const actions = await t.app.ctx.db.all<{ action: string }>("SELECT DISTINCT action FROM audit_events WHERE action LIKE 'speech.%'");
    expect(actions.map((a) => a.action).sort()).toEqual(['speech.answer', 'speech.end', 'speech.floor', 'speech.limit', 'speech.request', 'speech.skip', 'speech.withdraw']);
    // The rows themselves are covered: audit:verify replays them, and an edit from outside shows.
    await t.app.ctx.db.write((tx) => tx.run('SELECT 1')); // let the last batch's row log commit
    expect(await verifyAudit(t.app.ctx.db)).toMatchObject({ ok: true, problem: null });
  });
});
