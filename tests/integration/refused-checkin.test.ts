// 驳回 must not lock the real deputy out. Someone checks in for an absent deputy (代签: the deputy's public photo at
// the door); the clerk holds it (存疑) and refuses it (驳回). The refused check-in is void: kept whole as a record
// (evidence, frames, who held and refused it and why), in the audit chain, counted nowhere. When the real deputy
// walks in, their check-in, by face or by a clerk's 人工补签 with a reason, works as anyone's does.
// Real photos, the real face engine, through the routes the kiosk and the console use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceSummary, FaceCheckinReply } from '../../shared/views';
import { verifyAudit, verifyFile } from '../../server/audit/verify';
import { voidedCheckinsOf } from '../../server/repositories/voided-checkins-repository';
import { call, makeApp, signIn, type TestApp } from '../helpers/app';
import { pairDevice, type PairedDevice, inject } from '../helpers/devices';
import { clientId } from '../helpers/fixtures';
import { headTurnFrames } from '../helpers/fake-camera';
import { LOOSE_CHALLENGES } from '../helpers/loose-challenges';
import type { RunningServer } from '../helpers/server';
import { tamperedCopy } from '../helpers/tampered-copy';
import { deputyNamed, PEOPLE, seedVenue, type Venue } from '../e2e/kiosk-setup';
import { NO_DOOR_PACE } from '../helpers/door-pace-off';

let t: TestApp;
let venue: Venue;
let clerk: string;
let door: PairedDevice;
let take = 0;

beforeAll(async () => {
  // Not about the door's pace: two people at one tablet may be any time apart here (door-pace.test.ts is about it).
  t = await makeApp({ challengeRate: LOOSE_CHALLENGES, doorPace: NO_DOOR_PACE });
  venue = await seedVenue({ app: t.app, cookie: t.cookie } as RunningServer, PEOPLE.slice(0, 3));
  clerk = await signIn(t.app, 'clerk', 'door-clerk');
  door = await pairDevice(t.app, 'door', venue.sittingId, 'east-door');
}, 300_000);
afterAll(() => t?.close());

const pidOf = (name: string) => venue.participantOf.get(deputyNamed(venue, name).id)!;
const summary = async () => (await call<{ summary: AttendanceSummary }>(t.app, 'GET', `/api/sittings/${venue.sittingId}/attendance`)).body.summary;
const review = (name: string, what: 'doubt' | 'refuse', body?: object, status = 200) =>
  call(t.app, 'POST', `/api/sittings/${venue.sittingId}/checkins/${pidOf(name)}/${what}`, body, status, clerk);

/** The face of the deputy whose photo 1 (never enrolled) is shown, until the server decides (synthetic turns may fail). */
async function faceAtDoor(photo: string): Promise<FaceCheckinReply> {
  for (let tries = 0; tries < 6; tries++) {
    const ch = JSON.parse((await inject(t.app, { method: 'POST', url: '/api/face/challenge', headers: door.headers, payload: {} })).body) as { nonce: string; side: 'left' | 'right' };
    const f = await headTurnFrames(photo, ch.side, 400 + take++);
    const frames = { frontal: f.frontal.toString('base64'), turned: f.turned.toString('base64'), back: f.back.toString('base64') };
    const res = await inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: door.headers, payload: { clientId: clientId(), nonce: ch.nonce, frames } });
    expect(res.statusCode).toBe(200);
    const reply = JSON.parse(res.body) as FaceCheckinReply;
    if (reply.status === 'checked_in' || reply.status === 'already_checked_in') return reply;
  }
  throw new Error(`no decision for ${photo}`);
}

describe('a refused check-in is void, and the real deputy can still check in', () => {
  it('代签 by face refused; the deputy then checks in by face', async () => {
    const wu = PEOPLE[0]!;
    expect((await faceAtDoor(wu.photos[0]!.replace(/\d\.jpg$/, '1.jpg'))).status).toBe('checked_in'); // the 代签
    expect((await summary()).present).toBe(1);
    await review(wu.name, 'doubt');
    await review(wu.name, 'refuse', { reason: '照片代签，本人未到场' });
    expect((await summary()).present).toBe(0);

    const real = await faceAtDoor(wu.photos[0]!.replace(/\d\.jpg$/, '1.jpg'));
    expect(real.status).toBe('checked_in');
    expect(await summary()).toMatchObject({ present: 1 });
    const voided = await voidedCheckinsOf(t.app.ctx.db, venue.sittingId, pidOf(wu.name));
    expect(voided).toEqual([expect.objectContaining({ method: 'face', hasEvidence: true, frames: 3, refuseReason: '照片代签，本人未到场' })]);
  });

  it('a refused manual check-in; the deputy then gets 人工补签 with a reason', async () => {
    const zhu = PEOPLE[1]!;
    const manual = (reason: string) => call<{ status: string }>(t.app, 'POST', `/api/sittings/${venue.sittingId}/checkins/manual`, { participantId: pidOf(zhu.name), reason }, 201, clerk);
    expect((await manual('代表证丢失，工作人员核对')).body.status).toBe('checked_in');
    await review(zhu.name, 'doubt');
    await review(zhu.name, 'refuse', { reason: '核对有误，非本人' });
    const before = (await summary()).present;
    expect((await manual('本人到场，核对身份证')).body.status).toBe('checked_in');
    expect((await summary()).present).toBe(before + 1);
    const entry = (await call<{ entries: Array<{ participant: { id: number }; status: string; checkin: { reason: string } | null }> }>(t.app, 'GET', `/api/sittings/${venue.sittingId}/attendance`)).body.entries.find((e) => e.participant.id === pidOf(zhu.name));
    expect(entry).toMatchObject({ status: 'present', checkin: { reason: '本人到场，核对身份证' } });
  });

  it('the void check-in counts nowhere: a second refusal needs a new hold, and the refused one cannot be held again', async () => {
    const yao = PEOPLE[2]!;
    await review(yao.name, 'doubt', undefined, 404); // not checked in: nothing to hold
    await review(PEOPLE[0]!.name, 'refuse', { reason: '再次驳回' }, 409); // the real check-in is not held
  });

  it('keeps each step in the audit chain, and an edit of the void record is found', async () => {
    const steps = await t.app.ctx.db.all<{ action: string; detail: string }>("SELECT action, detail FROM audit_events WHERE action LIKE 'checkin.%' ORDER BY id");
    expect(steps.map((s) => [s.action, JSON.parse(s.detail).participantId])).toEqual([
      ['checkin.face', pidOf(PEOPLE[0]!.name)],
      ['checkin.doubt', pidOf(PEOPLE[0]!.name)],
      ['checkin.refuse', pidOf(PEOPLE[0]!.name)],
      ['checkin.face', pidOf(PEOPLE[0]!.name)],
      ['checkin.manual', pidOf(PEOPLE[1]!.name)],
      ['checkin.doubt', pidOf(PEOPLE[1]!.name)],
      ['checkin.refuse', pidOf(PEOPLE[1]!.name)],
      ['checkin.manual', pidOf(PEOPLE[1]!.name)],
    ]);
    expect(await verifyAudit(t.app.ctx.db)).toMatchObject({ ok: true, problem: null });
    await t.app.close();
    expect(await verifyFile(t.dbPath)).toMatchObject({ ok: true });
    expect((await verifyFile(await tamperedCopy(t.dbPath, `UPDATE voided_checkins SET refuse_reason = '本人在场'`))).ok).toBe(false);
    expect((await verifyFile(await tamperedCopy(t.dbPath, `DELETE FROM voided_checkins`))).ok).toBe(false);
  });
});
