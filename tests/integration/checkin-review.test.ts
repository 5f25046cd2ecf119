// Issue 21, point 5 (人脸校对): one tap 存疑 holds a check-in. The deputy then counts as not checked in (实到, the
// quorum a vote opens on) and cannot vote until a clerk confirms (确认) or refuses (驳回) it with a reason; each step
// is in the audit chain, and the rows are covered: an edit of the file made behind the server is found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoorWatchLive } from '../../shared/door-watch';
import type { AttendanceSummary } from '../../shared/views';
import { verifyAudit, verifyFile } from '../../server/audit/verify';
import { call, makeApp, signIn, type TestApp } from '../helpers/app';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters, type Voters } from '../helpers/voting';
import { tamperedCopy } from '../helpers/tampered-copy';

let t: TestApp;
let s: Sitting;
let voters: Voters;
let clerk: string;
let chair: string;

beforeAll(async () => {
  t = await makeApp();
  clerk = await signIn(t.app, 'clerk', 'door-clerk');
  chair = await signIn(t.app, 'chair', 'the-chair');
  s = await seedSitting(t.app, 6); // quorum: 4 of 6
  await checkIn(t.app, s, s.deputyIds.slice(0, 4));
  voters = await seatVoters(t.app, s);
});
afterAll(() => t.close());

const pid = (i: number) => s.participantOf.get(s.deputyIds[i]!)!;
const summary = async () => (await call<{ summary: AttendanceSummary }>(t.app, 'GET', `/api/sittings/${s.sittingId}/attendance`, undefined, 200)).body.summary;
const act = (i: number, what: 'doubt' | 'confirm' | 'refuse', body: object | undefined, status: number, cookie = clerk) =>
  call<DoorWatchLive & { error?: { code: string; message: string } }>(t.app, 'POST', `/api/sittings/${s.sittingId}/checkins/${pid(i)}/${what}`, body, status, cookie);
const audit = async () => t.app.ctx.db.all<{ action: string; actor: string; detail: string }>("SELECT action, actor, detail FROM audit_events WHERE action LIKE 'checkin.%' ORDER BY id");

