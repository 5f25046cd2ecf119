// Worst case for a stand-in (代签): every photo of a person against every OTHER person's enrollment of 1, 2 or
// 3 photos (all combinations of their first photos; mean and best), reported by group. The face:eval sweep enrolls
// everyone alike and keeps the person enrolled, so the margin to their own photos hides look-alikes; here the
// person is absent (the stand-in case) and enrollments are mixed, as in a real roster.
//   npx tsx tests/bench/face-impostors.ts [--max-photos 3]
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getEngine } from '../../server/face/engines';
import { CachingEngine, cacheFileFor } from '../../server/face/eval/detect-cache';
import { checkPhoto } from '../../server/face/photo-check';
import { readFileSync } from 'node:fs';
import { loadGroups } from '../../server/face/eval/dataset';

const { values } = parseArgs({ options: { 'max-photos': { type: 'string', default: '3' }, engine: { type: 'string', default: 'faceapi' } } });
const FACES = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces');
const NOT_PEOPLE = new Set(['strangers', 'no-face', 'spoof', 'multi']);
const inner = getEngine(values.engine);
const engine = new CachingEngine(inner, cacheFileFor(inner.model, values.engine));
const groups = loadGroups(resolve(import.meta.dirname, '..', 'fixtures', 'face-groups.json'));
const groupOf = (person: string) => groups.of(person);

const people = readdirSync(FACES).filter((n) => !NOT_PEOPLE.has(n) && statSync(join(FACES, n)).isDirectory()).sort();
const photos = new Map<string, Float32Array[]>();
for (const p of people) {
  const list: Float32Array[] = [];
  for (const f of readdirSync(join(FACES, p)).sort((a, b) => parseInt(a) - parseInt(b))) {
    const verdict = checkPhoto(await engine.detect(readFileSync(join(FACES, p, f))));
    if (verdict.ok) list.push(verdict.face.descriptor);
  }
  photos.set(p, list);
}
engine.save();

const dist = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
};
const mean = (xs: Float32Array[]) => xs[0]!.map((_, i) => xs.reduce((s, x) => s + x[i]!, 0) / xs.length);

const max = Number(values['max-photos']);
type Worst = { d: number; probe: string; enrolled: string; k: number; strategy: string };
const worst = new Map<string, Worst[]>();
for (const [a, probes] of photos) {
  for (const [b, enrolled] of photos) {
    if (a === b || groupOf(a) !== groupOf(b)) continue;
    for (let k = 1; k <= Math.min(max, enrolled.length); k++) {
      const set = enrolled.slice(0, k);
      const m = mean(set);
      probes.forEach((p, i) => {
        const dm = dist(p, m);
        const db = Math.min(...set.map((e) => dist(p, e)));
        const list = worst.get(groupOf(a)) ?? [];
        list.push({ d: dm, probe: `${a}/${i + 1}`, enrolled: b, k, strategy: 'mean' }, { d: db, probe: `${a}/${i + 1}`, enrolled: b, k, strategy: 'best' });
        worst.set(groupOf(a), list);
      });
    }
  }
}
for (const [group, list] of worst) {
  list.sort((x, y) => x.d - y.d);
  console.log(`\n${group}: closest stand-ins (probe person absent; another person enrolled with k photos)`);
  for (const w of list.slice(0, 8)) console.log(`  ${w.d.toFixed(3)}  ${w.probe} → ${w.enrolled} (k=${w.k}, ${w.strategy})`);
  for (const strategy of ['mean', 'best']) {
    const s = list.filter((w) => w.strategy === strategy);
    for (const t of [0.3, 0.32, 0.34, 0.36, 0.38, 0.4, 0.44]) {
      const n = s.filter((w) => w.d <= t).length;
      if (t === 0.3 || n > 0) console.log(`  ${strategy} ≤ ${t}: ${n} of ${s.length} probe×enrollment pairs`);
      if (n > 0) break;
    }
  }
}

// What a threshold costs: genuine check-ins accepted (person enrolled with their first k photos, probed with the rest).
console.log('\ngenuine check-ins under the threshold (mean of the first k photos enrolled, the others probed):');
for (const group of ['east_asian', 'other']) {
  for (let k = 1; k <= max; k++) {
    const d: number[] = [];
    for (const [p, list] of photos) {
      if (groupOf(p) !== group || list.length <= k) continue;
      const m = mean(list.slice(0, k));
      for (const probe of list.slice(k)) d.push(dist(probe, m));
    }
    const at = (t: number) => `${((100 * d.filter((x) => x <= t).length) / d.length).toFixed(0)}%`;
    console.log(`  ${group.padEnd(10)} k=${k} (${d.length} probes): ≤0.30 ${at(0.3)}  ≤0.32 ${at(0.32)}  ≤0.34 ${at(0.34)}  ≤0.44 ${at(0.44)}`);
  }
}
