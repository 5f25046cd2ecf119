// Report routes on the real app and a real SQLite file: results sheet (JSON + .xlsx), attendance sheet
// (JSON + .xlsx), and the deputy record, which shows open choices but only participation for secret votes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { AttendanceReport, DeputyRecord, VoteReport } from '../../shared/reports';
import type { ResolutionResult } from '../../shared/rules/result-types';
import type { VoteView } from '../../shared/views';
import type { Mark } from '../../shared/types';
import { call, makeApp, type TestApp } from '../helpers/app';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters, type Voters } from '../helpers/voting';

let t: TestApp;
let s: Sitting;
let open: VoteView;
let secret: VoteView;

let voters: Voters;
async function cast(v: VoteView, deputyId: number, mark: Mark) {
  const res = await voters.cast(v.id, deputyId, { marks: { [v.options[0]!.id]: mark } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function sheetRows(bytes: Buffer, sheet = 0): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  if (!book.worksheets[sheet]) return rows;
  book.worksheets[sheet]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 9);
  await checkIn(t.app, s, s.deputyIds.slice(0, 7));
  voters = await seatVoters(t.app, s);
  const p8 = s.participantOf.get(s.deputyIds[7]!)!;
  await call(t.app, 'POST', `/api/sittings/${s.sittingId}/leaves`, { participantId: p8, reason: '因病请假' }, 201);
  open = await createVote(t.app, s, { kind: 'resolution', title: '关于批准财政预算的决议', secrecy: 'open' });
  secret = await createVote(t.app, s, { kind: 'resolution', title: '关于人事任免的决定', secrecy: 'secret' });
  for (const v of [open, secret]) await call(t.app, 'POST', `/api/votes/${v.id}/open`, {}, 200);
  const marks: Mark[] = ['yes', 'yes', 'yes', 'yes', 'yes', 'no', 'abstain'];
  for (const [i, mark] of marks.entries()) {
    await cast(open, s.deputyIds[i]!, mark);
    await cast(secret, s.deputyIds[i]!, i === 0 ? 'no' : 'yes');
  }
  for (const v of [open, secret]) await call(t.app, 'POST', `/api/votes/${v.id}/close`, undefined, 200);
  await call(t.app, 'POST', `/api/votes/${open.id}/announce`, undefined, 200);
});
afterAll(() => t.close());

