// npx tsx tests/bench/seat-quick-check.ts [--votes 20] [--people 3]: one deputy casting N votes in a row at their bound
// seat tablet (issue 26 point 4), through the real routes with real frames and face models, in-process. Prints, per
// deputy, the challenges and identifications asked (1 each) against the quick checks and ballots (N each), and the
// server's CPU per quick check and per presence frame (process.cpuUsage around each request, all threads: the face
// nets' helper threads count). Frames are drawn before the clock starts. The machine is shared: CPU is the steadier
// figure; wall time is printed too.
import { parseArgs } from 'node:util';
import { makeApp } from '../helpers/app';
import { NO_DOOR_PACE } from '../helpers/door-pace-off';
import { LOOSE_CHALLENGES } from '../helpers/loose-challenges';
import { frontalFrames } from '../helpers/fake-camera';
import { checkInAll, openVote, seatTablet, seatTheVenue } from '../helpers/seat-tablet';
import type { RunningServer } from '../helpers/server';
import { seedVenue, PEOPLE } from '../e2e/kiosk-setup';
import { percentile, round } from './lib/stats';

const { values } = parseArgs({ options: { votes: { type: 'string', default: '20' }, people: { type: 'string', default: '3' } } });
const votes = Number(values.votes);
/** People whose unenrolled photo 1 the test camera turns well (tests/e2e/kiosk-setup.ts). */
const PHOTOS: Record<string, string> = { 吴某某: 'wu_yi/1.jpg', 成某某: 'jackie_chan/1.jpg', 关某某: 'michelle_kwan/1.jpg' };

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; cpu: number; wall: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  return { value, cpu: cpuMs(process.cpuUsage(c0)), wall: performance.now() - t0 };
}

const t = await makeApp({ challengeRate: LOOSE_CHALLENGES, doorPace: NO_DOOR_PACE });
const venue = await seedVenue({ app: t.app, cookie: t.cookie } as RunningServer, PEOPLE);
const seatOf = await seatTheVenue(t.app, venue);
await checkInAll(t.app, venue);
const check: { cpu: number[]; wall: number[] } = { cpu: [], wall: [] };
const presence: { cpu: number[]; wall: number[] } = { cpu: [], wall: [] };

for (const [name, photo] of Object.entries(PHOTOS).slice(0, Number(values.people))) {
  const deputy = venue.deputies.find((d) => d.name === name)!;
  const tablet = await seatTablet(t.app, venue.sittingId, seatOf.get(deputy.id)!, `seat-${deputy.id}`);
  const id = await tablet.identify(photo, 1);
  if (id.status !== 'identified') throw new Error(`${name}: ${id.status} ${id.reason}`);
  const frames = await Promise.all(Array.from({ length: 2 * votes }, async (_, i) => (await frontalFrames(photo, 100 + i)).frontal));
  let recorded = 0;
  for (let i = 0; i < votes; i++) {
    const vote = await openVote(t.app, venue, `${name}第${i + 1}项`);
    const c = await timed(() => tablet.check(frames[i]!));
    if (c.value.body.status !== 'confirmed') throw new Error(`${name} vote ${i + 1}: ${JSON.stringify(c.value.body)}`);
    check.cpu.push(c.cpu);
    check.wall.push(c.wall);
    if ((await tablet.cast(vote, c.value.body.voterToken)).body.outcome === 'recorded') recorded++;
    const p = await timed(() => tablet.presence(frames[votes + i]!));
    if (!p.value.bound) throw new Error(`${name} presence ${i + 1}: ${JSON.stringify(p.value)}`);
    presence.cpu.push(p.cpu);
    presence.wall.push(p.wall);
  }
  const c = tablet.calls;
  console.log(`${name}: ${votes} votes → ${c.challenge} challenge, ${c.identify} identification, ${c.check} quick checks, ${recorded} ballots recorded (${c.presence} presence frames)`);
}

const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${round(percentile(s, 50))} ms, p95 ${round(percentile(s, 95))} ms (${s.length})`;
};
console.log(`server CPU per quick check: ${summary(check.cpu)}; wall ${summary(check.wall)}`);
console.log(`server CPU per presence frame: ${summary(presence.cpu)}; wall ${summary(presence.wall)}`);
await t.close();
