// Issue 27, points 2 and 5: the impostor tail as check-in meets it (a photo against another person's template: the
// unit mean of their first k enrolled photos, as Gallery.match with 'mean'), fitted per group (East Asian apart), and
// what the roll-size rule (shared/face/roll-threshold.ts) makes of it: per N the threshold for the stated rate and
// the genuine probes (each person's photos after the first k, against their own template) it accepts.
// Prints the fitted numbers server/face/roll-tail.ts keeps.
//   npx tsx tests/bench/roll-threshold.ts [--rate 1e-5] [--k 2]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ENGINE, getEngine } from '../../server/face/engines';
import { checkPhoto } from '../../server/face/photo-check';
import { ROLL_RULE_ONE, ROLL_RULE_SEVERAL } from '../../server/face/roll-tail';
import { rollThreshold, strangerRate, type ImpostorTail } from '../../shared/face/roll-threshold';
import { CachingEngine, cacheFileFor } from '../tools/face-eval/detect-cache';
import { loadGroups } from '../tools/face-eval/dataset';
import { cosine, fitTail } from '../tools/face-eval/impostor-tail';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '1e-5' }, k: { type: 'string', default: '2' } } });
const RATE = Number(values.rate);
const K = Number(values.k);
const FACES = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces');
const NOT_PEOPLE = new Set(['strangers', 'no-face', 'spoof', 'multi']);
const inner = getEngine(DEFAULT_ENGINE);
const engine = new CachingEngine(inner, cacheFileFor(inner.model, DEFAULT_ENGINE));
const groups = loadGroups(resolve(import.meta.dirname, '..', 'fixtures', 'face-groups.json'));

async function describe(dir: string): Promise<Float32Array[]> {
  const list: Float32Array[] = [];
  for (const f of readdirSync(dir).sort((a, b) => parseInt(a) - parseInt(b))) {
    const verdict = checkPhoto(await engine.detect(readFileSync(join(dir, f))));
    if (verdict.ok) list.push(verdict.face.descriptor);
  }
  return list;
}

const people = new Map<string, Float32Array[]>();
for (const p of readdirSync(FACES).filter((n) => !NOT_PEOPLE.has(n) && statSync(join(FACES, n)).isDirectory()).sort()) people.set(p, await describe(join(FACES, p)));
const strangers = new Map<string, Float32Array>();
for (const f of readdirSync(join(FACES, 'strangers')).sort()) {
  const verdict = checkPhoto(await engine.detect(readFileSync(join(FACES, 'strangers', f))));
  if (verdict.ok) strangers.set(`strangers/${f}`, verdict.face.descriptor);
}
engine.save();

const unitMean = (vs: Float32Array[]) => {
  const m = new Float32Array(vs[0].length);
  for (const v of vs) for (let i = 0; i < m.length; i++) m[i] += v[i];
  const n = Math.hypot(...m);
  return m.map((x) => x / n);
};

for (const group of groups.names()) {
  const members = [...people.entries()].filter(([p, list]) => groups.of(p) === group && list.length > K);
  const templates = members.map(([p, list]) => [p, unitMean(list.slice(0, K))] as const);
  const genuine: number[] = [];
  const genuineOf: string[] = [];
  const impostor: number[] = [];
  for (const [p, t] of templates) {
    for (const [q, list] of members) {
      if (q === p) {
        for (const [j, d] of list.slice(K).entries()) {
          genuine.push(cosine(d, t));
          genuineOf.push(`${p} photo ${K + j + 1}`);
        }
      }
      else for (const d of list) impostor.push(cosine(d, t));
    }
    for (const [path, d] of strangers) if (groups.of(path) === group) impostor.push(cosine(d, t));
  }
  const fitted = fitTail(impostor);
  const top = Array.from(fitted.sorted.subarray(fitted.sorted.length - fitted.exceedances));
  const meanExcess = top.reduce((s, x) => s + x - fitted.u, 0) / top.length;
  const share = fitted.exceedances / fitted.sorted.length;
  const readings: [string, ImpostorTail][] = [
    ['as fitted', { u: fitted.u, share, ...fitted.fit }],
    ['cautious (ξ ≥ 0)', { u: fitted.u, share, shape: Math.max(0, fitted.fit.shape), scale: fitted.fit.shape < 0 ? meanExcess : fitted.fit.scale }],
  ];
  console.log(`\n${group}, k = ${K}: ${members.length} people, ${genuine.length} genuine probes, ${impostor.length} impostor pairs, highest impostor ${fitted.sorted[fitted.sorted.length - 1].toFixed(3)}`);
  for (const [name, tail] of readings) {
    console.log(`  ${name}: { u: ${tail.u.toFixed(4)}, share: ${tail.share.toFixed(4)}, shape: ${tail.shape.toFixed(4)}, scale: ${tail.scale.toFixed(4)} }`);
    for (const n of [50, 300, 1000, 3000]) {
      const r = rollThreshold({ tail, rate: RATE, floor: 0, ceiling: 1 }, n);
      const acc = genuine.filter((s) => s >= r.cosine).length;
      console.log(`    N=${String(n).padStart(4)}  cos ≥ ${r.cosine.toFixed(3)} for ≤ ${RATE} per check-in${r.met ? '' : ' (not reachable)'}  genuine ${acc}/${genuine.length} (${((100 * acc) / genuine.length).toFixed(1)}%)`);
    }
  }
  // The product's rule as shipped (server/face/roll-tail.ts), read against this group's counted genuine side.
  const rule = K > 1 ? ROLL_RULE_SEVERAL : ROLL_RULE_ONE;
  for (const n of [50, 300, 1000, 3000]) {
    const r = rollThreshold(rule, n);
    const acc = genuine.filter((s) => s >= r.cosine).length;
    const below = genuine.flatMap((s, i) => (s < r.cosine ? [`${genuineOf[i]} ${s.toFixed(3)}`] : []));
    console.log(`  shipped rule, N=${String(n).padStart(4)}: cos ≥ ${r.cosine.toFixed(3)}, rate ${r.rate.toExponential(2)}${r.met ? '' : ' (target not met)'}; this group's tails read ${readings.map(([nm, t]) => `${nm} ${strangerRate(t, n, r.cosine).toExponential(2)}`).join(', ')}; genuine ${acc}/${genuine.length} (${((100 * acc) / genuine.length).toFixed(1)}%)`);
    console.log(`      refused: ${below.join(', ')}`);
  }
}
