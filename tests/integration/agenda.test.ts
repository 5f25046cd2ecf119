// The agenda (议程, issue 25 point 1): items with kind and presenter, edited, reordered and deleted before and during
// the sitting; the current item (当前议程) set by the chair; the vote form that picks an item or makes one in the same
// step. Real SQLite on disk through the routes; audit:verify checks the new columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit, verifyFile } from '../../server/audit/verify';
import type { SittingAgenda } from '../../shared/agenda';
import type { AgendaReport } from '../../shared/reports';
import type { AgendaItemView, MeetingView, VoteView } from '../../shared/views';
import { call, makeApp, signIn, type TestApp } from '../helpers/app';
import { seedSitting, type Sitting } from '../helpers/fixtures';
import { tamperedCopy } from '../helpers/tampered-copy';

let t: TestApp;
let s: Sitting;
let otherSittingId: number;
let clerk: string;
let chair: string;

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 5);
  clerk = await signIn(t.app, 'clerk', 'agenda-clerk');
  chair = await signIn(t.app, 'chair', 'agenda-chair');
  const { body: m } = await call<MeetingView>(t.app, 'POST', `/api/bodies/${s.body.id}/meetings`, { name: '第三次会议', sittings: [{ name: '第一次全体会议' }] }, 201);
  otherSittingId = m.sittings[0]!.id;
});
afterAll(() => t.close());

const list = async (sittingId = s.sittingId) => (await call<AgendaItemView[]>(t.app, 'GET', `/api/sittings/${sittingId}/agenda`, undefined, 200)).body;
const add = async (body: object, cookie?: string, sittingId = s.sittingId) =>
  (await call<AgendaItemView>(t.app, 'POST', `/api/sittings/${sittingId}/agenda`, body, 201, cookie)).body;
const summary = (items: AgendaItemView[]) => items.map((i) => [i.position, i.title, i.kind, i.presenter]);
const resolution = { kind: 'resolution', title: '关于镇人民政府工作报告的决议', secrecy: 'open' };

describe('items: made, edited, reordered, deleted', () => {
  let report: AgendaItemView;
  let deliberation: AgendaItemView;
  let inquiry: AgendaItemView;

  it('makes items in order with kind and presenter (汇报人); a clerk and the chair both may', async () => {
    report = await add({ title: '听取镇人民政府工作报告', kind: 'report', presenter: '镇长 李某某' }, clerk);
    deliberation = await add({ title: '审议财政预算报告', kind: 'deliberation' }, chair);
    inquiry = await add({ title: '专题询问', kind: 'inquiry', presenter: '' });
    expect(summary(await list())).toEqual([
      [1, '听取镇人民政府工作报告', 'report', '镇长 李某某'],
      [2, '审议财政预算报告', 'deliberation', null],
      [3, '专题询问', 'inquiry', null],
    ]);
    expect((await add({ title: '其他事项' })).kind).toBe('other');
  });

  it('refuses an unknown kind and an empty title in Chinese, storing nothing', async () => {
    const before = await list();
    for (const body of [{ title: '某项', kind: 'speech' }, { title: '' }, { title: '某项', presenter: 'a\u0000b' }, { title: '某项', presenter: '  ' }, { title: '某项', presenter: '甲\n乙' }]) {
      const r = await call<{ error: { message: string } }>(t.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, body);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await list()).toEqual(before);
  });

  it('edits title, kind and presenter; an empty presenter clears it', async () => {
    await call(t.app, 'PATCH', `/api/agenda/${deliberation.id}`, { title: '审议镇财政预算执行情况的报告', presenter: '财政所所长 王某某' }, 200, clerk);
    await call(t.app, 'PATCH', `/api/agenda/${report.id}`, { kind: 'deliberation', presenter: '' }, 200, chair);
    const items = await list();
    expect(summary(items).slice(0, 2)).toEqual([
      [1, '听取镇人民政府工作报告', 'deliberation', null],
      [2, '审议镇财政预算执行情况的报告', 'deliberation', '财政所所长 王某某'],
    ]);
    expect((await call(t.app, 'PATCH', `/api/agenda/${report.id}`, {}, undefined)).status).toBe(400);
    expect((await call(t.app, 'PATCH', `/api/agenda/999999`, { title: '某项' })).status).toBe(404);
  });

  it('reorders: every item once, or nothing changes', async () => {
    const ids = (await list()).map((i) => i.id);
    const reversed = [...ids].reverse();
    const r = await call<AgendaItemView[]>(t.app, 'PUT', `/api/sittings/${s.sittingId}/agenda/order`, { itemIds: reversed }, 200, clerk);
    expect(r.body.map((i) => [i.id, i.position])).toEqual(reversed.map((id, i) => [id, i + 1]));
    const foreign = await add({ title: '另一次会议的议程' }, undefined, otherSittingId);
    for (const itemIds of [reversed.slice(1), [...reversed, reversed[0]!], [...reversed.slice(1), foreign.id]]) {
      const bad = await call<{ error: { message: string } }>(t.app, 'PUT', `/api/sittings/${s.sittingId}/agenda/order`, { itemIds });
      expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringMatching(/^议程顺序须列出本次会议的每一项议程/)]);
    }
    expect((await list()).map((i) => i.id)).toEqual(reversed);
    await call(t.app, 'PUT', `/api/sittings/${s.sittingId}/agenda/order`, { itemIds: ids }, 200);
  });

  it('deletes an item that holds nothing and closes the gap; an item with a vote stays (409, in Chinese)', async () => {
    await call(t.app, 'POST', `/api/agenda/${report.id}/votes`, resolution, 201);
    const held = await call<{ error: { message: string } }>(t.app, 'DELETE', `/api/agenda/${report.id}`, undefined, undefined, clerk);
    expect([held.status, held.body.error.message]).toEqual([409, expect.stringMatching(/^该议程下有 1 项表决，不能删除/)]);
    await call(t.app, 'DELETE', `/api/agenda/${inquiry.id}`, undefined, 204, clerk);
    const items = await list();
    expect(items.map((i) => i.id)).not.toContain(inquiry.id);
    expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
    expect(items.find((i) => i.id === report.id)!.votes).toHaveLength(1);
  });
});

