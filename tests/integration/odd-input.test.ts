// Hostile review, point 11: names made only of zero-width spaces, holding NUL or a right-to-left override were
// stored; a decomposed name was kept as typed; evidence was checked by its first bytes only (`FF D8 FF` + HTML
// was accepted), and a JPEG cut short still decodes (the decoder greys the missing rows). Names are NFC, without
// control or format characters, not blank; check-in and gave-up frames are read whole, to the end marker.
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCleanLine } from '../../shared/text';
import type { DeputyView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { LOOSE_CHALLENGES } from '../helpers/loose-challenges';
import { pairDevice, type PairedDevice, inject } from '../helpers/devices';
import { clientId, seedSitting, type Sitting } from '../helpers/fixtures';
import { digest } from '../helpers/hostile';
import { imageSize } from '../../server/face/image-size';
import { NO_DOOR_PACE } from '../helpers/door-pace-off';

let t: TestApp;
let s: Sitting;
let door: PairedDevice;
beforeAll(async () => {
  t = await makeApp({ challengeRate: LOOSE_CHALLENGES, doorPace: NO_DOOR_PACE }); // one door tablet answers many challenges here
  s = await seedSitting(t.app, 2);
  door = await pairDevice(t.app, 'door', s.sittingId);
});
afterAll(() => t.close());

const ODD: Array<[string, string]> = [
  ['only zero-width spaces', '\u200b\u200b\u200b'],
  ['a NUL inside', '王\u0000芳'],
  ['a right-to-left override', '王芳\u202egpj.exe'],
  ['a zero-width joiner inside', '王\u200d芳'],
  ['a byte-order mark only', '\ufeff'],
  ['ideographic spaces only', '\u3000\u3000'],
  ['a line break', '王芳\n李四'],
];

describe('odd names', () => {
  it.each(ODD)('refuses a name with %s, everywhere a name is typed, and stores nothing', async (_label, name) => {
    const before = (await call<DeputyView[]>(t.app, 'GET', `/api/bodies/${s.body.id}/deputies`)).body.length;
    const attempts = [
      await call(t.app, 'POST', `/api/bodies/${s.body.id}/deputies`, { name, cardNo: 'ODD1' }),
      await call(t.app, 'PATCH', `/api/deputies/${s.deputyIds[0]}`, { name }),
      await call(t.app, 'POST', '/api/bodies', { name }),
      await call(t.app, 'POST', '/api/staff', { username: 'odd.one', displayName: name, role: 'clerk' }),
      await call(t.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: name }),
    ];
    for (const a of attempts) expect(a.status).toBe(400);
    expect((attempts[0]!.body as { error: { message: string } }).error.message).toMatch(/不能为空白，不能含控制字符/);
    const roster = await call<{ errors: Array<{ row: number }> }>(t.app, 'POST', `/api/bodies/${s.body.id}/roster`, { rows: [{ name, cardNo: 'ODD2' }] }, 200);
    expect(roster.body.errors.map((e) => e.row)).toEqual([1]);
    expect((await call<DeputyView[]>(t.app, 'GET', `/api/bodies/${s.body.id}/deputies`)).body).toHaveLength(before);
  });

  it('stores names in NFC: a decomposed name is the same name as the composed one', async () => {
    const decomposed = 'Jose\u0301 王'; // e + combining acute
    const made = await call<DeputyView>(t.app, 'POST', `/api/bodies/${s.body.id}/deputies`, { name: decomposed, cardNo: 'NFC1' }, 201);
    expect(made.body.name).toBe('Jos\u00e9 王');
    expect(isCleanLine(made.body.name)).toBe(true);
  });

  it('keeps ordinary Chinese names, with an ideographic space for alignment', async () => {
    const made = await call<DeputyView>(t.app, 'POST', `/api/bodies/${s.body.id}/deputies`, { name: '王\u3000芳', cardNo: 'OK01' }, 201);
    expect(made.body.name).toBe('王\u3000芳');
  });
});

