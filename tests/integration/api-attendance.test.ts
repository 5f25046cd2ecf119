import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceEntry, AttendanceSummary } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { checkIn, seedSitting, type Sitting } from '../helpers/fixtures';

let t: TestApp;
let s: Sitting;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 9);
});
afterAll(() => t.close());

const summary = async () =>
  (await call<{ summary: AttendanceSummary; entries: AttendanceEntry[] }>(t.app, 'GET', `/api/sittings/${s.sittingId}/attendance`, undefined, 200)).body;

describe('attendance', () => {
  it('starts with everyone absent and quorum not met', async () => {
    const { summary: sum } = await summary();
    expect(sum).toMatchObject({ expected: 9, present: 0, onLeave: 0, absent: 9, quorum: { met: false, required: 6, shortBy: 6 } });
  });

  it('counts manual check-ins, leave and quorum', async () => {
    await checkIn(t.app, s, s.deputyIds.slice(0, 5));
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/leaves`, { participantId: s.participantOf.get(s.deputyIds[8]!), reason: '因病请假' }, 201);
    let { summary: sum } = await summary();
    expect(sum).toMatchObject({ expected: 9, present: 5, onLeave: 1, absent: 3, quorum: { met: false, shortBy: 1 } });
    await checkIn(t.app, s, [s.deputyIds[5]!]);
    ({ summary: sum } = await summary());
    expect(sum.quorum).toEqual({ met: true, required: 6, shortBy: 0 });
  });

  it('answers a second check-in with the time of the first, not an error', async () => {
    const pid = s.participantOf.get(s.deputyIds[0]!);
    const { status, body } = await call<{ status: string; checkin: { at: string; method: string } }>(
      t.app, 'POST', `/api/sittings/${s.sittingId}/checkins/manual`, { participantId: pid, reason: '再次' });
    expect(status).toBe(200);
    expect(body.status).toBe('already_checked_in');
    expect(body.checkin.method).toBe('manual');
    expect((await summary()).summary.present).toBe(6);
  });

  it('requires a reason for a manual check-in', async () => {
    const pid = s.participantOf.get(s.deputyIds[7]!);
    const res = await call<{ error: { code: string } }>(t.app, 'POST', `/api/sittings/${s.sittingId}/checkins/manual`, { participantId: pid });
    expect(res.status).toBe(400);
    const blank = await call(t.app, 'POST', `/api/sittings/${s.sittingId}/checkins/manual`, { participantId: pid, reason: '  ' });
    expect(blank.status).toBe(400);
  });

  it('lists each deputy with status, method and reason', async () => {
    const { entries } = await summary();
    const first = entries.find((e) => e.participant.deputyId === s.deputyIds[0]);
    expect(first).toMatchObject({ status: 'present', checkin: { method: 'manual', reason: '测试补签' } });
    const onLeave = entries.find((e) => e.participant.deputyId === s.deputyIds[8]);
    expect(onLeave).toMatchObject({ status: 'leave', leaveReason: '因病请假' });
  });

  it('counts 列席 apart from deputies and never toward quorum', async () => {
    const { body: p } = await call<{ id: number }>(t.app, 'POST', `/api/meetings/${s.meeting.id}/participants`, { role: 'observer', name: '县政府办 刘某', organisation: '县政府' }, 201);
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/checkins/manual`, { participantId: p.id, reason: '列席人员' }, 201);
    const { summary: sum } = await summary();
    expect(sum).toMatchObject({ present: 6, othersPresent: 1 });
  });

  it('drops a suspended deputy from 应到 and 实到', async () => {
    await call(t.app, 'PATCH', `/api/deputies/${s.deputyIds[0]}`, { status: 'suspended' }, 200);
    const { summary: sum } = await summary();
    expect(sum).toMatchObject({ expected: 8, present: 5 });
    await call(t.app, 'PATCH', `/api/deputies/${s.deputyIds[0]}`, { status: 'active' }, 200);
  });

  it('refuses a participant of another meeting', async () => {
    const other = await seedSitting(t.app, 1);
    const res = await call<{ error: { code: string } }>(t.app, 'POST', `/api/sittings/${s.sittingId}/checkins/manual`, {
      participantId: other.participantOf.get(other.deputyIds[0]!), reason: 'x' });
    expect(res.status).toBe(404);
  });

  it('records which clerk made a manual check-in (人工补签), in the row itself', async () => {
    const pid = s.participantOf.get(s.deputyIds[6]!);
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/checkins/manual`, { participantId: pid, reason: '人脸未识别' }, 201);
    const admin = await t.app.ctx.db.get<{ id: number }>("SELECT id FROM staff WHERE username = 'test-admin'");
    const row = await t.app.ctx.db.get<{ staff_id: number | null; method: string }>('SELECT staff_id, method FROM checkins WHERE sitting_id = ? AND participant_id = ?', [s.sittingId, pid]);
    expect(row).toEqual({ staff_id: admin!.id, method: 'manual' });
  });
});
