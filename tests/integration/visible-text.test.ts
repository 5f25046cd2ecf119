// Issue 22 point 6: names and reasons that look like something else. Hangul fillers (U+3164, U+FFA0, U+115F,
// U+1160), a blank Braille cell (U+2800), a combining grapheme joiner (U+034F) or a variation selector (VS16) alone
// or after 王建华 (identical on screen to the real 王建华), a line separator (U+2028) inside, a lone surrogate, a
// private-use character: all were accepted as a deputy's name, in the CSV import too; a manual check-in reason of
// only U+3164 was accepted, and so was a manual check-in for a suspended deputy. One rule (shared/text) for every
// route and the import; a name that differs from another deputy's only in invisible or lookalike characters refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeputyView, VoteView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { pairDevice, type PairedDevice, inject } from '../helpers/devices';
import { createVote, seedSitting, type Sitting } from '../helpers/fixtures';
import { digest, multipart } from '../helpers/hostile';

let t: TestApp;
let s: Sitting;
let door: PairedDevice;
let vote: VoteView;
beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 4);
  door = await pairDevice(t.app, 'door', s.sittingId);
  await call(t.app, 'POST', `/api/bodies/${s.body.id}/deputies`, { name: '王建华', cardNo: 'W0001' }, 201);
  vote = await createVote(t.app, s, { kind: 'resolution', title: '决议', secrecy: 'open' });
});
afterAll(() => t.close());

const LOOKS_LIKE_SOMETHING_ELSE: Array<[string, string]> = [
  ['a Hangul filler U+3164 alone', '\u3164'],
  ['a blank Braille cell U+2800 alone', '\u2800'],
  ['a half-width Hangul filler U+FFA0 alone', '\uffa0'],
  ['Hangul choseong and jungseong fillers U+115F U+1160', '\u115f\u1160'],
  ['a combining grapheme joiner U+034F alone', '\u034f'],
  ['王建华 and a Hangul filler', '王建华\u3164'],
  ['王建华 and a combining grapheme joiner', '王建华\u034f'],
  ['王建华 and VS16', '王建华\ufe0f'],
  ['a line separator U+2028 inside', '王建\u2028华'],
  ['a lone surrogate', '王\ud800华'],
  ['a private-use character', '王\ue000华'],
  ['a supplementary private-use character', '王\u{F0001}'],
  ['a replacement character', '王\ufffd华'],
  ['a leading combining mark', '\u0301王华'],
];

const refusals = (name: string) => [
  () => call(t.app, 'POST', `/api/bodies/${s.body.id}/deputies`, { name, cardNo: 'ODD1' }),
  () => call(t.app, 'PATCH', `/api/deputies/${s.deputyIds[0]}`, { name }),
  () => call(t.app, 'POST', '/api/bodies', { name }),
  () => call(t.app, 'POST', `/api/bodies/${s.body.id}/meetings`, { name }),
  () => call(t.app, 'POST', '/api/staff', { username: 'odd.one', displayName: name, role: 'clerk' }),
  () => call(t.app, 'PATCH', `/api/devices/${door.device.id}`, { name }),
  () => call(t.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: name }),
  () => call(t.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, { title: '听取报告', presenter: name }),
  () => call(t.app, 'PATCH', `/api/agenda/${vote.agendaItemId}`, { title: name }),
  () => call(t.app, 'PATCH', `/api/agenda/${vote.agendaItemId}`, { presenter: name }),
  () => call(t.app, 'POST', `/api/sittings/${s.sittingId}/votes`, { newItem: { title: name }, vote: { kind: 'resolution', title: '决议', secrecy: 'open' } }),
  () => call(t.app, 'POST', `/api/agenda/${vote.agendaItemId}/votes`, { kind: 'resolution', title: name, secrecy: 'open' }),
  () => call(t.app, 'POST', `/api/agenda/${vote.agendaItemId}/votes`, { kind: 'project', title: '项目', secrecy: 'open', maxYes: 1, options: [{ label: '甲' }, { label: name }] }),
  () => call(t.app, 'POST', `/api/sittings/${s.sittingId}/leaves`, { participantId: s.participantOf.get(s.deputyIds[1]!), reason: name }),
  () => call(t.app, 'POST', `/api/sittings/${s.sittingId}/checkins/manual`, { participantId: s.participantOf.get(s.deputyIds[2]!), reason: name }),
  () => call(t.app, 'POST', `/api/votes/${vote.id}/cancel`, { reason: name }),
];

