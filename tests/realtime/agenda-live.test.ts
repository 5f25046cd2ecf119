// The current item (当前议程) over real WebSockets: the chair sets it and every seat tablet of the sitting, its big
// screen and the console hear it; a tablet of another sitting hears nothing of it; an edit of the current item
// reaches the tablets too; a tablet that reconnects gets it in its snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { currentItem } from '../../shared/agenda';
import { LiveClient, type SocketLike } from '../../shared/live-client';
import type { MeetingState, ServerMessage } from '../../shared/protocol';
import type { AgendaItemView } from '../../shared/views';
import { call, makeApp, type TestApp } from '../helpers/app';
import { lazySigner, pairDevice } from '../helpers/devices';
import { seedSitting, type Sitting } from '../helpers/fixtures';
import { listen, tablet, watch, type Tablet } from '../helpers/live';

let t: TestApp;
let s: Sitting;
let second: number;
let host: string;
let items: AgendaItemView[];
let seats: Tablet[];
let otherSeat: Tablet;
let screen: LiveClient;
const screenMessages: ServerMessage[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  for (let i = 0; i < ms / 25 && !check(); i++) await sleep(25);
  return check();
}
const shown = (state: MeetingState | null, sittingId = s.sittingId) => currentItem(state?.agenda.find((a) => a.sittingId === sittingId));

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 3);
  second = (await call<{ id: number }>(t.app, 'POST', `/api/meetings/${s.meeting.id}/sittings`, { name: '第二次全体会议' }, 201)).body.id;
  for (const body of [
    { title: '听取镇人民政府工作报告', kind: 'report', presenter: '镇长 李某某' },
    { title: '审议财政预算报告', kind: 'deliberation', presenter: '财政所所长 王某某' },
  ]) {
    await call(t.app, 'POST', `/api/sittings/${s.sittingId}/agenda`, body, 201);
  }
  await call(t.app, 'POST', `/api/sittings/${second}/agenda`, { title: '第二次全体会议的议程', kind: 'other' }, 201);
  items = (await call<AgendaItemView[]>(t.app, 'GET', `/api/sittings/${s.sittingId}/agenda`, undefined, 200)).body;
  host = await listen(t.app);
  seats = [];
  for (let i = 0; i < 3; i++) seats.push(tablet(host, s.meeting.id, (await pairDevice(t.app, 'seat', s.sittingId, `seat-${i}`)).token));
  otherSeat = tablet(host, s.meeting.id, (await pairDevice(t.app, 'seat', second, 'other-seat')).token);
  const screenToken = (await pairDevice(t.app, 'screen', s.sittingId, 'big-screen')).token;
  screen = new LiveClient({
    origin: `ws://${host}`,
    meetingId: s.meeting.id,
    view: 'console',
    device: lazySigner(screenToken),
    connect: (url) => new WebSocket(url) as unknown as SocketLike,
    onMessage: (m) => screenMessages.push(m),
  });
  for (const tab of [...seats, otherSeat]) expect(await tab.until('live')).toBe('live');
  expect(await until(() => screen.status === 'live')).toBe(true);
});
afterAll(async () => {
  for (const c of [...seats.map((x) => x.client), otherSeat.client, screen]) c.close();
  await t.close();
});

describe('当前议程 live', () => {
  it('a snapshot carries each sitting’s agenda in order, a tablet only its own sitting’s', () => {
    expect(seats[0]!.client.state!.agenda.map((a) => [a.sittingId, a.items.map((i) => i.title)])).toEqual([
      [s.sittingId, ['听取镇人民政府工作报告', '审议财政预算报告']],
    ]);
    expect(otherSeat.client.state!.agenda.map((a) => a.sittingId)).toEqual([second]);
    expect(shown(seats[0]!.client.state)).toBeNull();
  });

  it('the chair sets it: every seat tablet of the sitting, the big screen and the console show it; another sitting’s tablet hears nothing', async () => {
    const console = watch(host, s.meeting.id, t.cookie);
    await console.until((st) => st.agenda.length === 2);
    const otherBefore = otherSeat.client.version;
    await call(t.app, 'PUT', `/api/sittings/${s.sittingId}/agenda/current`, { itemId: items[1]!.id }, 200);
    const want = { title: '审议财政预算报告', kind: 'deliberation', presenter: '财政所所长 王某某' };
    for (const tab of seats) expect(await until(() => shown(tab.client.state)?.id === items[1]!.id)).toBe(true);
    for (const tab of seats) expect(shown(tab.client.state)).toMatchObject(want);
    expect(await until(() => shown(screen.state)?.id === items[1]!.id)).toBe(true);
    expect(screen.state!.agenda.map((a) => a.sittingId)).toEqual([s.sittingId]);
    await console.until((st) => shown(st)?.id === items[1]!.id);
    await sleep(300);
    expect(otherSeat.client.version).toBe(otherBefore);
    expect(shown(otherSeat.client.state, second)).toBeNull();
    console.client.close();
  });

  it('an edit of the current item, and a move to the next one, reach the tablets', async () => {
    await call(t.app, 'PATCH', `/api/agenda/${items[1]!.id}`, { presenter: '副镇长 赵某某' }, 200);
    expect(await until(() => seats.every((tab) => shown(tab.client.state)?.presenter === '副镇长 赵某某'))).toBe(true);
    await call(t.app, 'PUT', `/api/sittings/${s.sittingId}/agenda/current`, { itemId: items[0]!.id }, 200);
    expect(await until(() => seats.every((tab) => shown(tab.client.state)?.title === '听取镇人民政府工作报告'))).toBe(true);
    expect(screenMessages.filter((m) => m.type === 'agenda').length).toBeGreaterThanOrEqual(3);
  });

  it('a tablet that was offline while it changed gets the current item in its snapshot', async () => {
    const tab = seats[2]!;
    tab.client.close();
    await call(t.app, 'PUT', `/api/sittings/${s.sittingId}/agenda/current`, { itemId: items[1]!.id }, 200);
    const token = (await pairDevice(t.app, 'seat', s.sittingId, 'late-seat')).token;
    const late = tablet(host, s.meeting.id, token);
    expect(await late.until('live')).toBe('live');
    expect(shown(late.client.state)?.id).toBe(items[1]!.id);
    seats[2] = late;
  });
});