describe('the current item (当前议程)', () => {
  const setCurrent = (itemId: number | null, cookie?: string, sittingId = s.sittingId) =>
    call<SittingAgenda & { error?: { message: string } }>(t.app, 'PUT', `/api/sittings/${sittingId}/agenda/current`, { itemId }, undefined, cookie);

  it('the chair sets it, before and during the sitting; a clerk may not', async () => {
    const [first, second] = await list();
    const r = await setCurrent(first!.id, chair);
    expect([r.status, r.body.currentItemId]).toEqual([200, first!.id]);
    expect((await list()).filter((i) => i.current).map((i) => i.id)).toEqual([first!.id]);
    expect((await setCurrent(second!.id, clerk)).status).toBe(403);
    expect((await setCurrent(second!.id, chair)).body.currentItemId).toBe(second!.id);
  });

  it("refuses another sitting's item and an unknown one; null clears it", async () => {
    const foreign = (await list(otherSittingId))[0]!;
    const r = await setCurrent(foreign.id);
    expect([r.status, r.body.error?.message]).toEqual([400, expect.stringMatching(/^该议程不属于本次会议/)]);
    expect((await setCurrent(999999)).status).toBe(404);
    expect((await setCurrent(null)).body.currentItemId).toBeNull();
  });

  it('deleting the current item leaves the sitting with none', async () => {
    const spare = await add({ title: '临时议程', kind: 'other' });
    await setCurrent(spare.id);
    await call(t.app, 'DELETE', `/api/agenda/${spare.id}`, undefined, 204);
    expect((await list()).some((i) => i.current)).toBe(false);
  });
});

