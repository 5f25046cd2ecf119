import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteView } from '../../shared/views';
import type { ElectionResult, ProjectResult, RatingResult, ResolutionResult } from '../../shared/rules/result-types';
import { call, makeApp, type TestApp } from '../helpers/app';
import { checkIn, clientId, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters, type Voters } from '../helpers/voting';
import type { Mark, RatingMark } from '../../shared/types';

let t: TestApp;
let s: Sitting;
let voters: Voters;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 12);
  await checkIn(t.app, s, s.deputyIds.slice(0, 10)); // 10 of 12 present: quorum (8) met
  voters = await seatVoters(t.app, s);
});
afterAll(() => t.close());

type Marks = Record<string, Mark | RatingMark>;
const yes = (v: VoteView): Marks => ({ [String(v.options[0]!.id)]: 'yes' });
/** Cast from the seat tablet as the recognised deputy; extra may carry writeIns or a ballotSecret. */
const cast = (voteId: number, deputyId: number, marks: Marks, id = clientId(), extra: { writeIns?: string[]; ballotSecret?: string } = {}) =>
  voters.cast(voteId, deputyId, { marks, ...(extra.writeIns ? { writeIns: extra.writeIns } : {}) }, { clientId: id, ballotSecret: extra.ballotSecret });
const open = (id: number) => call<VoteView>(t.app, 'POST', `/api/votes/${id}/open`, {}, 200);
const close = (id: number) => call<VoteView>(t.app, 'POST', `/api/votes/${id}/close`, undefined, 200);

