// The passive anti-spoof score (server/face/antispoof.ts) on ../shared/faces: the presentation attacks in spoof/,
// their live counterpart spoof/genuine/, and ordinary live photos (the first two of every identity), each fed with
// channels B,G,R and R,G,B and read as class 0 and class 1, to see which input and class separate them.
//   npx tsx tests/bench/antispoof.ts
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FaceApiEngine } from '../../server/face/faceapi-engine';
import { antispoofScore } from '../../server/face/antispoof';
import { FACES_DIR } from '../helpers/fake-camera';

const engine = new FaceApiEngine();
const SKIP = new Set(['spoof', 'no-face', 'multi', 'strangers']);

async function scores(file: string) {
  const bytes = readFileSync(join(FACES_DIR, file));
  const [face] = (await engine.detect(bytes)).sort((a, b) => b.score - a.score);
  if (!face) return null;
  const out: Record<string, number> = {};
  for (const order of ['bgr', 'rgb'] as const) for (const cls of [0, 1]) out[`${order}${cls}`] = (await antispoofScore(bytes, face.box, order, cls)) ?? NaN;
  return out;
}

const spoofs = readdirSync(join(FACES_DIR, 'spoof')).filter((f) => f.endsWith('.jpg')).map((f) => `spoof/${f}`);
const genuineSpoofSet = readdirSync(join(FACES_DIR, 'spoof', 'genuine')).map((f) => `spoof/genuine/${f}`);
const live = readdirSync(FACES_DIR)
  .filter((d) => !SKIP.has(d) && statSync(join(FACES_DIR, d)).isDirectory())
  .flatMap((d) => ['1.jpg', '2.jpg'].map((f) => `${d}/${f}`));

const t0 = performance.now();
const row = (name: string, s: Record<string, number>) => console.log(`${name.padEnd(28)} ${Object.entries(s).map(([k, v]) => `${k} ${v.toFixed(3)}`).join('  ')}`);
for (const f of [...spoofs, ...genuineSpoofSet]) {
  const s = await scores(f);
  if (s) row(f, s);
}
const all: Array<Record<string, number>> = [];
for (const f of live) {
  const s = await scores(f).catch(() => null);
  if (s) all.push(s);
}
for (const key of ['bgr0', 'bgr1', 'rgb0', 'rgb1']) {
  const xs = all.map((s) => s[key]!).sort((a, b) => a - b);
  const under = (v: number) => xs.filter((x) => x <= v).length;
  console.log(`live photos (${xs.length}) ${key}: median ${xs[xs.length >> 1]!.toFixed(3)}, p10 ${xs[Math.floor(xs.length / 10)]!.toFixed(3)}, ≤0.08: ${under(0.08)}, ≤0.2: ${under(0.2)}`);
}
console.log(`${((performance.now() - t0) / 1000).toFixed(0)} s`);