describe('存疑 holds a check-in until a clerk decides', () => {
  it('drops the attendance figure and the quorum at once, and the vote cannot open on it', async () => {
    expect(await summary()).toMatchObject({ present: 4, quorum: { met: true } });
    const watch = (await act(0, 'doubt', undefined, 200)).body;
    expect(watch.checkins.find((c) => c.participantId === pid(0))?.review).toMatchObject({ state: 'doubted', doubtedBy: expect.any(Number) });
    expect(await summary()).toMatchObject({ present: 3, absent: 3, quorum: { met: false, shortBy: 1 } });
    const vote = await createVote(t.app, s, { kind: 'resolution', title: '关于代表资格审查的决定', secrecy: 'open' });
    const refused = await call<{ error: { code: string; message: string } }>(t.app, 'POST', `/api/votes/${vote.id}/open`, {}, 409);
    expect(refused.body.error.code).toBe('ERR_QUORUM_NOT_MET');
    expect(refused.body.error.message).toMatch(/^出席代表 3 人/);
  });

  it('asks for a reason to confirm, and lets only door staff decide', async () => {
    const bare = await act(0, 'confirm', { reason: '' }, 400);
    expect(bare.body.error?.message).toMatch(/^[\u4e00-\u9fff]/);
    expect((await act(0, 'confirm', { reason: '本人在场' }, 403, chair)).body.error?.code).toBe('ERR_FORBIDDEN');
    expect((await act(1, 'doubt', undefined, 403, chair)).body.error?.code).toBe('ERR_FORBIDDEN');
    expect((await act(5, 'doubt', undefined, 404)).body.error?.message).toMatch(/^该人员没有本次会议的报到记录/);
  });

  it('confirm restores the figure and the quorum: the vote opens', async () => {
    const watch = (await act(0, 'confirm', { reason: '工作人员核对本人证件' }, 200)).body;
    expect(watch.checkins.find((c) => c.participantId === pid(0))?.review).toMatchObject({ state: 'confirmed', decideReason: '工作人员核对本人证件' });
    expect(await summary()).toMatchObject({ present: 4, quorum: { met: true } });
    expect((await act(0, 'confirm', { reason: '再次确认' }, 409)).body.error?.code).toBe('ERR_CONFLICT');
  });

  it('a held deputy cannot vote in an open vote until confirmed; a refused one is not checked in (void)', async () => {
    const vote = await createVote(t.app, s, { kind: 'resolution', title: '关于年度预算的决议', secrecy: 'open' });
    await call(t.app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
    const yes = { marks: { [vote.options[0]!.id]: 'yes' as const } };
    const token = await voters.identify(s.deputyIds[1]!); // identified while checked in, before the hold
    expect((await voters.castWith(vote.id, s.deputyIds[2]!, await voters.identify(s.deputyIds[2]!), yes)).status).toBe(201); // loads the vote's cached state
    await act(1, 'doubt', undefined, 200);
    const held = await voters.castWith(vote.id, s.deputyIds[1]!, token, yes);
    expect(held.status).toBe(409);
    expect(held.body.error).toMatchObject({ code: 'ERR_NOT_CHECKED_IN', message: expect.stringMatching(/^您尚未报到/) });
    await expect(voters.identify(s.deputyIds[1]!)).rejects.toThrow(/not_checked_in/);
    await act(1, 'confirm', { reason: '监控核实为本人' }, 200);
    expect((await voters.cast(vote.id, s.deputyIds[1]!, yes)).status).toBe(201);

    await act(3, 'doubt', undefined, 200);
    await act(3, 'refuse', { reason: '照片代签，本人未到场' }, 200);
    expect(await summary()).toMatchObject({ present: 3 });
    expect((await act(3, 'doubt', undefined, 404)).body.error?.message).toMatch(/^该人员没有本次会议的报到记录/); // void: nothing to hold
    await expect(voters.identify(s.deputyIds[3]!)).rejects.toThrow(/not_checked_in/);
  });

  it('writes every step to the audit chain with who and why', async () => {
    const steps = (await audit()).filter((e) => e.action !== 'checkin.manual').map((e) => ({ action: e.action, actor: e.actor, detail: JSON.parse(e.detail) }));
    expect(steps.map((e) => [e.action, e.detail.participantId])).toEqual([
      ['checkin.doubt', pid(0)],
      ['checkin.confirm', pid(0)],
      ['checkin.doubt', pid(1)],
      ['checkin.confirm', pid(1)],
      ['checkin.doubt', pid(3)],
      ['checkin.refuse', pid(3)],
    ]);
    expect(steps.every((e) => /^staff:\d+$/.test(e.actor))).toBe(true);
    expect(steps[5]!.detail.reason).toBe('照片代签，本人未到场');
    expect(await verifyAudit(t.app.ctx.db)).toMatchObject({ ok: true, problem: null });
  });
});

describe('the held check-ins are covered by the audit chain', () => {
  it('finds a confirmation turned back into a hold, or a refusal erased, by editing the file', async () => {
    await t.app.close();
    expect(await verifyFile(t.dbPath)).toMatchObject({ ok: true });
    const edited = await tamperedCopy(t.dbPath, `UPDATE checkin_reviews SET state = 'doubted', decided_by = NULL WHERE state = 'confirmed'`);
    expect((await verifyFile(edited)).ok).toBe(false);
    const unvoided = await tamperedCopy(t.dbPath, `DELETE FROM voided_checkins`);
    expect((await verifyFile(unvoided)).ok).toBe(false);
    const cleared = await tamperedCopy(t.dbPath, `DELETE FROM checkin_reviews`);
    expect((await verifyFile(cleared)).ok).toBe(false);
  });
});