describe('resolution vote', () => {
  it('runs draft → open → ballots → closed → announced, passing with more than half of all deputies', async () => {
    const v = await createVote(t.app, s, { kind: 'resolution', title: '关于批准2026年财政预算的决议', secrecy: 'open' });
    expect(v).toMatchObject({ state: 'draft', options: [{ label: '关于批准2026年财政预算的决议' }], expected: 10 });
    await open(v.id);
    for (const d of s.deputyIds.slice(0, 7)) expect((await cast(v.id, d, yes(v))).status).toBe(201);
    await cast(v.id, s.deputyIds[7]!, { [v.options[0]!.id]: 'no' });
    await cast(v.id, s.deputyIds[8]!, { [v.options[0]!.id]: 'abstain' });
    const live = (await call<VoteView>(t.app, 'GET', `/api/votes/${v.id}`)).body;
    expect(live).toMatchObject({ state: 'open', cast: 9, expected: 10, tally: { yes: 7, no: 1, abstain: 1 } });
    const { body: closed } = await close(v.id);
    const r = closed.tally as ResolutionResult;
    expect(r).toMatchObject({ kind: 'resolution', yes: 7, no: 1, abstain: 1, notVoted: 1, onLeave: 0, absent: 2, present: 10, inOffice: 12, required: 7, passed: true });
    const { body: announced } = await call<VoteView>(t.app, 'POST', `/api/votes/${v.id}/announce`, undefined, 200);
    expect(announced.state).toBe('announced');
  });

  it('records a ballot exactly once under concurrent retries with the same id', async () => {
    const v = await createVote(t.app, s, { kind: 'resolution', title: '重试测试', secrecy: 'open' });
    await open(v.id);
    const id = clientId();
    const token = await voters.identify(s.deputyIds[0]!);
    const results = await Promise.all(Array.from({ length: 20 }, () => voters.castWith(v.id, s.deputyIds[0]!, token, { marks: yes(v) }, { clientId: id })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 200)).toHaveLength(19);
    expect(results.filter((r) => r.body.outcome === 'duplicate')).toHaveLength(19);
    const { body } = await close(v.id);
    expect((body.tally as ResolutionResult).yes).toBe(1);
    expect(body.cast).toBe(1);
  });

  it('lets a deputy change the vote until close; the last one counts; a late retry of the old one changes nothing', async () => {
    const v = await createVote(t.app, s, { kind: 'resolution', title: '改票测试', secrecy: 'open' });
    await open(v.id);
    const first = clientId();
    await cast(v.id, s.deputyIds[0]!, yes(v), first);
    const changed = await cast(v.id, s.deputyIds[0]!, { [v.options[0]!.id]: 'no' });
    expect(changed.body.outcome).toBe('changed');
    const lateRetry = await cast(v.id, s.deputyIds[0]!, yes(v), first);
    expect(lateRetry.body.outcome).toBe('duplicate');
    const { body } = await close(v.id);
    expect(body.tally).toMatchObject({ yes: 0, no: 1, cast: 1 });
  });

  it('refuses a change when the vote is first-press-valid', async () => {
    const v = await createVote(t.app, s, { kind: 'resolution', title: '首次有效', secrecy: 'open', changePolicy: 'first' });
    await open(v.id);
    await cast(v.id, s.deputyIds[0]!, yes(v));
    const again = await cast(v.id, s.deputyIds[0]!, { [v.options[0]!.id]: 'no' });
    expect(again.status).toBe(409);
    expect(again.body.error!.code).toBe('ERR_ALREADY_VOTED');
  });

  it('refuses ballots before open and after close; the seat does not identify the not checked in', async () => {
    const v = await createVote(t.app, s, { kind: 'resolution', title: '状态测试', secrecy: 'open' });
    const early = await cast(v.id, s.deputyIds[0]!, yes(v));
    expect(early.status).toBe(409);
    expect(early.body.error!.message).toMatch(/尚未开始/);
    await open(v.id);
    await expect(voters.identify(s.deputyIds[11]!)).rejects.toThrow(/not_checked_in/);
    await close(v.id);
    const late = await cast(v.id, s.deputyIds[0]!, yes(v));
    expect(late.status).toBe(409);
    expect(late.body.error!.message).toMatch(/表决已结束/);
  });

  it('fixes the electorate at open: a deputy suspended before opening neither votes nor counts', async () => {
    const suspended = s.deputyIds[9]!;
    const tokenBefore = await voters.identify(suspended); // identified while still in office
    await call(t.app, 'PATCH', `/api/deputies/${suspended}`, { status: 'suspended' }, 200);
    await expect(voters.identify(suspended)).rejects.toThrow(/not_on_roster/);
    const v = await createVote(t.app, s, { kind: 'resolution', title: '暂停职务测试', secrecy: 'open' });
    const { body: opened } = await open(v.id);
    expect(opened.inOffice).toBe(11);
    const refused = await voters.castWith(v.id, suspended, tokenBefore, { marks: yes(v) });
    expect(refused.status).toBe(403);
    expect(refused.body.error!.code).toBe('ERR_NOT_ELIGIBLE');
    const { body } = await close(v.id);
    expect(body.tally).toMatchObject({ inOffice: 11, required: 6 });
    await call(t.app, 'PATCH', `/api/deputies/${suspended}`, { status: 'active' }, 200);
  });

  it('refuses to open without quorum unless the chair gives a reason, which is kept', async () => {
    const thin = await seedSitting(t.app, 6);
    await checkIn(t.app, thin, thin.deputyIds.slice(0, 3));
    const v = await createVote(t.app, thin, { kind: 'resolution', title: '法定人数', secrecy: 'open' });
    const refused = await call<{ error: { code: string; message: string } }>(t.app, 'POST', `/api/votes/${v.id}/open`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/还差 1 人/);
    const { body } = await call<VoteView>(t.app, 'POST', `/api/votes/${v.id}/open`, { overrideQuorumReason: '主任会议决定继续' }, 200);
    expect(body).toMatchObject({ state: 'open', quorumOverride: '主任会议决定继续' });
  });
});

