// Issue 23 point 2, the server's part: which component refuses whom. Every person of ../shared/faces with 3+ photos
// is enrolled from photos 1–2 (candidates 0, 1) and shown to the server as the repository's fake camera makes frames
// from photo 3 (tests/helpers/fake-camera.ts headTurnFrames), up to 3 tries with fresh challenges and takes, as a
// person retrying at the door. Prints per person the answers, then the totals by reason. In-process (app.inject),
// no kiosk: the kiosk's own gate (请正对摄像头, its turn prompt) is not exercised here.
//   npx tsx tests/bench/door-per-person.ts
import { resolve } from 'node:path';
import type { RunningServer } from '../helpers/server';
import { makeApp } from '../helpers/app';
import { LOOSE_CHALLENGES } from '../helpers/loose-challenges';
import { NO_DOOR_PACE } from '../helpers/door-pace-off';
import { pairDevice, inject } from '../helpers/devices';
import { clientId } from '../helpers/fixtures';
import { headTurnFrames } from '../helpers/fake-camera';
import { seedVenue, type Person } from '../e2e/kiosk-setup';
import { readEvalSet } from '../tools/face-eval/dataset';

const TRIES = 3;
const faces = readEvalSet(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces'));
const who = faces.identities.filter((p) => p.candidates.length >= 3);
const people: Person[] = who.map((p, i) => ({ name: `代表${i + 1}`, cardNo: `D${100 + i}`, delegation: '第一代表团', photos: p.candidates.slice(0, 2) }));
const t = await makeApp({ challengeRate: LOOSE_CHALLENGES, doorPace: NO_DOOR_PACE });
const venue = await seedVenue({ app: t.app, cookie: t.cookie } as RunningServer, people);
const door = await pairDevice(t.app, 'door', venue.sittingId, 'door-1');

const totals: Record<string, number> = {};
let checkedIn = 0;
for (const [i, p] of who.entries()) {
  const answers: string[] = [];
  for (let k = 0; k < TRIES; k++) {
    const ch = JSON.parse((await inject(t.app, { method: 'POST', url: '/api/face/challenge', headers: door.headers, payload: {} })).body) as { nonce: string; side: 'left' | 'right' };
    const f = await headTurnFrames(p.candidates[2]!, ch.side, 500 + 10 * i + k).catch(() => null);
    if (!f) {
      answers.push('camera:no_face_in_photo');
      continue;
    }
    const frames = { frontal: f.frontal.toString('base64'), turned: f.turned.toString('base64'), back: f.back.toString('base64') };
    const res = await inject(t.app, { method: 'POST', url: '/api/checkins/face', headers: door.headers, payload: { clientId: clientId(), nonce: ch.nonce, frames } });
    const body = JSON.parse(res.body) as { status?: string; reason?: string; error?: { code: string } };
    const answer = body.reason ? `${body.status}:${body.reason}` : (body.status ?? `${res.statusCode}:${body.error?.code}`);
    answers.push(`${ch.side[0]}:${answer}`);
    if (body.status === 'checked_in') break;
  }
  const ok = answers.some((a) => a.endsWith(':checked_in'));
  if (ok) checkedIn++;
  for (const a of answers) totals[a.replace(/^[lr]:/, '')] = (totals[a.replace(/^[lr]:/, '')] ?? 0) + 1;
  console.log(`${ok ? 'IN ' : 'OUT'} ${p.name.padEnd(24)} camera ${p.candidates[2]}  ${answers.join('  ')}`);
}
console.log(`\n${checkedIn} of ${who.length} checked in within ${TRIES} tries; answers over all tries: ${JSON.stringify(totals)}`);
await t.close();
