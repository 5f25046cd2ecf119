// Hostile review, point 11: names made only of zero-width spaces, holding NUL or a right-to-left override were
// stored; a decomposed name was kept as typed; evidence was checked by its first bytes only (`FF D8 FF` + HTML
// was accepted). Names are NFC, without control or format characters, not blank; evidence is decoded whole.
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCleanLine } from '../../shared/text';
import type { DeputyView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { pairDevice, type PairedDevice } from '../helpers/devices';
import { seedSitting, type Sitting } from '../helpers/fixtures';
import { clientId } from '../helpers/fixtures';

let t: TestApp;
let s: Sitting;
let door: PairedDevice;
beforeAll(async () => {
  t = await makeApp();
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
  const checkIn = (evidence: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/api/checkins/face',
      headers: door.headers,
      payload: { clientId: clientId(), model: 'faceapi-frnet-128', descriptor: Array.from({ length: 128 }, (_, i) => (i % 7) / 10), liveness: { passed: true, method: 'blink' }, evidence: evidence.toString('base64') },
    });

  it('refuses JPEG magic bytes followed by HTML, and a JPEG cut short', async () => {
    const html = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>'.repeat(5))]);
    const whole = Buffer.from(createCanvas(64, 48).encodeSync('jpeg'));
    const cut = whole.subarray(0, Math.floor(whole.length / 3));
    for (const bad of [html, cut]) {
      const res = await checkIn(bad);
      expect([res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([400, 'ERR_VALIDATION']);
    }
    const ok = await checkIn(whole);
    expect(ok.statusCode).not.toBe(400); // a whole JPEG gets past the evidence check (then nobody is recognised)
  });
});
