import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getEngine } from './server/face/engines';
import { CachingEngine, cacheFileFor } from './server/face/eval/detect-cache';
import { checkPhoto } from './server/face/photo-check';
import { loadGroups } from './server/face/eval/dataset';
const name = process.argv[2] ?? 'arcface';
const FACES = resolve('../shared/faces');
const NOT = new Set(['strangers', 'no-face', 'spoof', 'multi']);
const inner = getEngine(name);
const engine = new CachingEngine(inner, cacheFileFor(inner.model, name));
const groups = loadGroups(resolve('tests/fixtures/face-groups.json'));
const people = readdirSync(FACES).filter((n) => !NOT.has(n) && statSync(join(FACES, n)).isDirectory()).sort();
const photos = new Map<string, Float32Array[]>();
for (const p of people) {
  const list: Float32Array[] = [];
  for (const f of readdirSync(join(FACES, p)).sort((a, b) => parseInt(a) - parseInt(b))) {
    const v = checkPhoto(await engine.detect(readFileSync(join(FACES, p, f))));
    if (v.ok) list.push(v.face.descriptor);
  }
  photos.set(p, list);
}
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const unit = (m: Float32Array) => { const n = Math.hypot(...m); return m.map((x) => x / n); };
const mean = (xs: Float32Array[]) => unit(xs[0]!.map((_, i) => xs.reduce((s, x) => s + x[i]!, 0)));
const score = (p: Float32Array, set: Float32Array[], s: string) => (s === 'mean' ? dot(p, mean(set)) : Math.max(...set.map((e) => dot(p, e))));
for (const strat of ['mean', 'best']) {
  // worst stand-in per k and group
  const worst: Record<string, number> = {};
  const gen: Record<string, number[]> = {};
  for (const [a, probes] of photos) for (const [b, enr] of photos) {
    if (a === b || groups.of(a) !== groups.of(b)) continue;
    for (let k = 1; k <= Math.min(3, enr.length); k++) for (const p of probes) {
      const key = `${groups.of(a)} k${k}`;
      worst[key] = Math.max(worst[key] ?? -1, score(p, enr.slice(0, k), strat));
    }
  }
  for (const [p, list] of photos) for (let k = 1; k <= 3; k++) {
    if (list.length <= k) continue;
    const key = `${groups.of(p)} k${k}`;
    (gen[key] ??= []).push(...list.slice(k).map((q) => score(q, list.slice(0, k), strat)));
  }
  console.log(strat, 'worst stand-in cos', Object.entries(worst).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', '));
  for (const t of [0.48, 0.5, 0.51, 0.52, 0.53, 0.54, 0.55, 0.56]) {
    console.log(`  cos≥${t}: ` + Object.entries(gen).sort().map(([k, v]) => `${k} ${((100 * v.filter((x) => x >= t).length) / v.length).toFixed(1)}%`).join('  '));
  }
}