describe('the vote form: a vote belongs to an item chosen or made in the same step', () => {
  const form = (body: object, cookie = chair) => call<VoteView & { error?: { message: string } }>(t.app, 'POST', `/api/sittings/${s.sittingId}/votes`, body, undefined, cookie);
  const project = { kind: 'project', title: '2027年民生实事项目票决', secrecy: 'secret', options: [{ label: '道路硬化' }, { label: '自来水改造' }] };

  it('a refused vote form leaves no item behind, and its retry makes exactly one', async () => {
    const before = (await list()).length;
    const refused = await form({ newItem: { title: '票决民生实事项目' }, vote: { ...project, maxYes: 3 } });
    expect([refused.status, refused.body.error?.message]).toEqual([400, expect.stringMatching(/^可赞成项目数不能多于候选项目数/)]);
    expect((await list()).length).toBe(before);
    const ok = await form({ newItem: { title: '票决民生实事项目' }, vote: { ...project, maxYes: 1 } });
    expect(ok.status).toBe(201);
    const items = await list();
    expect(items.length).toBe(before + 1);
    const made = items.filter((i) => i.title === '票决民生实事项目');
    expect(made.map((i) => [i.kind, i.votes.map((v) => v.id)])).toEqual([['vote', [ok.body.id]]]);
  });

  it('a vote for a chosen item adds no item; an election made with its item is of kind 选举', async () => {
    const [first] = await list();
    const before = (await list()).length;
    const ok = await form({ agendaItemId: first!.id, vote: resolution });
    expect([ok.status, ok.body.agendaItemId]).toEqual([201, first!.id]);
    expect((await list()).length).toBe(before);
    const election = await form({ newItem: { title: '补选镇人大主席团成员' }, vote: { kind: 'election', title: '补选', secrecy: 'secret', options: [{ label: '张三' }], maxYes: 1 } });
    expect((await list()).find((i) => i.id === election.body.agendaItemId)!.kind).toBe('election');
  });

  it('refuses neither or both, and an item of another sitting; a clerk may not make votes', async () => {
    const [first] = await list();
    const foreign = (await list(otherSittingId))[0]!;
    const before = await list();
    expect((await form({ vote: resolution })).status).toBe(400);
    expect((await form({ agendaItemId: first!.id, newItem: { title: '某项' }, vote: resolution })).status).toBe(400);
    expect((await form({ agendaItemId: foreign.id, vote: resolution })).body.error?.message).toMatch(/^该议程不属于本次会议/);
    expect((await form({ newItem: { title: '某项' }, vote: resolution }, clerk)).status).toBe(403);
    expect((await list()).map((i) => [i.id, i.votes.length])).toEqual(before.map((i) => [i.id, i.votes.length]));
  });
});

describe('the report: 会议议程', () => {
  it('lists every item in order with kind, presenter, its votes and its documents (none yet), under the audit head', async () => {
    const items = await list();
    const { body: r } = await call<AgendaReport>(t.app, 'GET', `/api/reports/sittings/${s.sittingId}/agenda`, undefined, 200);
    expect([r.bodyName, r.meetingName, r.sittingName]).toEqual([s.body.name, s.meeting.name, '第一次全体会议']);
    expect(r.items.map((i) => [i.position, i.title, i.kind, i.presenter, i.votes.map((v) => v.id), i.documents])).toEqual(
      items.map((i) => [i.position, i.title, i.kind, i.presenter, i.votes.map((v) => v.id), []]),
    );
    expect(r.items.flatMap((i) => i.votes).length).toBeGreaterThan(0);
    expect(r.sittingDocuments).toEqual([]);
    expect(r.auditHead).toMatch(/^[0-9a-f]{64}$/);
    expect((await call(t.app, 'GET', '/api/reports/sittings/999999/agenda')).status).toBe(404);
  });
});

describe('audit', () => {
  it('every agenda change is in the log, and audit:verify passes', async () => {
    const actions = (await t.app.ctx.db.all<{ action: string }>("SELECT DISTINCT action FROM audit_events WHERE action LIKE 'agenda.%'")).map((r) => r.action);
    expect(actions.sort()).toEqual(['agenda.create', 'agenda.current', 'agenda.delete', 'agenda.edit', 'agenda.reorder']);
    expect(await verifyAudit(t.app.ctx.db)).toMatchObject({ ok: true, problem: null });
  });

  it("detects an item's kind, presenter or position, or the current item, edited in the file", async () => {
    const [first, second] = await list();
    await t.app.close(); // a file is copied closed (tamperedCopy); this is the file's last test
    expect(await verifyFile(t.dbPath)).toMatchObject({ ok: true });
    for (const sql of [
      `UPDATE agenda_items SET kind = 'election' WHERE id = ${first!.id}`,
      `UPDATE agenda_items SET presenter = '冒名者' WHERE id = ${first!.id}`,
      `UPDATE agenda_items SET position = 9 WHERE id = ${second!.id}`,
      `UPDATE sittings SET current_agenda_item_id = ${second!.id} WHERE id = ${s.sittingId}`,
    ]) {
      expect((await verifyFile(await tamperedCopy(t.dbPath, sql))).ok).toBe(false);
    }
  });
});
