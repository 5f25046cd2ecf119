// Door check-ins the server sustains when it decides from camera frames: 10 door tablets at once, each asking for a
// challenge and sending a genuine frame set (frontal, turned, back; 480×360 JPEG, from tests/helpers/fake-camera) of
// the side asked. Every check-in is a different deputy's first, as at a real door: the people of ../shared/faces are
// enrolled from two photos each, their frames made from a third. Prints server CPU per check-in (process CPU time
// over the requests, alone and under load), the check-ins per second, each request's time and the answers. In-process
// (app.inject): no network, the server's work only.
//   npm run bench:door [-- --tablets 10]
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunningServer } from '../helpers/server';
import { makeApp } from '../helpers/app';
import { LOOSE_CHALLENGES } from '../helpers/loose-challenges';
import { pairDevice, type PairedDevice, inject } from '../helpers/devices';
import { clientId } from '../helpers/fixtures';
import { headTurnFrames } from '../helpers/fake-camera';
import { seedVenue, type Person } from '../e2e/kiosk-setup';
import { readEvalSet } from '../tools/face-eval/dataset';

const { values } = parseArgs({ options: { tablets: { type: 'string', default: '10' } } });
const TABLETS = Number(values.tablets);
const ALONE = 8; // check-ins one at a time, for the median CPU per check-in
type Side = 'left' | 'right';
type Frames = { frontal: string; turned: string; back: string };

// Everyone with three photos or more: two enrolled, the third turned into both sides' frame sets.
const faces = readEvalSet(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces'));
const people: Array<Person & { frames: Record<Side, Frames> }> = [];
for (const [i, who] of faces.identities.filter((p) => p.candidates.length >= 3).entries()) {
  const take = async (side: Side) => {
    const f = await headTurnFrames(who.candidates[2]!, side, 100 + i).catch(() => null); // null: the camera's face finder missed it
    return f && { frontal: f.frontal.toString('base64'), turned: f.turned.toString('base64'), back: f.back.toString('base64') };
  };
  const [left, right] = [await take('left'), await take('right')];
  if (left && right) people.push({ name: `代表${i + 1}`, cardNo: `D${100 + i}`, delegation: '第一代表团', photos: who.candidates.slice(0, 2), frames: { left, right } });
}
// The server's capacity, not the door's physics: each tablet here plays a whole door's day in seconds, which the door
// rule (shared/rules/door-pace.ts) would pause after the second person.
const t = await makeApp({ challengeRate: LOOSE_CHALLENGES, doorPace: { floorMs: 0, perMinute: Number.MAX_SAFE_INTEGER } });
const venue = await seedVenue({ app: t.app, cookie: t.cookie } as RunningServer, people);
const tablets: PairedDevice[] = [];
for (let i = 0; i < TABLETS; i++) tablets.push(await pairDevice(t.app, 'door', venue.sittingId, `door-${i + 1}`));
const bytes = people.flatMap((p) => [p.frames.left.frontal, p.frames.left.turned, p.frames.left.back]).map((b) => (b.length * 3) / 4);
console.log(`${people.length} deputies enrolled (2 photos each), frames ready; JPEG per frame median ${Math.round(bytes.sort((a, b) => a - b)[bytes.length >> 1]! / 1024)} KB`);

const queue = [...people];
async function checkIn(tablet: PairedDevice): Promise<{ ms: number; status: string }> {
  const start = performance.now();
  const ch = JSON.parse((await inject(t.app, { method: 'POST', url: '/api/face/challenge', headers: tablet.headers, payload: {} })).body) as { nonce: string; side: Side };
  const frames = queue.pop()!.frames[ch.side];
  const res = await inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: tablet.headers, payload: { clientId: clientId(), nonce: ch.nonce, frames } });
  const body = JSON.parse(res.body) as { status: string; reason?: string };
  return { ms: performance.now() - start, status: body.reason ? `${body.status}:${body.reason}` : body.status };
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

// Warm-up (models load), then one at a time: CPU per check-in alone.
await checkIn(tablets[0]!);
await checkIn(tablets[0]!);
const aloneStatuses: Record<string, number> = {};
const alone: number[] = [];
const aloneCpu: number[] = [];
// Until ALONE deputies are in: a set the server refuses (the test camera's synthetic turn of some photos is not
// accepted) stops before the match, the copy check, the anti-spoof pass and the write, so it is not counted.
while (alone.length < ALONE && queue.length > 0) {
  const c0 = process.cpuUsage();
  const r = await checkIn(tablets[0]!);
  const used = process.cpuUsage(c0);
  aloneStatuses[r.status] = (aloneStatuses[r.status] ?? 0) + 1;
  if (r.status !== 'checked_in') continue;
  alone.push(r.ms);
  aloneCpu.push(cpuMs(used));
  console.log(`  check-in alone: ${r.ms.toFixed(0)} ms, CPU user ${(used.user / 1000).toFixed(0)} ms + system ${(used.system / 1000).toFixed(0)} ms`);
}
console.log(`one at a time: request median ${median(alone).toFixed(0)} ms, server CPU per check-in median ${median(aloneCpu).toFixed(0)} ms (${alone.length} check-ins; answers ${JSON.stringify(aloneStatuses)})`);

// 10 tablets at once, each sending check-ins back to back until every deputy has come through.
let left = queue.length;
const times: number[] = [];
const statuses: Record<string, number> = {};
const c0 = process.cpuUsage();
const w0 = performance.now();
await Promise.all(
  tablets.map(async (tablet) => {
    while (left-- > 0) {
      const r = await checkIn(tablet);
      times.push(r.ms);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    }
  }),
);
const wall = performance.now() - w0;
const cpu = cpuMs(process.cpuUsage(c0));
console.log(`${TABLETS} tablets at once (refusals included: they cost less): ${times.length} check-ins in ${(wall / 1000).toFixed(1)} s = ${((times.length / wall) * 1000).toFixed(2)} check-ins/s; server CPU per check-in ${(cpu / times.length).toFixed(0)} ms; request median ${median(times).toFixed(0)} ms, p95 ${p95(times).toFixed(0)} ms; answers ${JSON.stringify(statuses)}; ${cpus().length} cores`);
await t.close();
