// The seat tablet in real Chromium: the deputy confirms who they are by face, votes on each kind of vote, confirms,
// changes a vote; a lost answer is retried and counted once; a closed vote says so; the server restarting under
// the tablet is survived without touching it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { CreateVote } from '../../shared/schemas/votes';
import type { DeviceView, VoteView } from '../../shared/views';
import { call, useCookie } from '../helpers/app';
import { launchBrowser, screenshot } from '../helpers/browser';
import { fakeCameraVideo } from '../helpers/fake-camera';
import { halfWidthInChinese } from '../helpers/screen-text';
import { startServer, type RunningServer } from '../helpers/server';
import { deputyNamed, openKiosk, pairShown, seedVenue, type Venue } from './kiosk-setup';

let server: RunningServer;
let venue: Venue;
let browser: Browser;
let page: Page;
let seatDevice: DeviceView;
/** The app currently answering on the server's port (replaced when the test restarts the server). */
let app: FastifyInstance;

async function openVote(input: CreateVote): Promise<VoteView> {
  const { body: item } = await call<{ id: number }>(app, 'POST', `/api/sittings/${venue.sittingId}/agenda`, { title: input.title }, 201);
  const { body: vote } = await call<VoteView>(app, 'POST', `/api/agenda/${item.id}/votes`, input, 201);
  await call(app, 'POST', `/api/votes/${vote.id}/open`, {}, 200);
  opened.push(vote.id);
  return vote;
}

/**
 * The tablet's live socket runs through the test: it sees each cast the tablet sends and can lose the server's
 * next answer to one, dropping the connection with it, as a network cut right after the server stored it would.
 */
const live = { casts: [] as string[], loseNextAnswer: false };

async function tapLive(p: Page): Promise<void> {
  await p.routeWebSocket(/\/api\/live$/, (ws) => {
    const upstream = ws.connectToServer();
    ws.onMessage((m) => {
      const msg = JSON.parse(String(m)) as { type: string; ballot?: { clientId: string } };
      if (msg.type === 'cast') live.casts.push(msg.ballot!.clientId);
      upstream.send(m);
    });
    upstream.onMessage((m) => {
      if (live.loseNextAnswer && (JSON.parse(String(m)) as { type: string }).type === 'cast-result') {
        live.loseNextAnswer = false;
        return void ws.close();
      }
      ws.send(m);
    });
  });
}

const opened: number[] = [];
// A test that failed half-way leaves its vote open; close it so the next test starts from "暂无表决".
afterEach(async () => {
  for (const id of opened.splice(0)) await call(app, 'POST', `/api/votes/${id}/close`).catch(() => undefined);
});

/** The ballot secrets (and what was cast with them) the tablet keeps in localStorage. */
const ballotKeys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('quorum.ballot')).sort());

const getVote = async (id: number) => (await call<VoteView>(app, 'GET', `/api/votes/${id}`)).body;

/** The ballot of that kind on screen; the deputy's face is confirmed first when the tablet asks for it. */
const ballotShown = (kind: VoteView['kind']) => page.locator(`[data-screen="ballot-${kind}"]`).waitFor({ timeout: 45_000 });

const button = (name: string) => page.getByRole('button', { name, exact: true });

async function markRow(optionIndex: number, label: string) {
  await page.locator('.option-row').nth(optionIndex).getByRole('radio', { name: label, exact: true }).click();
}

async function confirmAndWait(expected = '投票成功') {
  await button('下一步').click();
  await page.locator('[data-screen="confirm"]').waitFor();
  await button('确认提交').click();
  await page.locator('[data-screen="voted"]').waitFor({ timeout: 20_000 });
  expect(await page.locator('[data-screen="voted"] h1').textContent()).toBe(expected);
}