describe('results sheet', () => {
  it('answers the stored result, the rule in words, the times and the audit chain head', async () => {
    const { body } = await call<VoteReport>(t.app, 'GET', `/api/reports/votes/${open.id}`, undefined, 200);
    expect(body).toMatchObject({ bodyName: '某镇第八届人民代表大会', meetingName: '第二次会议', sittingName: '第一次全体会议', agendaTitle: '关于批准财政预算的决议' });
    expect(body.rule.zh).toBe('全体代表的过半数');
    expect(body.vote.state).toBe('announced');
    expect(body.vote.tally as ResolutionResult).toMatchObject({ yes: 5, no: 1, abstain: 1, notVoted: 0, onLeave: 1, absent: 1, inOffice: 9, required: 5, passed: true });
    expect(body.vote.openedAt && body.vote.closedAt && body.vote.announcedAt).toBeTruthy();
    expect(body.auditHead).toMatch(/^[0-9a-f]{64}$/);
    expect(body.auditHead).not.toBe('0'.repeat(64));
  });

  it('exports the same numbers as .xlsx', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/votes/${open.id}/xlsx`, headers: { cookie: t.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(`filename="vote-${open.id}.xlsx"`);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]![0]).toBe('表决结果 — 关于批准财政预算的决议');
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(find('项目')).toEqual(['项目', '赞成', '反对', '弃权', '结果']);
    expect(find('关于批准财政预算的决议')).toEqual(['关于批准财政预算的决议', '5', '1', '1', '通过']);
    // 7 present all pressed: 未按 0; the one on leave and the one absent are shown apart.
    expect(['未按', '请假', '缺席'].map((label) => find(label)?.[1])).toEqual(['0', '1', '1']);
    expect(find('通过规则')?.[1]).toBe('全体代表的过半数');
    expect(find('表决结果')?.[1]).toBe('通过');
    expect(find('审计链头哈希（生成时）')?.[1]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists each deputy of a 记名 vote with their choice, 未按, 请假 or 缺席, by delegation; nothing for a 无记名 vote', async () => {
    const { body } = await call<VoteReport>(t.app, 'GET', `/api/reports/votes/${open.id}`, undefined, 200);
    const roll = body.rollCall!.map((e) => [e.cardNo, e.delegation, e.status, e.marks?.[0] ?? null]);
    expect(roll).toEqual([
      // The body's order (issue 23): delegation by delegation, as the roster lists them.
      ['D0001', '第1选区', 'voted', 'yes'],
      ['D0004', '第1选区', 'voted', 'yes'],
      ['D0007', '第1选区', 'voted', 'abstain'],
      ['D0002', '第2选区', 'voted', 'yes'],
      ['D0005', '第2选区', 'voted', 'yes'],
      ['D0008', '第2选区', 'leave', null],
      ['D0003', '第3选区', 'voted', 'yes'],
      ['D0006', '第3选区', 'voted', 'no'],
      ['D0009', '第3选区', 'absent', null],
    ]);
    expect((await call<VoteReport>(t.app, 'GET', `/api/reports/votes/${secret.id}`, undefined, 200)).body.rollCall).toBeNull();
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/votes/${open.id}/xlsx`, headers: { cookie: t.cookie } });
    const rows = await sheetRows(res.rawPayload, 1);
    expect(rows[1]).toEqual(['代表团/选区', '代表证号', '姓名', '表决意见']);
    expect(rows.slice(2).map((r) => r.join(' '))).toEqual([
      '第1选区 D0001 代表1 赞成',
      '第1选区 D0004 代表4 赞成',
      '第1选区 D0007 代表7 弃权',
      '第2选区 D0002 代表2 赞成',
      '第2选区 D0005 代表5 赞成',
      '第2选区 D0008 代表8 请假',
      '第3选区 D0003 代表3 赞成',
      '第3选区 D0006 代表6 反对',
      '第3选区 D0009 代表9 缺席',
    ]);
    const secretXlsx = await t.app.inject({ method: 'GET', url: `/api/reports/votes/${secret.id}/xlsx`, headers: { cookie: t.cookie } });
    expect(await sheetRows(secretXlsx.rawPayload, 1)).toEqual([]);
  });

  it("keeps one order of deputies, the body's, on the roster, the attendance sheet and the result sheet (its .xlsx too)", async () => {
    // The roster's own order of delegations is neither an alphabet nor the database's byte order.
    const fresh = await makeApp();
    try {
      const { body } = await call<{ id: number }>(fresh.app, 'POST', '/api/bodies', { name: '某县第十八届人民代表大会' }, 201);
      const rows = [
        ['王城', '西城代表团'], ['李东', '东城代表团'], ['陈北', '北苑代表团'], ['赵西', '西城代表团'],
        ['钱无', null], ['孙东', '东城代表团'], ['周北', '北苑代表团'],
      ].map(([name, delegation], i) => ({ name, cardNo: `K${String(90 - i)}`, ...(delegation && { delegation }) }));
      await call(fresh.app, 'POST', `/api/bodies/${body.id}/roster`, { rows }, 200);
      const { body: m } = await call<{ sittings: Array<{ id: number }> }>(fresh.app, 'POST', `/api/bodies/${body.id}/meetings`, { name: '第一次会议', sittings: [{ name: '第一次全体会议' }] }, 201);
      const { body: item } = await call<{ id: number }>(fresh.app, 'POST', `/api/sittings/${m.sittings[0]!.id}/agenda`, { title: '决议' }, 201);
      const { body: v } = await call<VoteView>(fresh.app, 'POST', `/api/agenda/${item.id}/votes`, { kind: 'resolution', title: '决议', secrecy: 'open' }, 201);
      await call(fresh.app, 'POST', `/api/votes/${v.id}/open`, { overrideQuorumReason: '测试' }, 200);
      await call(fresh.app, 'POST', `/api/votes/${v.id}/close`, undefined, 200);
      const expected = ['王城', '赵西', '李东', '孙东', '陈北', '周北', '钱无'];
      const roster = (await call<Array<{ name: string }>>(fresh.app, 'GET', `/api/bodies/${body.id}/deputies`, undefined, 200)).body;
      const sheet = (await call<AttendanceReport>(fresh.app, 'GET', `/api/reports/sittings/${m.sittings[0]!.id}/attendance`, undefined, 200)).body;
      const result = (await call<VoteReport>(fresh.app, 'GET', `/api/reports/votes/${v.id}`, undefined, 200)).body;
      expect(roster.map((d) => d.name)).toEqual(expected);
      expect(sheet.entries.map((e) => e.participant.name)).toEqual(expected);
      expect(result.rollCall!.map((e) => e.name)).toEqual(expected);
      const xlsx = await fresh.app.inject({ method: 'GET', url: `/api/reports/votes/${v.id}/xlsx`, headers: { cookie: fresh.cookie } });
      expect((await sheetRows(xlsx.rawPayload, 1)).slice(2).map((r) => r[2])).toEqual(expected);
    } finally {
      await fresh.close();
    }
  });

  it('says there is no result yet for a vote still in draft; 404 for an unknown vote, 400 for an id not written plainly', async () => {
    const draft = await createVote(t.app, s, { kind: 'resolution', title: '草稿', secrecy: 'open' });
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/votes/${draft.id}/xlsx`, headers: { cookie: t.cookie } });
    expect((await sheetRows(res.rawPayload)).some((r) => r[0]?.startsWith('表决尚未结束'))).toBe(true);
    const missing = await call<{ error: { code: string } }>(t.app, 'GET', '/api/reports/votes/99999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ERR_NOT_FOUND');
    for (const odd of ['1e999', '0', '-1', '1.9', 'abc', '0x10']) {
      for (const url of [`/api/reports/votes/${odd}`, `/api/reports/votes/${odd}/xlsx`, `/api/reports/sittings/${odd}/attendance`, `/api/reports/deputies/${odd}`]) {
        const res = await call<{ error: { code: string } }>(t.app, 'GET', url);
        expect(res.status, url).toBe(400);
        expect(res.body.error.code).toBe('ERR_VALIDATION');
      }
    }
  });
});

describe('attendance sheet', () => {
  it('lists the summary and everyone with method, time and leave reason', async () => {
    const { body } = await call<AttendanceReport>(t.app, 'GET', `/api/reports/sittings/${s.sittingId}/attendance`, undefined, 200);
    expect(body.summary).toMatchObject({ expected: 9, present: 7, onLeave: 1, absent: 1, quorum: { met: true, required: 6 } });
    expect(body.entries).toHaveLength(9);
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/sittings/${s.sittingId}/attendance/xlsx`, headers: { cookie: t.cookie } });
    const rows = await sheetRows(res.rawPayload);
    const head = rows.findIndex((r) => r[0] === '应到');
    expect(rows[head + 1]!.slice(0, 4)).toEqual(['9', '7', '1', '1']);
    const leave = rows.find((r) => r[1] === '代表8')!;
    expect(leave[4]).toBe('请假');
    expect(leave[7]).toBe('因病请假');
    const manual = rows.find((r) => r[1] === '代表1')!;
    expect(manual.slice(4, 6)).toEqual(['已报到', '人工补签']);
    expect(manual[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });
});

