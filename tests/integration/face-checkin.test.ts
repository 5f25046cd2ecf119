// Enrollment through the roster import, check-in by face, seat identification and erasure, on real photos
// with the real face engine, through the HTTP API as the kiosks and the console use it.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceEntry, AttendanceSummary, BodyView, DeputyView, MeetingView, VoteView } from '../../shared/views';
import { purgeExpiredEvidence } from '../../server/services/retention-service';
import { call, makeApp, type TestApp } from '../helpers/app';
import { pairDevice, type PairedDevice, inject } from '../helpers/devices';
import { clientId } from '../helpers/fixtures';
import { multipart, photo, zipOf } from '../helpers/faces';
import { headTurnFrames } from '../helpers/fake-camera';
import { imageSize } from '../../server/face/image-size';
import { NO_DOOR_PACE } from '../helpers/door-pace-off';

let t: TestApp;
let body: BodyView;
let sittingId: number;
let door: PairedDevice;
let seat: PairedDevice;
let report: { created: number; errors: Array<{ row: number }>; photos: { enrolled: number; photos: number; failed: Array<{ row: number; file: string; reason: string; message: string }> } };


async function rosterXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('代表名册');
  sheet.addRow(['姓名', '性别', '代表团/选区', '代表证号', '照片']);
  sheet.addRow(['胡某某', '男', '城关镇代表团', 'C001', 'hu1.jpg;hu2.jpg']);
  sheet.addRow(['温某某', '男', '东乡代表团', 'C002', 'wen.jpg']);
  sheet.addRow(['鲍某某', '男', '西岭代表团', 'C003', 'powell.jpg']);
  sheet.addRow(['无脸', '女', '南湖代表团', 'C004', 'cat.jpg']);
  sheet.addRow(['合影', '女', '南湖代表团', 'C005', 'group.jpg']);
  sheet.addRow(['缺照片', '男', '南湖代表团', 'C006', 'missing.jpg']);
  sheet.addRow(['', '男', '南湖代表团', 'C007', '']);
  sheet.addRow(['坏文件', '男', '南湖代表团', 'C008', 'broken.jpg']);
  sheet.addRow(['按证号', '女', '东乡代表团', 'C009', '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await makeApp({ doorPace: NO_DOOR_PACE }); // not about the door's pace: people may pass the tablet any time apart
  body = (await call<BodyView>(t.app, 'POST', '/api/bodies', { name: '某县第十七届人民代表大会' }, 201)).body;
  const photos = zipOf({
    'photos/hu1.jpg': photo('hu_jintao/1.jpg'),
    'photos/hu2.jpg': photo('hu_jintao/2.jpg'),
    'photos/wen.jpg': photo('wen_jiabao/1.jpg'),
    'photos/powell.jpg': photo('colin_powell/1.jpg'),
    'photos/cat.jpg': photo('no-face/landscape_1.jpg'),
    'photos/group.jpg': photo('multi/1.jpg'),
    'photos/broken.jpg': Buffer.from('this is not a jpeg'),
    'C009.jpg': photo('zhu_rongji/1.jpg'),
  });
  const form = multipart([
    { field: 'roster', name: '代表名册.xlsx', bytes: await rosterXlsx() },
    { field: 'photos', name: 'photos.zip', bytes: photos },
  ]);
  const res = await inject(t.app, { method: 'POST', url: `/api/bodies/${body.id}/roster/import`, payload: form.payload, headers: { ...form.headers, cookie: t.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  report = JSON.parse(res.body);
  const meeting = (await call<MeetingView>(t.app, 'POST', `/api/bodies/${body.id}/meetings`, { name: '第一次会议', sittings: [{ name: '第一次全体会议' }] }, 201)).body;
  sittingId = meeting.sittings[0]!.id;
  door = await pairDevice(t.app, 'door', sittingId);
  seat = await pairDevice(t.app, 'seat', sittingId);
}, 180_000);
afterAll(() => t.close());

type Side = 'left' | 'right';
let takes = 0;
/** A challenge for the tablet, then a genuine frame set of the photo answering it (a new take each time). */
async function answer(device: PairedDevice, file: string, turn: (side: Side) => Side = (s) => s) {
  const ch = JSON.parse((await inject(t.app, { method: 'POST', url: '/api/face/challenge', headers: device.headers, payload: {} })).body) as { nonce: string; side: Side };
  const f = await headTurnFrames(file, turn(ch.side), ++takes);
  return { nonce: ch.nonce, frames: { frontal: f.frontal.toString('base64'), turned: f.turned.toString('base64'), back: f.back.toString('base64') } };
}
const checkinWith = (payload: object) => inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: door.headers, payload });
const checkin = async (file: string, id = clientId()) => checkinWith({ clientId: id, ...(await answer(door, file)) });

describe('enrollment by roster import', () => {
  it('imports every good row, reports the bad row and every bad photo by spreadsheet row with a reason', () => {
    expect(report.created).toBe(8);
    expect(report.errors.map((e) => e.row)).toEqual([8]); // the row without a name
    const failed = Object.fromEntries(report.photos.failed.map((f) => [f.row, f.reason]));
    expect(failed).toEqual({ 5: 'no_face', 6: 'multiple_faces', 7: 'unknown_photo', 9: 'unreadable' });
    for (const f of report.photos.failed) expect(f.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
    expect(report.photos).toMatchObject({ enrolled: 4, photos: 5 });
  });

  it('stores descriptors (several per deputy) and a small thumbnail, never the raw photo', async () => {
    const { body: deputies } = await call<DeputyView[]>(t.app, 'GET', `/api/bodies/${body.id}/deputies`);
    const byCard = Object.fromEntries(deputies.map((d) => [d.cardNo, d]));
    expect(byCard.C001).toMatchObject({ faces: 2, hasThumbnail: true });
    expect(byCard.C009).toMatchObject({ faces: 1, hasThumbnail: true });
    expect(byCard.C004).toMatchObject({ faces: 0, hasThumbnail: false });
    const thumb = await inject(t.app, { method: 'GET', url: `/api/deputies/${byCard.C001!.id}/thumbnail`, headers: { cookie: t.cookie } });
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(thumb.rawPayload.length).toBeLessThan(20_000);
  });
});

describe('check-in by face at the door', () => {
  it('recognises an enrolled deputy from camera frames of another photo, checks them in with the frames as evidence', async () => {
    const id = clientId();
    const genuine = await answer(door, 'hu_jintao/8.jpg');
    // Each frame a polyglot (issue 22 point 9): an HTML page after the JPEG's end marker, stored verbatim before.
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const polyglot = (b64: string) => Buffer.concat([Buffer.from(b64, 'base64'), html]).toString('base64');
    const frames = { frontal: polyglot(genuine.frames.frontal), turned: polyglot(genuine.frames.turned), back: polyglot(genuine.frames.back) };
    const sent = { clientId: id, nonce: genuine.nonce, frames };
    const res = await checkinWith(sent);
    expect(res.statusCode, res.body).toBe(200);
    const reply = JSON.parse(res.body);
    expect(reply).toMatchObject({ status: 'checked_in', deputy: { name: '胡某某', delegation: '城关镇代表团' } });
    expect(reply.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    const { body: att } = await call<{ summary: AttendanceSummary; entries: AttendanceEntry[] }>(t.app, 'GET', `/api/sittings/${sittingId}/attendance`);
    expect(att.summary.present).toBe(1);
    const entry = att.entries.find((e) => e.status === 'present')!;
    expect(entry.checkin).toMatchObject({ method: 'face', deviceId: door.device.id, hasEvidence: true, frames: 3 });
    expect(entry.checkin!.distance).toBeLessThan(t.app.ctx.face.settings.threshold);
    // The passive anti-spoof score is stored as information (fr_liveness.onnx, live-class probability).
    expect(entry.checkin!.antispoof).toBeGreaterThanOrEqual(0);
    expect(entry.checkin!.antispoof).toBeLessThanOrEqual(1);
    for (const label of ['frontal', 'turned', 'back'] as const) {
      const ev = await t.app.inject({ method: 'GET', url: `/api/sittings/${sittingId}/checkins/${entry.participant.id}/frames/${label}`, headers: { cookie: t.cookie } });
      expect(ev.headers['content-type']).toBe('image/jpeg');
      expect(ev.rawPayload.includes('<script')).toBe(false); // the frame's pixels, encoded anew, and nothing else
      expect(imageSize(ev.rawPayload)).toEqual(imageSize(Buffer.from(genuine.frames[label], 'base64')));
    }
    const evidence = await t.app.inject({ method: 'GET', url: `/api/sittings/${sittingId}/checkins/${entry.participant.id}/evidence`, headers: { cookie: t.cookie } });
    expect(evidence.rawPayload.includes('<script')).toBe(false);
    const stored = await t.app.ctx.db.all<{ bytes: Buffer }>('SELECT evidence AS bytes FROM checkins WHERE evidence IS NOT NULL UNION ALL SELECT jpeg FROM checkin_frames');
    expect(stored.length).toBeGreaterThanOrEqual(4);
    expect(stored.filter((r) => r.bytes.includes('<script'))).toEqual([]);
    // The kiosk retries after a lost answer: the very same request gets the same reply. Later: "already checked in at".
    expect(JSON.parse((await checkinWith(sent)).body).status).toBe('checked_in');
    const again = JSON.parse((await checkin('hu_jintao/6.jpg')).body);
    expect(again).toMatchObject({ status: 'already_checked_in', at: reply.at });
  }, 120_000);

  it('does not check in a stranger or anyone whose frames do not turn to the asked side', async () => {
    const stranger = JSON.parse((await checkin('strangers/1.jpg')).body);
    expect(stranger.status).toBe('not_recognised');
    const wrongSide = JSON.parse((await checkinWith({ clientId: clientId(), ...(await answer(door, 'wen_jiabao/2.jpg', (s) => (s === 'left' ? 'right' : 'left'))) })).body);
    expect(wrongSide).toMatchObject({ status: 'liveness_failed', reason: 'turn' });
    const { body: refusals } = await call<Array<{ reason: string; deviceId: number; hasFrame: boolean }>>(t.app, 'GET', `/api/sittings/${sittingId}/refusals`);
    expect(refusals.slice(0, 2).map((r) => r.reason)).toEqual(['turn', 'not_recognised']);
    expect(refusals[0]).toMatchObject({ deviceId: door.device.id, hasFrame: true });
  }, 120_000);

  it('refuses malformed frames with 400 and a message, and the old descriptor shape', async () => {
    const good = await answer(door, 'colin_powell/2.jpg');
    const notJpeg = Buffer.from('not a jpeg'.repeat(20)).toString('base64');
    const cases: Array<[object, RegExp]> = [
      [{ ...good, frames: { ...good.frames, turned: notJpeg } }, /JPEG/],
      [{ ...good, frames: { frontal: good.frames.frontal, back: good.frames.back } }, /./],
      [{ ...good, nonce: 'x' }, /./],
      [{ model: 'faceapi-frnet-128', descriptor: Array(128).fill(0.1), liveness: { passed: true, method: 'blink' }, evidence: good.frames.frontal }, /./],
    ];
    for (const [payload, message] of cases) {
      const res = await checkinWith({ clientId: clientId(), ...payload });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(JSON.parse(res.body).error.message).toMatch(message);
    }
    expect((await call<{ summary: AttendanceSummary }>(t.app, 'GET', `/api/sittings/${sittingId}/attendance`)).body.summary.present).toBe(1);
  }, 60_000);

  it('lets only a door kiosk check in, only a seat tablet identify voters, and no tablet fetch a thumbnail', async () => {
    const { body: deputies } = await call<DeputyView[]>(t.app, 'GET', `/api/bodies/${body.id}/deputies`);
    const fakeFrames = { frontal: 'A'.repeat(200), turned: 'A'.repeat(200), back: 'A'.repeat(200) };
    const bySeat = await inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: seat.headers, payload: { clientId: clientId(), nonce: 'a'.repeat(24), frames: fakeFrames } });
    expect(bySeat.statusCode).toBe(403);
    const byDoor = await inject(t.app, { method: 'POST', url: '/api/seat/identify', headers: door.headers, payload: { nonce: 'a'.repeat(24), frames: fakeFrames } });
    expect(byDoor.statusCode).toBe(403);
    const noToken = await inject(t.app, { method: 'POST', url: '/api/face/challenge', payload: {} });
    expect(noToken.statusCode).toBe(401);
    for (const d of [door, seat]) {
      const thumb = await inject(t.app, { method: 'GET', url: `/api/deputies/${deputies[0]!.id}/thumbnail`, headers: d.headers });
      expect(thumb.statusCode).toBe(401);
    }
  });
});

describe('voting at the seat', () => {
  it('identifies the checked-in deputy from camera frames and casts their ballot with the voter token', async () => {
    const identify = async (file: string) => JSON.parse((await inject(t.app, { method: 'POST', url: '/api/seat/identify', headers: seat.headers, payload: await answer(seat, file) })).body);
    const notIn = await identify('colin_powell/7.jpg');
    expect(notIn.status).toBe('not_checked_in');
    const who = await identify('hu_jintao/3.jpg'); // a new picture of him: the door saw 6 and 8
    expect(who).toMatchObject({ status: 'identified', deputy: { name: '胡某某' } });
    expect(who.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    const { body: item } = await call<{ id: number }>(t.app, 'POST', `/api/sittings/${sittingId}/agenda`, { title: '议程' }, 201);
    const { body: vote } = await call<VoteView>(t.app, 'POST', `/api/agenda/${item.id}/votes`, { kind: 'resolution', title: '表决', secrecy: 'open' }, 201);
    await call(t.app, 'POST', `/api/votes/${vote.id}/open`, { overrideQuorumReason: '测试' }, 200);
    const payload = { clientId: clientId(), voterToken: who.voterToken, content: { marks: { [vote.options[0]!.id]: 'yes' } } };
    const cast = await inject(t.app, { method: 'POST', url: `/api/votes/${vote.id}/ballots`, headers: seat.headers, payload });
    expect(cast.statusCode, cast.body).toBe(201);
    const fromDoor = await inject(t.app, { method: 'POST', url: `/api/votes/${vote.id}/ballots`, headers: door.headers, payload: { ...payload, clientId: clientId() } });
    expect(fromDoor.statusCode).toBe(403);
    const forged = await inject(t.app, { method: 'POST', url: `/api/votes/${vote.id}/ballots`, headers: seat.headers, payload: { ...payload, clientId: clientId(), voterToken: who.voterToken.replace(/^\d+/, '99') } });
    expect(forged.statusCode).toBe(401);
    const { body: view } = await call<VoteView>(t.app, 'GET', `/api/votes/${vote.id}`);
    expect(view.cast).toBe(1);
  }, 120_000);
});

describe('biometric data', () => {
  it('erases a deputy’s descriptors, thumbnail and evidence photos; the face is then not recognised', async () => {
    const { body: deputies } = await call<DeputyView[]>(t.app, 'GET', `/api/bodies/${body.id}/deputies`);
    const hu = deputies.find((d) => d.cardNo === 'C001')!;
    const seenFaces = () => t.app.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM seen_faces WHERE deputy_id = ?', [hu.id]);
    expect((await seenFaces())?.n).toBeGreaterThan(0); // his faces seen at the door and the seat (services/seen-faces.ts)
    const { body: erased } = await call<{ descriptors: number; evidence: number; walTruncated: boolean; prints: number }>(t.app, 'DELETE', `/api/deputies/${hu.id}/biometrics`, undefined, 200);
    expect(erased).toMatchObject({ descriptors: 2, evidence: 1, walTruncated: true });
    expect(erased.prints).toBeGreaterThan(0); // the prints of its check-in frames went too (issue 22)
    expect((await t.app.inject({ method: 'GET', url: `/api/deputies/${hu.id}/thumbnail`, headers: { cookie: t.cookie } })).statusCode).toBe(404);
    const { body: after } = await call<DeputyView>(t.app, 'GET', `/api/deputies/${hu.id}`);
    expect(after).toMatchObject({ faces: 0, hasThumbnail: false });
    expect((await seenFaces())?.n).toBe(0);
    const res = JSON.parse((await checkin('hu_jintao/8.jpg')).body);
    expect(res, JSON.stringify(res)).toMatchObject({ status: 'not_recognised' });
  });

  it('drops evidence photos older than the retention setting and keeps the check-in', async () => {
    const zhu = JSON.parse((await checkin('colin_powell/6.jpg')).body); // not 7: the seat saw that one
    expect(zhu, JSON.stringify(zhu)).toMatchObject({ status: 'checked_in' });
    await call(t.app, 'PUT', '/api/settings/retention', { evidenceRetentionDays: 30 }, 200);
    await t.app.ctx.db.write((tx) => tx.run("UPDATE checkins SET created_at = '2020-01-01T00:00:00.000Z'"));
    expect(await purgeExpiredEvidence(t.app.ctx)).toBe(1);
    const { body: att } = await call<{ summary: AttendanceSummary; entries: AttendanceEntry[] }>(t.app, 'GET', `/api/sittings/${sittingId}/attendance`);
    expect(att.summary.present).toBe(2);
    expect(att.entries.filter((e) => e.checkin?.hasEvidence)).toEqual([]);
  });
});
