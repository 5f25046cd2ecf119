// Shared set-up for the kiosk browser tests: a roster enrolled through the real import endpoint (CSV + photo zip),
// a meeting with one sitting, and a tablet paired the way a clerk does it: read the code off the screen, accept it.
import type { Browser, Page } from 'playwright-core';
import type { AttendanceSummary, BodyView, DeputyView, DeviceView, MeetingView } from '../../shared/views';
import { call } from '../helpers/app';
import { multipart, photo, zipOf } from '../helpers/faces';
import type { RunningServer } from '../helpers/server';

export interface Person {
  name: string;
  cardNo: string;
  delegation: string;
  /** Enrolled photos under ../shared/faces/. The test videos show photo 1, which is never enrolled. */
  photos: string[];
}

/** Deputies whose own photos the kiosk pipeline (tinyFaceDetector 224) matches well within the server's threshold. */
export const PEOPLE: Person[] = [
  { name: '吴某某', cardNo: 'K001', delegation: '城关镇代表团', photos: ['wu_yi/2.jpg', 'wu_yi/3.jpg'] },
  { name: '朱某某', cardNo: 'K002', delegation: '东乡代表团', photos: ['zhu_rongji/2.jpg', 'zhu_rongji/3.jpg'] },
  { name: '姚某某', cardNo: 'K003', delegation: '西岭代表团', photos: ['yao_ming/2.jpg', 'yao_ming/3.jpg'] },
  { name: '成某某', cardNo: 'K004', delegation: '南湖代表团', photos: ['jackie_chan/2.jpg', 'jackie_chan/3.jpg'] },
  { name: '关某某', cardNo: 'K005', delegation: '南湖代表团', photos: ['michelle_kwan/2.jpg', 'michelle_kwan/3.jpg'] },
];

export interface Venue {
  body: BodyView;
  meeting: MeetingView;
  sittingId: number;
  deputies: DeputyView[];
  /** deputy id → participant id */
  participantOf: Map<number, number>;
}

export async function seedVenue(server: RunningServer, people: Person[] = PEOPLE): Promise<Venue> {
  const { app } = server;
  const { body } = await call<BodyView>(app, 'POST', '/api/bodies', { name: '示范镇第八届人民代表大会' }, 201);
  const csv = ['姓名,性别,代表团/选区,代表证号,照片', ...people.map((p, i) => `${p.name},男,${p.delegation},${p.cardNo},${p.photos.map((_, j) => `p${i}_${j}.jpg`).join(';')}`)].join('\n');
  const zip = zipOf(Object.fromEntries(people.flatMap((p, i) => p.photos.map((f, j) => [`p${i}_${j}.jpg`, photo(f)]))));
  const form = multipart([
    { field: 'roster', name: '代表名册.csv', bytes: Buffer.from(csv) },
    { field: 'photos', name: 'photos.zip', bytes: zip },
  ]);
  const res = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/roster/import`, payload: form.payload, headers: { ...form.headers, cookie: server.cookie } });
  if (res.statusCode !== 200) throw new Error(`roster import → ${res.statusCode}: ${res.body}`);
  const report = JSON.parse(res.body) as { photos: { failed: unknown[] } };
  if (report.photos.failed.length > 0) throw new Error(`photos refused: ${JSON.stringify(report.photos.failed)}`);
  const { body: meeting } = await call<MeetingView>(app, 'POST', `/api/bodies/${body.id}/meetings`, { name: '第二次会议', sittings: [{ name: '第一次全体会议' }] }, 201);
  const sittingId = meeting.sittings[0]!.id;
  const { body: deputies } = await call<DeputyView[]>(app, 'GET', `/api/bodies/${body.id}/deputies`);
  const { body: att } = await call<{ entries: Array<{ participant: { id: number; deputyId: number | null } }> }>(app, 'GET', `/api/sittings/${sittingId}/attendance`);
  const participantOf = new Map<number, number>();
  for (const e of att.entries) if (e.participant.deputyId) participantOf.set(e.participant.deputyId, e.participant.id);
  return { body, meeting, sittingId, deputies, participantOf };
}

export const deputyNamed = (venue: Venue, name: string): DeputyView => {
  const d = venue.deputies.find((x) => x.name === name);
  if (!d) throw new Error(`no deputy ${name}`);
  return d;
};

export async function attendance(server: RunningServer, sittingId: number): Promise<AttendanceSummary> {
  return (await call<{ summary: AttendanceSummary }>(server.app, 'GET', `/api/sittings/${sittingId}/attendance`)).body.summary;
}

/** Opens the kiosk in a fresh context (its own localStorage, so its own token) at a tablet-sized viewport. */
export async function openKiosk(browser: Browser, server: RunningServer): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const offsite: string[] = [];
  // Everything must come from the venue server: a request elsewhere (a CDN) fails the test.
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === server.host) return route.fallback();
    offsite.push(url.href);
    return route.abort();
  });
  page.on('pageerror', (e) => console.error('[kiosk page error]', e.message));
  (page as Page & { offsite?: string[] }).offsite = offsite;
  await page.goto(`${server.url}/kiosk/`);
  return page;
}

/** Reads the pairing code the tablet shows and accepts it as a clerk would. */
export async function pairShown(page: Page, server: RunningServer, input: { mode: DeviceView['mode']; sittingId?: number; name?: string; seat?: string }): Promise<DeviceView> {
  const code = await page.locator('[data-code]').getAttribute('data-code', { timeout: 15_000 });
  await page.waitForFunction(() => /^[0-9]{6}$/.test(document.querySelector('[data-code]')?.getAttribute('data-code') ?? ''), null, { timeout: 15_000 });
  const shown = (await page.locator('[data-code]').getAttribute('data-code')) ?? code;
  const { body } = await call<DeviceView>(server.app, 'POST', '/api/devices/accept', { code: shown, name: input.name ?? `${input.mode}-1`, mode: input.mode, sittingId: input.sittingId, seat: input.seat }, 201);
  return body;
}

/**
 * Waits for the result card and returns its kind. On a timeout the error carries what the kiosk did meanwhile
 * (its prompts, in order, and its per-frame face times), so a slow or stuck check reads as such in the CI log.
 */
export async function resultShown(page: Page, timeout: number): Promise<string> {
  // "Ask staff" (the door gave up after 3 tries or 20 s, which a loaded CI machine can reach) is not an answer about
  // this face: the kiosk goes back to ready and the person in front of it is checked again.
  const card = page.locator('[data-result]:not([data-result="gave_up"])');
  try {
    await card.waitFor({ timeout });
  } catch (err) {
    const trail = await page.evaluate(() => {
      const t0 = window.__kioskTimeline?.[0]?.at ?? 0;
      const events = (window.__kioskTimeline ?? []).map((e) => `${((e.at - t0) / 1000).toFixed(1)}s ${e.event}${e.detail ? `:${e.detail}` : ''}`);
      const detect = [...(window.__kioskFaceMs?.detect ?? [])].sort((a, b) => a - b);
      const median = detect.length ? Math.round(detect[detect.length >> 1]!) : null;
      return `${events.slice(-40).join(' | ')}\ndetect: ${detect.length} frames, median ${median} ms`;
    });
    throw new Error(`${(err as Error).message.split('\n')[0]}\nkiosk timeline: ${trail}`, { cause: err });
  }
  return (await card.getAttribute('data-result')) ?? '';
}