beforeAll(async () => {
  server = await startServer();
  app = server.app;
  venue = await seedVenue(server);
  // Four of five deputies checked in (quorum), 吴某某 — the face on this tablet's camera — among them.
  for (const name of ['吴某某', '朱某某', '姚某某', '成某某']) {
    const d = deputyNamed(venue, name);
    await call(app, 'POST', `/api/sittings/${venue.sittingId}/checkins/manual`, { participantId: venue.participantOf.get(d.id), reason: '测试补签' }, 201);
  }
  browser = await launchBrowser({ fakeCamera: await fakeCameraVideo({ photo: 'wu_yi/1.jpg', script: 'turn', leadIn: 1 }) });
  page = await openKiosk(browser, server);
  await tapLive(page);
  seatDevice = await pairShown(page, server, { mode: 'seat', sittingId: venue.sittingId, name: '座位终端', seat: 'A12' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (app !== server.app) await app.close();
  await server?.close().catch(() => undefined); // its app may be the one the restart test closed
});

describe('seat tablet', () => {
  it('waits between votes', async () => {
    await page.locator('[data-screen="waiting"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-screen="waiting"] h1').textContent()).toBe('暂无表决');
    await screenshot(page, 'kiosk-seat-waiting');
  });

  it('a resolution: face, 赞成, confirm, 投票成功, the tally moves; then a change to 反对 replaces it', async () => {
    const vote = await openVote({ kind: 'resolution', title: '关于本镇2025年财政预算的决议(草案)', secrecy: 'open', changePolicy: 'last' });
    await page.locator('[data-screen="identify"]').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('[data-prompt]')?.getAttribute('data-prompt')?.startsWith('guideTurn'), null, { timeout: 30_000 });
    await screenshot(page, 'kiosk-seat-identify');
    await ballotShown('resolution');
    expect(await page.locator('.pill.voter').textContent()).toBe('吴某某代表');
    await screenshot(page, 'kiosk-seat-resolution');
    await button('赞成').click();
    await page.locator('[data-screen="confirm"]').waitFor();
    await screenshot(page, 'kiosk-seat-confirm');
    await button('确认提交').click();
    await page.locator('[data-screen="voted"]').waitFor({ timeout: 20_000 });
    await screenshot(page, 'kiosk-seat-voted');
    let v = await getVote(vote.id);
    expect(v.cast).toBe(1);
    expect(v.tally).toMatchObject({ yes: 1, no: 0, abstain: 0 });

    await button('修改选择').click();
    await button('反对').click();
    await button('确认提交').click();
    await page.locator('[data-screen="voted"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-screen="voted"] h1').textContent()).toContain('已更改');
    v = await getVote(vote.id);
    expect(v.cast).toBe(1);
    expect(v.tally).toMatchObject({ yes: 0, no: 1 });

    await call(app, 'POST', `/api/votes/${vote.id}/close`, {}, 200);
    await page.locator('[data-screen="closed"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-screen="closed"] h1').textContent()).toBe('表决已结束');
    await screenshot(page, 'kiosk-seat-closed');
    await page.locator('[data-screen="waiting"]').waitFor({ timeout: 15_000 });
  });

  it('a ballot whose answer is lost is sent again with the same clientId and counted once', async () => {
    const vote = await openVote({ kind: 'resolution', title: '关于批准镇人民政府工作报告的决议', secrecy: 'open', changePolicy: 'last' });
    await ballotShown('resolution');
    live.casts.length = 0;
    live.loseNextAnswer = true; // the server records the ballot, and the tablet never hears back
    await button('赞成').click();
    await button('确认提交').click();
    await page.locator('[data-screen="voted"]').waitFor({ timeout: 20_000 });
    expect(live.loseNextAnswer).toBe(false);
    expect(await page.locator('[data-screen="voted"] h1').textContent()).toBe('投票成功');
    // Sent again after the reconnect, the very same request.
    expect(live.casts.length).toBe(2);
    expect(live.casts[1]).toBe(live.casts[0]);
    const v = await getVote(vote.id);
    expect(v.cast).toBe(1);
    expect(v.tally).toMatchObject({ yes: 1, no: 0, abstain: 0 });
    await call(app, 'POST', `/api/votes/${vote.id}/close`, {}, 200);
    await page.locator('[data-screen="waiting"]').waitFor({ timeout: 20_000 });
  });

  it('a project vote stops the eleventh 赞成 and counts 已选 n/10', async () => {
    const options = Array.from({ length: 12 }, (_, i) => ({ label: `民生实事项目${i + 1}:${['乡村道路硬化', '养老服务中心', '农贸市场改造', '饮水安全提升', '路灯亮化', '学校食堂改造'][i % 6]}` }));
    const vote = await openVote({ kind: 'project', title: '2025年镇级民生实事项目票决', secrecy: 'secret', options, maxYes: 10 });
    await ballotShown('project');
    for (let i = 0; i < 3; i++) await markRow(i, '赞成');
    expect(await page.locator('[data-counter]').getAttribute('data-counter')).toBe('3/10');
    await screenshot(page, 'kiosk-seat-project');
    for (let i = 3; i < 10; i++) await markRow(i, '赞成');
    await markRow(10, '赞成'); // the eleventh
    expect(await page.locator('[data-counter]').getAttribute('data-counter')).toBe('10/10');
    expect(await page.locator('.footer-note').textContent()).toBe('最多赞成 10 项');
    expect(await page.locator('.option-row').nth(10).getByRole('radio', { name: '赞成', exact: true }).getAttribute('aria-checked')).toBe('false');
    await markRow(10, '不赞成');
    await markRow(11, '弃权');
    await screenshot(page, 'kiosk-seat-project-full');
    await confirmAndWait();
    const v = await getVote(vote.id);
    expect(v.cast).toBe(1);
    await call(app, 'POST', `/api/votes/${vote.id}/close`, {}, 200);
    const closed = await getVote(vote.id);
    const yes = (closed.tally as unknown as { options: Array<{ yes: number }> }).options.reduce((s, o) => s + o.yes, 0);
    expect(yes).toBe(10);
  });

  it('an election with a write-in (另选他人) counted against the seats', async () => {
    const vote = await openVote({
      kind: 'election',
      title: '补选镇人民代表大会主席团成员',
      secrecy: 'secret',
      options: [{ label: '李明华' }, { label: '<img src=x onerror="window.__xss=1">王建国' }, { label: '陈秀英' }],
      maxYes: 2,
      allowWriteIn: true,
    });
    await ballotShown('election');
    // Markup in a candidate's name is shown as text, never run.
    await page.getByText('<img src=x onerror="window.__xss=1">王建国').waitFor();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await screenshot(page, 'kiosk-seat-election-first-view');
    await markRow(0, '赞成');
    await markRow(1, '反对');
    await markRow(2, '弃权');
    // On a 1280×800 tablet the 另选他人 box starts in view, and after a name is added its field and 添加 stay in view
    // above the footer (they slid under it): checked without scrolling by hand (issue 23).
    const footerTop = (await page.locator('.ballot-footer').boundingBox())!.y;
    expect((await page.locator('.write-ins .row-label').boundingBox())!.y, '另选他人 below the fold').toBeLessThan(footerTop);
    await page.getByPlaceholder('填写姓名').fill('赵志刚');
    await button('添加').click();
    await page.locator('.write-in-chip').waitFor();
    await expect
      .poll(async () => Promise.all([page.getByPlaceholder('填写姓名'), button('添加')].map(async (el) => (await el.boundingBox())!.y + (await el.boundingBox())!.height <= footerTop)))
      .toEqual([true, true]);
    expect(await page.locator('[data-counter]').getAttribute('data-counter')).toBe('2/2');
    await screenshot(page, 'kiosk-seat-election');
    await button('下一步').click();
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(halfWidthInChinese(await page.locator('[data-screen="confirm"]').innerText()), 'seat confirm').toEqual([]);
    await page.getByText('另选他人：赵志刚').waitFor();
    await button('返回修改').click();
    await confirmAndWait();
    await call(app, 'POST', `/api/votes/${vote.id}/close`, {}, 200);
    expect((await getVote(vote.id)).cast).toBe(1);
  });

  it('a satisfaction rating (满意/基本满意/不满意)', async () => {
    const vote = await openVote({
      kind: 'rating',
      title: '对镇人民政府专项工作的满意度测评',
      secrecy: 'secret',
      options: [{ label: '农村人居环境整治工作' }, { label: '社会治安综合治理工作' }],
    });
    await ballotShown('rating');
    await markRow(0, '满意');
    await markRow(1, '基本满意');
    await screenshot(page, 'kiosk-seat-rating');
    await confirmAndWait();
    expect(await ballotKeys()).toEqual([`quorum.ballotCast.${vote.id}.${deputyNamed(venue, '吴某某').id}`, `quorum.ballotSecret.${vote.id}.${deputyNamed(venue, '吴某某').id}`]);
    await call(app, 'POST', `/api/votes/${vote.id}/close`, {}, 200);
    expect((await getVote(vote.id)).cast).toBe(1);
    // 计票核验: the tablet finds its ballot in the closed box as cast, says so, reports it, and forgets its secret.
    await page.locator('[data-tracker="counted"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-tracker]').textContent()).toBe('计票核验：本终端所投选票已按所投计入');
    await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('quorum.ballot')), null, { timeout: 10_000 });
    expect((await getVote(vote.id)).tracker).toEqual({ verified: 1, mismatched: 0 });
  });

  it('a secret vote cancelled: the tablet forgets its ballot secret', async () => {
    await page.locator('[data-screen="waiting"]').waitFor({ timeout: 20_000 });
    const vote = await openVote({ kind: 'resolution', title: '关于撤销的无记名表决', secrecy: 'secret' });
    await ballotShown('resolution');
    await button('赞成').click();
    await button('确认提交').click();
    await page.locator('[data-screen="voted"]').waitFor({ timeout: 20_000 });
    expect(await ballotKeys()).toHaveLength(2);
    await call(app, 'POST', `/api/votes/${vote.id}/cancel`, { reason: '议程调整' }, 200);
    await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('quorum.ballot')), null, { timeout: 10_000 });
  });

  it('shows a banner while the server is down and carries on by itself when it is back', async () => {
    await page.locator('[data-screen="waiting"]').waitFor({ timeout: 20_000 });
    const port = Number(server.host.split(':')[1]);
    await app.close();
    await page.locator('[data-banner="offline"]').waitFor({ timeout: 15_000 });
    await screenshot(page, 'kiosk-seat-disconnected');
    app = await buildApp({ dbPath: server.dbPath });
    useCookie(app, server.cookie); // the clerk's session is stored, so it outlives the restart
    await app.listen({ port, host: '127.0.0.1' });
    await page.locator('[data-banner="offline"]').waitFor({ state: 'detached', timeout: 20_000 });
    // A vote opened after the restart reaches the tablet and can be voted on.
    const vote = await openVote({ kind: 'resolution', title: '关于设立镇人大代表联络站的决定', secrecy: 'open' });
    await ballotShown('resolution');
    await button('弃权').click();
    await button('确认提交').click();
    await page.locator('[data-screen="voted"]').waitFor({ timeout: 20_000 });
    expect((await getVote(vote.id)).tally).toMatchObject({ abstain: 1 });
  });

  it('an unpaired (revoked) tablet forgets every ballot secret it held', async () => {
    await page.locator('[data-screen="waiting"]').waitFor({ timeout: 20_000 });
    await openVote({ kind: 'resolution', title: '停用终端前的无记名表决', secrecy: 'secret' });
    await ballotShown('resolution');
    await button('反对').click();
    await button('确认提交').click();
    await page.locator('[data-screen="voted"]').waitFor({ timeout: 20_000 });
    expect(await ballotKeys()).toHaveLength(2);
    await call(app, 'POST', `/api/devices/${seatDevice.id}/revoke`, {}, 200);
    await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('quorum.ballot')), null, { timeout: 20_000 });
  });
});