describe('other kinds', () => {
  it('project vote: at most N 赞成, ranked, adopted within N', async () => {
    const v = await createVote(t.app, s, {
      kind: 'project', title: '2027年民生实事项目', secrecy: 'secret', maxYes: 2,
      options: [{ label: '老旧小区改造' }, { label: '农村公路' }, { label: '养老服务中心' }],
    });
    await open(v.id);
    const [a, b, c] = v.options.map((o) => String(o.id));
    const over = await cast(v.id, s.deputyIds[0]!, { [a!]: 'yes', [b!]: 'yes', [c!]: 'yes' }, clientId(), { ballotSecret: 'a'.repeat(32) });
    expect(over.status).toBe(400);
    expect(over.body.error!.code).toBe('ERR_BAD_BALLOT');
    for (const [i, d] of s.deputyIds.slice(0, 9).entries()) {
      const marks: Marks = i < 8 ? { [a!]: 'yes', [b!]: 'yes', [c!]: 'no' } : { [a!]: 'no', [b!]: 'abstain', [c!]: 'yes' };
      expect((await cast(v.id, d, marks, clientId(), { ballotSecret: (i + 1).toString(16).padStart(32, '0') })).status).toBe(201);
    }
    const { body } = await close(v.id);
    const r = body.tally as ProjectResult;
    expect(r.adoptedIds).toEqual([Number(a), Number(b)]);
    expect(r.runOff).toBeNull();
  });

  it('election with a write-in: overvote refused, write-in counted', async () => {
    const v = await createVote(t.app, s, {
      kind: 'election', title: '补选镇人大主席团成员', secrecy: 'secret', maxYes: 1, allowWriteIn: true,
      options: [{ label: '周某' }, { label: '吴某' }],
    });
    await open(v.id);
    const [zhou, wu] = v.options.map((o) => String(o.id));
    const over = await voters.cast(v.id, s.deputyIds[0]!, { marks: { [zhou!]: 'yes', [wu!]: 'no' }, writeIns: ['郑某'] });
    expect(over.status).toBe(400);
    expect(over.body.error!.code).toBe('ERR_BAD_BALLOT');
    for (const [i, d] of s.deputyIds.slice(0, 8).entries()) {
      const content = i < 7 ? { marks: { [zhou!]: 'no' as const, [wu!]: 'abstain' as const }, writeIns: ['郑某'] } : { marks: { [zhou!]: 'yes' as const, [wu!]: 'no' as const } };
      const res = await voters.cast(v.id, d, content);
      expect(res.status).toBe(201);
    }
    const r = (await close(v.id)).body.tally as ElectionResult;
    expect(r.electedWriteIns).toEqual(['郑某']);
    expect(r.electedIds).toEqual([]);
  });

  it('rating vote: satisfaction rate = (满意 + 基本满意) / valid', async () => {
    const v = await createVote(t.app, s, {
      kind: 'rating', title: '对县政府民生实事项目实施情况的满意度测评', secrecy: 'secret', options: [{ label: '县交通运输局' }],
    });
    await open(v.id);
    const subject = String(v.options[0]!.id);
    const marks: RatingMark[] = ['satisfied', 'satisfied', 'basic', 'unsatisfied'];
    for (const [i, m] of marks.entries()) {
      await cast(v.id, s.deputyIds[i]!, { [subject]: m }, clientId(), { ballotSecret: `${i}`.padStart(32, 'd') });
    }
    const r = (await close(v.id)).body.tally as RatingResult;
    expect(r.subjects[0]).toMatchObject({ satisfied: 2, basic: 1, unsatisfied: 1, valid: 4, satisfactionRate: 0.75 });
  });

  it('hides per-option counts of a secret vote while it is open', async () => {
    const v = await createVote(t.app, s, { kind: 'resolution', title: '无记名', secrecy: 'secret' });
    await open(v.id);
    await cast(v.id, s.deputyIds[0]!, yes(v), clientId(), { ballotSecret: 'e'.repeat(32) });
    const { body } = await call<VoteView>(t.app, 'GET', `/api/votes/${v.id}`);
    expect(body).toMatchObject({ cast: 1, tally: null });
    expect((await close(v.id)).body.tally).toMatchObject({ yes: 1 });
  });
});
