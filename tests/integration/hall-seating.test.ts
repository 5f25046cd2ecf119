// The hall and seat assignment through the API on a real file: sections from rows × seats, a 座次表 .xlsx with bad
// lines (reported by line, the rest imported), one-click fill in the body's order, swap and move, the .xlsx export,
// and a vote's choices by seat — refused for 无记名 whatever its state, and for 记名 until it closes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallImportReport, HallView, SeatChoicesView, SeatingView, SeatMapView } from '../../shared/hall';
import { call, makeApp, type TestApp } from '../helpers/app';
import { checkIn, createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { multipart } from '../helpers/faces';
import { seatVoters, type Voters } from '../helpers/voting';
import { verifyFile } from '../../server/audit/verify';
import { pairDevice } from '../helpers/devices';

let t: TestApp;
let s: Sitting;
let voters: Voters;
let observer: number;

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('座次表');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const seatAt = (hall: HallView, section: string, row: number, seat: number) =>
  hall.sections.find((x) => x.name === section)!.seats.find((x) => x.row === row && x.seat === seat)!;

beforeAll(async () => {
  t = await makeApp();
  // 7 deputies in delegations 第1/2/3选区 by turns: the body's order is 1,4,7 | 2,5 | 3,6.
  s = await seedSitting(t.app, 7);
  observer = (await call<{ id: number }>(t.app, 'POST', `/api/meetings/${s.meeting.id}/participants`, { role: 'observer', name: '列席 刘某', organisation: '县政府' }, 201)).body.id;
  voters = await seatVoters(t.app, s);
});
afterAll(() => t.close());

const pid = (i: number) => s.participantOf.get(s.deputyIds[i]!)!;

describe('the hall', () => {
  it('makes a section from rows × seats and imports a 座次表, reporting bad lines by number', async () => {
    const made = await call<HallView>(t.app, 'POST', `/api/bodies/${s.body.id}/hall/sections`, { name: '主席台', kind: 'podium', rows: 1, seatsPerRow: 3 }, 201);
    expect(made.body.sections[0]!.seats.map((x) => x.label)).toEqual(['主席台 1 座', '主席台 2 座', '主席台 3 座']);
    await call(t.app, 'POST', `/api/bodies/${s.body.id}/hall/sections`, { name: '主席台', kind: 'podium', rows: 1, seatsPerRow: 2 }, 409);
    const file = await xlsx([
      ['区域', '排', '座', '类型'],
      ['代表席', 1, '1-4', ''], // line 2
      ['代表席', 2, '1-4', '代表席'], // line 3
      ['代表席', '第三排', '1-4', ''], // line 4: row is not a number
      ['代表席', 3, '1-4', ''], // line 5
      ['代表席', 2, 3, ''], // line 6: repeats line 3
      ['', 4, 1, ''], // line 7: no section
      ['代表席', 4, '5-1', ''], // line 8: backwards range
      ['东区', 1, 1, '贵宾席'], // line 9: unknown kind
    ]);
    const form = multipart([{ field: 'hall', name: '座次表.xlsx', bytes: file }]);
    const res = await t.app.inject({ method: 'POST', url: `/api/bodies/${s.body.id}/hall/import`, payload: form.payload, headers: { ...form.headers, cookie: t.cookie } });
    expect(res.statusCode).toBe(200);
    const report = JSON.parse(res.body) as HallImportReport;
    expect(report.errors.map((e) => e.row)).toEqual([4, 6, 7, 8, 9]);
    expect(report.errors.find((e) => e.row === 6)!.message).toMatch(/与第 3 行重复/);
    expect(report).toMatchObject({ sections: 1, seats: 12 });
    const hall = (await call<HallView>(t.app, 'GET', `/api/bodies/${s.body.id}/hall`)).body;
    expect(hall.sections.map((x) => [x.name, x.kind, x.rows, x.seats.length])).toEqual([['主席台', 'podium', 1, 3], ['代表席', 'floor', 3, 12]]);
    expect(seatAt(hall, '代表席', 3, 2).label).toBe('3排2座');
  });

  it('refuses a file that is not .xlsx, in Chinese', async () => {
    const form = multipart([{ field: 'hall', name: 'hall.csv', bytes: Buffer.from('区域,排,座\n') }]);
    const res = await t.app.inject({ method: 'POST', url: `/api/bodies/${s.body.id}/hall/import`, payload: form.payload, headers: { ...form.headers, cookie: t.cookie } });
    expect(res.statusCode).toBe(415);
    expect(JSON.parse(res.body).error.message).toMatch(/^座次表须为 \.xlsx 文件/);
  });
});

describe('seat assignment', () => {
  it('fills 代表席 by the body order in one click, keeping 主席台 seats set by hand', async () => {
    const hall = (await call<HallView>(t.app, 'GET', `/api/bodies/${s.body.id}/hall`)).body;
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/seating/move`, { participantId: pid(3), seatId: seatAt(hall, '主席台', 1, 2).id }, 200);
    const filled = (await call<SeatingView & { unseated: number }>(t.app, 'POST', `/api/sittings/${s.sittingId}/seating/fill`)).body;
    const nameAt = (row: number, seat: number) => filled.assignments.find((a) => a.seatId === seatAt(hall, '代表席', row, seat).id)?.name ?? null;
    // 第1选区 代表1, 代表7 (代表4 is on the 主席台), 第2选区 代表2, 代表5, 第3选区 代表3, 代表6, then 列席.
    expect([nameAt(1, 1), nameAt(1, 2), nameAt(1, 3), nameAt(1, 4), nameAt(2, 1), nameAt(2, 2), nameAt(2, 3), nameAt(2, 4)]).toEqual([
      '代表1', '代表7', '代表2', '代表5', '代表3', '代表6', '列席 刘某', null,
    ]);
    expect(filled.assignments.find((a) => a.participantId === pid(3))!.seatId).toBe(seatAt(hall, '主席台', 1, 2).id);
    expect(filled.unseated).toBe(0);
  });

  it('swaps two seated deputies, and a seatless one moved into a seat leaves its occupant unseated', async () => {
    const hall = (await call<HallView>(t.app, 'GET', `/api/bodies/${s.body.id}/hall`)).body;
    const [a, b] = [seatAt(hall, '代表席', 1, 1).id, seatAt(hall, '代表席', 1, 2).id];
    const swapped = (await call<SeatingView>(t.app, 'POST', `/api/sittings/${s.sittingId}/seating/move`, { participantId: pid(0), seatId: b })).body;
    const seatOf = (v: SeatingView, p: number) => v.assignments.find((x) => x.participantId === p)?.seatId ?? null;
    expect([seatOf(swapped, pid(0)), seatOf(swapped, pid(6))]).toEqual([b, a]);
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/seating/unseat`, { participantId: pid(1) }, 200);
    const moved = (await call<SeatingView>(t.app, 'POST', `/api/sittings/${s.sittingId}/seating/move`, { participantId: pid(1), seatId: a })).body;
    expect([seatOf(moved, pid(1)), seatOf(moved, pid(6))]).toEqual([a, null]);
    expect(moved.people.find((x) => x.participant.id === pid(6))!.seatId).toBeNull();
    // Back to the fill, for the tests below.
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/seating/fill`, undefined, 200);
  });

  it('refuses a seat of another body and a person of another meeting', async () => {
    const other = await seedSitting(t.app, 1);
    const made = (await call<HallView>(t.app, 'POST', `/api/bodies/${other.body.id}/hall/sections`, { name: '代表席', kind: 'floor', rows: 1, seatsPerRow: 1 }, 201)).body;
    const foreignSeat = made.sections[0]!.seats[0]!.id;
    const res = await call<{ error: { message: string } }>(t.app, 'POST', `/api/sittings/${s.sittingId}/seating/move`, { participantId: pid(0), seatId: foreignSeat }, 404);
    expect(res.body.error.message).toMatch(/^本会场没有该座位/);
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/seating/move`, { participantId: other.participantOf.get(other.deputyIds[0]!)!, seatId: foreignSeat }, 404);
  });

  it('refuses to remove a section whose seats are assigned', async () => {
    const hall = (await call<HallView>(t.app, 'GET', `/api/bodies/${s.body.id}/hall`)).body;
    const res = await call<{ error: { message: string } }>(t.app, 'DELETE', `/api/hall/sections/${hall.sections[1]!.id}`, undefined, 409);
    expect(res.body.error.message).toMatch(/已有座位安排/);
  });

  it('exports the 座次表 as .xlsx: a list in the body order and the hall drawn by seat', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/sittings/${s.sittingId}/seating/xlsx`, headers: { cookie: t.cookie } });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const list = book.getWorksheet('座位名单')!;
    expect(list.getRow(3).values).toEqual([undefined, '1排1座', '代表1', '第1选区', '代表']);
    const floor = book.worksheets.find((w) => w.name.includes('代表席'))!;
    expect(floor.getRow(3).getCell(1).value).toBe('1排');
    expect(floor.getRow(3).getCell(2).value).toBe('代表1');
    expect(floor.getRow(4).getCell(4).value).toBe('列席 刘某');
  });
});

describe('the seat map and choices by seat', () => {
  it('shows each seat as 已报到 / 未报到 / 请假 / 列席 / empty', async () => {
    await checkIn(t.app, s, [s.deputyIds[0]!, s.deputyIds[1]!]);
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/leaves`, { participantId: pid(2), reason: '因病请假' }, 201);
    const map = (await call<SeatMapView>(t.app, 'GET', `/api/sittings/${s.sittingId}/seat-map`)).body;
    const of = (p: number | null) => map.seats.find((x) => x.participantId === p)!.presence;
    expect([of(pid(0)), of(pid(1)), of(pid(2)), of(pid(5)), of(observer)]).toEqual(['present', 'present', 'leave', 'absent', 'observer']);
    expect(map.seats.filter((x) => x.presence === 'empty')).toHaveLength(15 - 8);
    expect(map.tabletsBound).toBe(false); // no seat tablet has been given a seat yet: no tablet state claimed
    expect(map.seats.every((x) => x.tabletOnline === null)).toBe(true);
  });

  it('shows a seat tablet given a seat as offline until its socket is up', async () => {
    const tablet = await pairDevice(t.app, 'seat', s.sittingId);
    const seat = (await call<SeatMapView>(t.app, 'GET', `/api/sittings/${s.sittingId}/seat-map`)).body.seats.find((x) => x.participantId === pid(0))!;
    await call(t.app, 'PATCH', `/api/devices/${tablet.device.id}`, { seatId: seat.seatId }, 200);
    const map = (await call<SeatMapView>(t.app, 'GET', `/api/sittings/${s.sittingId}/seat-map`)).body;
    expect(map.tabletsBound).toBe(true);
    expect(map.seats.find((x) => x.seatId === seat.seatId)!.tabletOnline).toBe(false);
    expect(map.seats.filter((x) => x.tabletOnline !== null)).toHaveLength(1);
  });

  it('never sends a 无记名 vote\'s choices by seat, open or closed; a 记名 one only once closed', async () => {
    const present = [s.deputyIds[0]!, s.deputyIds[1]!];
    const secret = await createVote(t.app, s, { kind: 'resolution', title: '无记名表决', secrecy: 'secret' });
    const open = await createVote(t.app, s, { kind: 'resolution', title: '记名表决', secrecy: 'open' });
    for (const v of [secret, open]) await call(t.app, 'POST', `/api/votes/${v.id}/open`, { overrideQuorumReason: '测试' }, 200);
    for (const v of [secret, open]) {
      expect((await voters.cast(v.id, present[0]!, { marks: { [v.options[0]!.id]: 'no' } })).status).toBe(201);
      expect((await voters.cast(v.id, present[1]!, { marks: { [v.options[0]!.id]: 'yes' } })).status).toBe(201);
    }
    const whileOpen = await call<{ error: { code: string; message: string } }>(t.app, 'GET', `/api/votes/${secret.id}/seat-choices`, undefined, 403);
    expect(whileOpen.body.error.message).toMatch(/^无记名表决不显示个人选择/);
    expect(JSON.stringify(whileOpen.body)).not.toMatch(/"(yes|no)"|seats/);
    await call(t.app, 'GET', `/api/votes/${open.id}/seat-choices`, undefined, 409);
    for (const v of [secret, open]) await call(t.app, 'POST', `/api/votes/${v.id}/close`, undefined, 200);
    const closed = await call(t.app, 'GET', `/api/votes/${secret.id}/seat-choices`, undefined, 403);
    expect(JSON.stringify(closed.body)).not.toMatch(/"(yes|no)"|seats/);
    const map = await call(t.app, 'GET', `/api/sittings/${s.sittingId}/seat-map`);
    expect(JSON.stringify(map.body)).not.toMatch(/"(yes|no|abstain)"|marks/);
    const choices = (await call<SeatChoicesView>(t.app, 'GET', `/api/votes/${open.id}/seat-choices`)).body;
    const at = (p: number) => choices.seats.find((x) => x.participantId === p);
    expect([at(pid(0))?.marks, at(pid(1))?.marks, at(pid(2))?.status, at(pid(5))?.status]).toEqual([['no'], ['yes'], 'leave', 'absent']);
    expect(at(observer)).toBeUndefined();
  });
});

describe('the audit chain', () => {
  it('covers the seating: a deputy moved to another seat by another process is reported', async () => {
    expect(await verifyFile(t.dbPath)).toMatchObject({ ok: true, problem: null });
    const seating = (await call<SeatingView>(t.app, 'GET', `/api/sittings/${s.sittingId}/seating`)).body;
    const taken = new Set(seating.assignments.map((a) => a.seatId));
    const free = seating.hall.sections.flatMap((x) => x.seats).find((x) => !taken.has(x.id))!;
    const sql = `UPDATE seat_assignments SET seat_id = ${free.id} WHERE sitting_id = ${s.sittingId} AND participant_id = ${pid(0)}`;
    await promisify(execFile)('sqlite3', ['-bail', '-cmd', '.timeout 5000', t.dbPath, sql]);
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: '一次正常的写入' }, 201);
    const r = await verifyFile(t.dbPath);
    expect(r.ok).toBe(false);
    expect(r.problem?.message).toMatch(/seat_assignments/);
  });
});
