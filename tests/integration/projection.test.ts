// 投屏: the chair puts a page of one of the sitting's documents on the big screen. The server keeps it per sitting
// and tells the consoles and big screens at once (a seat tablet hears nothing of it); a clerk may not; a page past
// the end, another sitting's document or a withdrawn one is refused in Chinese; withdrawing the document on the
// screen takes it off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Projection } from '../../shared/projection';
import type { ServerMessage } from '../../shared/protocol';
import { call, makeApp, signIn, type TestApp } from '../helpers/app';
import { chinesePdf } from '../helpers/chinese-pdf';
import WebSocket from 'ws';
import { LiveClient, type SocketLike } from '../../shared/live-client';
import { lazySigner, pairDevice } from '../helpers/devices';
import { postDocument, tinyPdf } from '../helpers/documents';
import { seedSitting, type Sitting } from '../helpers/fixtures';
import { listen, watch, type Watched } from '../helpers/live';

let t: TestApp;
let s: Sitting;
let otherSitting: number;
let docId: number;
let otherDocId: number;
let chair: string;
let console_: Watched;
let seat: LiveClient;
const seatMessages: ServerMessage[] = [];

const url = (sittingId = s.sittingId) => `/api/sittings/${sittingId}/projection`;
const put = (body: unknown, cookie = chair, sittingId = s.sittingId) =>
  t.app.inject({ method: 'PUT', url: url(sittingId), payload: body as object, headers: { cookie } });
const projected = (m: ServerMessage[]) => m.filter((x): x is Extract<ServerMessage, { type: 'projection' }> => x.type === 'projection');
async function until(check: () => boolean, ms = 5000): Promise<void> {
  for (let i = 0; i < ms / 25 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 2);
  otherSitting = (await call<{ id: number }>(t.app, 'POST', `/api/meetings/${s.meeting.id}/sittings`, { name: '第二次全体会议' }, 201)).body.id;
  docId = (await postDocument(t.app, `/api/sittings/${s.sittingId}/documents`, { name: '报告.pdf', data: await chinesePdf() }, { title: '政府工作报告' })).json<{ id: number }>().id;
  otherDocId = (await postDocument(t.app, `/api/sittings/${otherSitting}/documents`, { name: 'b.pdf', data: tinyPdf() })).json<{ id: number }>().id;
  chair = await signIn(t.app, 'chair', 'projection-chair');
  const host = await listen(t.app);
  console_ = watch(host, s.meeting.id, t.cookie);
  const seatToken = (await pairDevice(t.app, 'seat', s.sittingId)).token;
  seat = new LiveClient({
    origin: `ws://${host}`,
    meetingId: s.meeting.id,
    view: 'kiosk',
    device: lazySigner(seatToken),
    connect: (u) => new WebSocket(u) as unknown as SocketLike,
    onMessage: (m) => seatMessages.push(m),
  });
  await console_.until(() => true);
  await until(() => seat.status === 'live');
});
afterAll(async () => {
  console_?.client.close();
  seat?.close();
  await t?.close();
});

describe('投屏', () => {
  it('the chair puts a page up: kept, read back, pushed to the consoles, never to a seat tablet', async () => {
    const res = await put({ documentId: docId, page: 3, view: 'top' });
    expect(res.statusCode).toBe(200);
    const shown = res.json<{ projection: Projection }>().projection;
    expect(shown).toMatchObject({ sittingId: s.sittingId, documentId: docId, title: '政府工作报告', page: 3, pages: 4, view: 'top' });
    expect(shown.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await call<{ projection: Projection }>(t.app, 'GET', url())).body.projection).toEqual(shown);
    await until(() => projected(console_.messages).some((m) => m.projection?.page === 3));
    await new Promise((r) => setTimeout(r, 200));
    expect(seatMessages.filter((m) => m.type === 'projection')).toEqual([]);
    // Another sitting's screen shows nothing.
    expect((await call<{ projection: Projection | null }>(t.app, 'GET', url(otherSitting))).body.projection).toBeNull();
  });

  it('refuses a clerk, a page past the end, another sitting’s document, an unknown one — in Chinese', async () => {
    const clerk = await signIn(t.app, 'clerk', 'projection-clerk');
    expect((await put({ documentId: docId, page: 1, view: 'page' }, clerk)).statusCode).toBe(403);
    const pastEnd = await put({ documentId: docId, page: 5, view: 'page' });
    expect(pastEnd.statusCode).toBe(400);
    expect(pastEnd.json<{ error: { message: string } }>().error.message).toContain('页码超出范围：该文件共 4 页');
    const foreign = await put({ documentId: otherDocId, page: 1, view: 'page' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ error: { message: string } }>().error.message).toContain('该文件不属于本次会议');
    expect((await put({ documentId: 999_999, page: 1, view: 'page' })).statusCode).toBe(404);
    expect((await put({ documentId: docId, page: 1, view: 'sideways' })).statusCode).toBe(400);
    expect((await call<{ projection: Projection }>(t.app, 'GET', url())).body.projection.page).toBe(3);
  });

  it('withdrawing the document on the screen takes it off, and it cannot be put up again', async () => {
    const before = projected(console_.messages).length;
    await call(t.app, 'POST', `/api/documents/${docId}/withdraw`, { reason: '内容有误' }, 200);
    expect((await call<{ projection: Projection | null }>(t.app, 'GET', url())).body.projection).toBeNull();
    await until(() => projected(console_.messages).slice(before).some((m) => m.projection === null));
    const again = await put({ documentId: docId, page: 1, view: 'page' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain('该文件已撤回');
  });

  it('the chair takes a page down', async () => {
    const fresh = (await postDocument(t.app, `/api/sittings/${s.sittingId}/documents`, { name: 'c.pdf', data: tinyPdf('c') })).json<{ id: number }>().id;
    expect((await put({ documentId: fresh, page: 1, view: 'page' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: url(), headers: { cookie: chair } })).statusCode).toBe(204);
    expect((await call<{ projection: Projection | null }>(t.app, 'GET', url())).body.projection).toBeNull();
  });
});