describe('deputy record (履职档案)', () => {
  it('shows the choice in an open vote and only participation in a secret one', async () => {
    const { body } = await call<DeputyRecord>(t.app, 'GET', `/api/reports/deputies/${s.deputyIds[0]}`, undefined, 200);
    expect(body.totals).toEqual({ sittings: 1, present: 1, leave: 0, absent: 0, pending: 0, votes: 2, participated: 2 });
    const o = body.votes.find((v) => v.voteId === open.id)!;
    expect(o.choice).toEqual([{ label: '关于批准财政预算的决议', mark: 'yes' }]);
    const sv = body.votes.find((v) => v.voteId === secret.id)!;
    expect(sv).toMatchObject({ secrecy: 'secret', participated: true, choice: null });
    expect(JSON.stringify(sv)).not.toMatch(/"mark"|"no"/);
  });

  it('counts leave and absence, and a sitting not yet held as neither', async () => {
    await call(t.app, 'POST', `/api/meetings/${s.meeting.id}/sittings`, { name: '第二次全体会议' }, 201);
    const onLeave = (await call<DeputyRecord>(t.app, 'GET', `/api/reports/deputies/${s.deputyIds[7]}`)).body;
    expect(onLeave.totals).toMatchObject({ leave: 1, present: 0, participated: 0 });
    expect(onLeave.sittings[0]).toMatchObject({ status: 'leave', leaveReason: '因病请假' });
    const absent = (await call<DeputyRecord>(t.app, 'GET', `/api/reports/deputies/${s.deputyIds[8]}`)).body;
    expect(absent.totals).toMatchObject({ sittings: 2, absent: 1, pending: 1, votes: 2, participated: 0 });
    expect(absent.sittings[1]).toMatchObject({ sittingName: '第二次全体会议', status: 'pending' });
    expect(absent.votes.every((v) => !v.participated && v.choice === null)).toBe(true);
  });
});
