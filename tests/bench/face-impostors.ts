// Worst case for a stand-in (代签): every photo of a person against every OTHER person's enrollment of 1, 2 or
// 3 photos (all combinations of their first photos; mean and best), reported by group. The face:eval sweep enrolls
// everyone alike and keeps the person enrolled, so the margin to their own photos hides look-alikes; here the
// person is absent (the stand-in case) and enrollments are mixed, as in a real roster.
//   npx tsx tests/bench/face-impostors.ts [--max-photos 3]
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ENGINE, getEngine } from '../../server/face/engines';
import { CachingEngine, cacheFileFor } from '../tools/face-eval/detect-cache';
import { checkPhoto } from '../../server/face/photo-check';
import { readFileSync } from 'node:fs';
import { loadGroups } from '../tools/face-eval/dataset';
import { matchDefaultsFor } from '../../server/face/match-defaults';

const { values } = parseArgs({ options: { 'max-photos': { type: 'string', default: '3' }, engine: { type: 'string', default: DEFAULT_ENGINE } } });
const FACES = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces');
const NOT_PEOPLE = new Set(['strangers', 'no-face', 'spoof', 'multi']);
const inner = getEngine(values.engine);
const engine = new CachingEngine(inner, cacheFileFor(inner.model, values.engine));
const groups = loadGroups(resolve(import.meta.dirname, '..', 'fixtures', 'face-groups.json'));
const groupOf = (person: string) => groups.of(person);
const DEFAULTS = matchDefaultsFor(engine);

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
/** A person's mean descriptor, rescaled to unit length for unit-length engines, as the Gallery does (matcher.ts). */
const mean = (xs: Float32Array[]) => {
  const m = xs[0]!.map((_, i) => xs.reduce((s, x) => s + x[i]!, 0) / xs.length);
  if (engine.unitLength) {
    const n = Math.hypot(...m);
    for (let i = 0; i < m.length; i++) m[i]! /= n;
  }
  return m;
};

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
/** The default threshold for a person enrolled with k photos. */
const thresholdFor = (k: number) => (k > 1 ? DEFAULTS.thresholdSeveral : DEFAULTS.threshold);
/** For unit-length engines the distance d is sqrt(2 − 2·cos): show the cosine beside it. */
const show = (d: number) => (engine.unitLength ? `${d.toFixed(3)} (cos ${(1 - (d * d) / 2).toFixed(3)})` : d.toFixed(3));
const closest = new Map<string, number>();
for (const [group, list] of worst) {
  list.sort((x, y) => x.d - y.d);
  closest.set(group, list[0]!.d);
  console.log(`\n${group}: closest stand-ins (probe person absent; another person enrolled with k photos)`);
  for (const w of list.slice(0, 8)) console.log(`  ${show(w.d)}  ${w.probe} → ${w.enrolled} (k=${w.k}, ${w.strategy})`);
  for (const strategy of ['mean', 'best']) {
    const n = list.filter((w) => w.strategy === strategy && w.d <= thresholdFor(w.k)).length;
    console.log(`  ${strategy} within the default thresholds: ${n} of ${list.length / 2} probe×enrollment pairs`);
  }
}

// What a threshold costs: genuine check-ins accepted (person enrolled with their first k photos, probed with the rest).
const cut = Math.min(...closest.values());
console.log(`\ngenuine check-ins accepted (mean of the first k photos enrolled, the others probed), at the defaults (k=1 ${show(DEFAULTS.threshold)}, k≥2 ${show(DEFAULTS.thresholdSeveral)}) and just under the closest stand-in ${show(cut)}:`);
for (const group of ['east_asian', 'other']) {
  for (let k = 1; k <= max; k++) {
    const d: number[] = [];
    for (const [p, list] of photos) {
      if (groupOf(p) !== group || list.length <= k) continue;
      const m = mean(list.slice(0, k));
      for (const probe of list.slice(k)) d.push(dist(probe, m));
    }
    const pct = (n: number) => `${((100 * n) / d.length).toFixed(1)}%`;
    console.log(
      `  ${group.padEnd(10)} k=${k} (${d.length} probes): default ${pct(d.filter((x) => x <= thresholdFor(k)).length)}  ` +
        `< closest stand-in ${pct(d.filter((x) => x < cut).length)}`,
    );
  }
}