describe('evidence photos', () => {
  /** A 480×360 frame with detail, as a kiosk sends: cut at half, the decoder alone still gives 480×360 pixels. */
  const whole = (() => {
    const canvas = createCanvas(480, 360);
    const g = canvas.getContext('2d');
    for (let i = 0; i < 400; i++) {
      g.fillStyle = `rgb(${(i * 37) % 255},${(i * 91) % 255},${(i * 13) % 255})`;
      g.fillRect((i * 53) % 480, (i * 29) % 360, 20 + (i % 40), 15 + (i % 30));
    }
    return Buffer.from(canvas.encodeSync('jpeg', 80));
  })();
  const html = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>'.repeat(5))]);
  const cut = whole.subarray(0, Math.floor(whole.length / 2));
  const b64 = (b: Buffer) => b.toString('base64');

  /** A check-in answering a fresh challenge with these frames. */
  const checkIn = async (frames: { frontal: Buffer; turned: Buffer; back: Buffer }) => {
    const { nonce } = (await inject(t.app, { method: 'POST', url: '/api/face/challenge', headers: door.headers, payload: {} })).json<{ nonce: string }>();
    return inject(t.app, {
      method: 'POST',
      url: '/api/checkins/face',
      headers: door.headers,
      payload: { clientId: clientId(), nonce, frames: { frontal: b64(frames.frontal), turned: b64(frames.turned), back: b64(frames.back) } },
    });
  };
  const gaveUp = (frame: Buffer) => inject(t.app, { method: 'POST', url: '/api/checkins/face/gave-up', headers: door.headers, payload: { tries: 3, frame: b64(frame) } });
  /** Status, code and message of an answer (a 204 has no body). */
  const answer = (res: { statusCode: number; body: string }) => {
    const error = res.body ? (JSON.parse(res.body) as { error?: { code: string; message: string } }).error : undefined;
    return [res.statusCode, error?.code, error?.message ?? ''] as const;
  };

  it('refuses a frame of JPEG magic bytes followed by HTML, and a JPEG cut short, at check-in and gave-up; stores nothing', async () => {
    const before = await digest(t.app.ctx.db);
    for (const bad of [html, cut]) {
      for (const frames of [{ frontal: bad, turned: whole, back: whole }, { frontal: whole, turned: whole, back: bad }]) {
        const [status, code, message] = answer(await checkIn(frames));
        expect([bad.length, status, code]).toEqual([bad.length, 400, 'ERR_VALIDATION']);
        expect(message).toMatch(/^画面（(frontal|back)）/);
      }
    }
    for (const bad of [html, cut]) {
      const [status, code, message] = answer(await gaveUp(bad));
      expect([bad.length, status, code]).toEqual([bad.length, 400, 'ERR_VALIDATION']);
      expect(message).toMatch(/^画面须为完整的 JPEG 图像/);
    }
    expect(await digest(t.app.ctx.db)).toEqual(before);
  });

  it('takes whole frames past the check (then finds no face) and keeps a whole gave-up frame', async () => {
    const ok = await checkIn({ frontal: whole, turned: whole, back: whole });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ reason: string }>().reason).toBe('no_face');
    expect((await gaveUp(whole)).statusCode).toBe(204);
    const refusals = (await call<Array<{ id: number; reason: string }>>(t.app, 'GET', `/api/sittings/${s.sittingId}/refusals`, undefined, 200)).body;
    const kept = refusals.find((r) => r.reason === 'gave_up')!;
    const frame = await t.app.inject({ method: 'GET', url: `/api/sittings/${s.sittingId}/refusals/${kept.id}/frame`, headers: { cookie: t.cookie } });
    expect(imageSize(frame.rawPayload)).toEqual({ width: 480, height: 360 }); // the frame's pixels, encoded anew
  });

  // Issue 22 point 9: a whole JPEG with an HTML page after its end marker was stored and served back verbatim.
  it('keeps and serves a polyglot frame (HTML after the JPEG) as its pixels only', async () => {
    const polyglot = Buffer.concat([whole, Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
    expect((await gaveUp(polyglot)).statusCode).toBe(204);
    const refusals = (await call<Array<{ id: number; reason: string }>>(t.app, 'GET', `/api/sittings/${s.sittingId}/refusals`, undefined, 200)).body;
    const kept = Math.max(...refusals.filter((r) => r.reason === 'gave_up').map((r) => r.id));
    const stored = (await t.app.ctx.db.get<{ frame: Buffer }>('SELECT frame FROM face_refusals WHERE id = ?', [kept]))!.frame;
    const served = (await t.app.inject({ method: 'GET', url: `/api/sittings/${s.sittingId}/refusals/${kept}/frame`, headers: { cookie: t.cookie } })).rawPayload;
    for (const bytes of [stored, served]) {
      expect(bytes.includes('<script')).toBe(false);
      expect(imageSize(bytes)).toEqual({ width: 480, height: 360 });
      expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9])); // nothing after the image's end
    }
  });
});