describe('one rule for visible text', () => {
  it.each(LOOKS_LIKE_SOMETHING_ELSE)('refuses %s as a name, title or reason on every route, in Chinese, storing nothing', async (_label, text) => {
    const before = await digest(t.app.ctx.db);
    for (const attempt of refusals(text)) {
      const res = await attempt();
      expect([res.status, JSON.stringify(res.body).slice(0, 200)]).toEqual([400, expect.stringMatching(/不能为空白，不能含控制字符或不可见的字符/)]);
    }
    expect(await digest(t.app.ctx.db)).toEqual(before);
  });

  it('refuses each such name in a JSON roster and a CSV roster file, row by row, keeping the good rows', async () => {
    const odd = LOOKS_LIKE_SOMETHING_ELSE.map(([, name]) => name);
    const rows = [...odd.map((name, i) => ({ name, cardNo: `J${i}` })), { name: '赵六', cardNo: 'J99' }];
    const json = (await call<{ created: number; errors: Array<{ row: number }> }>(t.app, 'POST', `/api/bodies/${s.body.id}/roster`, { rows }, 200)).body;
    expect(json.errors.map((e) => e.row)).toEqual(odd.map((_, i) => i + 1));
    expect(json.created).toBe(1);

    // A file holds UTF-8 bytes: the lone surrogate arrives as U+FFFD, the rest as typed.
    const csv = `姓名,代表证号\n${odd.map((name, i) => `${name},C${i}`).join('\n')}\n钱七,C99\n`;
    const form = multipart([{ field: 'roster', name: '名册.csv', data: Buffer.from(csv, 'utf8') }]);
    const res = await inject(t.app, { method: 'POST', url: `/api/bodies/${s.body.id}/roster/import`, payload: form.payload, headers: { ...form.headers, cookie: t.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json<{ created: number; errors: Array<{ row: number; message: string }> }>();
    expect(file.errors.map((e) => e.row)).toEqual(odd.map((_, i) => i + 2));
    expect(file.created).toBe(1);
    const names = (await call<DeputyView[]>(t.app, 'GET', `/api/bodies/${s.body.id}/deputies`)).body.map((d) => d.name);
    expect(names.filter((n) => n.includes('王建'))).toEqual(['王建华']);
  });

  it('still takes ordinary names: padded with U+3000, Latin with accents, Tibetan and Uyghur with their marks', async () => {
    for (const [name, cardNo] of [['李\u3000芳', 'K1'], ['José Müller', 'K2'], ['བཀྲ་ཤིས་', 'K3'], ['ئەخمەت', 'K4'], ['欧阳·娜娜', 'K5']]) {
      const made = await call<DeputyView>(t.app, 'POST', `/api/bodies/${s.body.id}/deputies`, { name, cardNo }, 201);
      expect(made.body.name).toBe(name);
    }
  });
});

describe('names that only look like another deputy’s', () => {
  it('refuses a lookalike of an existing name (full-width letters, a Kangxi radical, padding) and keeps true namesakes', async () => {
    await call(t.app, 'POST', `/api/bodies/${s.body.id}/deputies`, { name: 'Li Ming', cardNo: 'L0001' }, 201);
    await call(t.app, 'POST', `/api/bodies/${s.body.id}/deputies`, { name: '王工', cardNo: 'L0002' }, 201);
    const before = (await call<DeputyView[]>(t.app, 'GET', `/api/bodies/${s.body.id}/deputies`)).body.length;
    for (const [i, [name, like]] of [['Ｌｉ　Ｍｉｎｇ', 'Li Ming'], ['王\u2f2f', '王工'], ['王\u3000建华', '王建华']].entries()) {
      const res = await call<{ error: { message: string } }>(t.app, 'POST', `/api/bodies/${s.body.id}/deputies`, { name, cardNo: `X${i}` });
      expect([name, res.status]).toEqual([name, 409]);
      expect(res.body.error.message).toContain(`已有代表“${like}”`);
    }
    const rows = (await call<{ errors: Array<{ row: number; message: string }> }>(t.app, 'POST', `/api/bodies/${s.body.id}/roster`, { rows: [{ name: '张三', cardNo: 'R1' }, { name: '张\u3000三', cardNo: 'R2' }] }, 200)).body;
    expect(rows.errors.map((e) => e.row)).toEqual([2]);
    const renamed = await call(t.app, 'PATCH', `/api/deputies/${s.deputyIds[3]}`, { name: '王\u2f2f' });
    expect(renamed.status).toBe(409);
    // 同名: exactly the same text twice is two real people, told apart by their card numbers.
    await call(t.app, 'POST', `/api/bodies/${s.body.id}/deputies`, { name: '王建华', cardNo: 'W0002' }, 201);
    expect((await call<DeputyView[]>(t.app, 'GET', `/api/bodies/${s.body.id}/deputies`)).body).toHaveLength(before + 2);
  });
});

describe('manual check-in of a deputy out of office', () => {
  it.each([
    ['suspended', /暂停执行代表职务，不能补签/],
    ['terminated', /终止代表资格，不能补签/],
  ] as const)('refuses a %s deputy with a Chinese message and stores nothing', async (status, message) => {
    const deputyId = s.deputyIds[status === 'suspended' ? 2 : 3]!;
    await call(t.app, 'PATCH', `/api/deputies/${deputyId}`, { status }, 200);
    const before = await digest(t.app.ctx.db);
    const res = await call<{ error: { code: string; message: string } }>(t.app, 'POST', `/api/sittings/${s.sittingId}/checkins/manual`, { participantId: s.participantOf.get(deputyId), reason: '补签' });
    expect([res.status, res.body.error.code]).toEqual([403, 'ERR_NOT_ELIGIBLE']);
    expect(res.body.error.message).toMatch(message);
    expect(await digest(t.app.ctx.db)).toEqual(before);
  });
});
