// The queue is the server's arrival order even when the checks of an earlier request take longer than a later one's
// (a slow read, a busy reader pool): the earlier stands ahead, and the later one is told its true place (第 2 位), not a
// place it loses a moment later. Without the arrival gate the later request was written first and told 第 1 位.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../helpers/app';
import { checkIn, clientId, seedSitting, type Sitting } from '../helpers/fixtures';
import { seatVoters, type Voters } from '../helpers/voting';
import { askToSpeak } from '../helpers/speaking';
import { speakingView } from '../../server/services/speaking-view';

let t: TestApp;
let s: Sitting;
let voters: Voters;

beforeAll(async () => {
  t = await makeApp();
  s = await seedSitting(t.app, 4);
  await checkIn(t.app, s, s.deputyIds);
  voters = await seatVoters(t.app, s);
});
afterAll(() => t.close());

it('an earlier request whose checks are slow still stands ahead, and the later one is told 第 2 位', async () => {
  const [slow, quick] = [s.deputyIds[0]!, s.deputyIds[1]!];
  const [slowToken, quickToken] = [await voters.identify(slow), await voters.identify(quick)];
  // The reader answers the slow deputy's own row 300 ms late, as a busy reader pool might.
  const db = t.app.ctx.db;
  const get = db.get.bind(db);
  db.get = (async (sql: string, params?: unknown[]) => {
    if (sql.includes('FROM deputies d') && params?.[0] === slow) await new Promise((r) => setTimeout(r, 300));
    return get(sql, params as never);
  }) as typeof db.get;
  try {
    const first = askToSpeak(t.app, voters.seat, { clientId: clientId(), voterToken: slowToken });
    await new Promise((r) => setTimeout(r, 30)); // the second request arrives after the first
    const second = await askToSpeak(t.app, voters.seat, { clientId: clientId(), voterToken: quickToken });
    const firstReply = await first;
    expect(firstReply.body.position).toBe(1);
    expect(second.body.position).toBe(2);
  } finally {
    db.get = get;
  }
  const view = await speakingView(t.app.ctx, s.sittingId);
  expect(view.queue.map((e) => e.deputyId)).toEqual([slow, quick]);
});
