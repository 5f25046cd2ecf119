// Issue 27, point 3 (a measurement only; server/services/frame-check.ts is not changed here): the door and the seat
// send three frames (frontal a, turned t, back b). Today the probe is the plain mean of a and b (examineFrames). How
// do other ways of deciding on the three compare? Frame sets are made from photos NOT enrolled: each person is
// enrolled with their first photo; consecutive triples of their other photos play (a, t, b) for genuine check-ins.
// Stand-ins: the person is removed from the roll and the triples of all their photos are tried against everyone
// else of the same group. Three different photos vary far more than three frames of one turn, so this is harsher
// than the door on genuine check-ins and says little about the turned frame's pose.
//   npx tsx tests/bench/frame-fusion.ts [--engine arcface]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ENGINE, getEngine } from '../../server/face/engines';
import { Gallery, type MatchOptions } from '../../server/face/matcher';
import { matchDefaultsFor } from '../../server/face/match-defaults';
import { checkPhoto } from '../../server/face/photo-check';
import { CachingEngine, cacheFileFor } from '../tools/face-eval/detect-cache';
import { loadGroups } from '../tools/face-eval/dataset';

const { values } = parseArgs({ options: { engine: { type: 'string', default: DEFAULT_ENGINE } } });
const FACES = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces');
const NOT_PEOPLE = new Set(['strangers', 'no-face', 'spoof', 'multi']);
const inner = getEngine(values.engine);
const engine = new CachingEngine(inner, cacheFileFor(inner.model, values.engine));
const groups = loadGroups(resolve(import.meta.dirname, '..', 'fixtures', 'face-groups.json'));
const D = matchDefaultsFor(engine);
const OPTS: MatchOptions = { threshold: D.threshold, margin: D.margin, strategy: 'mean' };

const photos = new Map<string, Float32Array[]>();
for (const p of readdirSync(FACES).filter((n) => !NOT_PEOPLE.has(n) && statSync(join(FACES, n)).isDirectory()).sort()) {
  const list: Float32Array[] = [];
  for (const f of readdirSync(join(FACES, p)).sort((a, b) => parseInt(a) - parseInt(b))) {
    const verdict = checkPhoto(await engine.detect(readFileSync(join(FACES, p, f))));
    if (verdict.ok) list.push(verdict.face.descriptor);
  }
  photos.set(p, list);
}
engine.save();

const unit = (v: Float32Array) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
const meanOf = (vs: Float32Array[]) => vs[0]!.map((_, i) => vs.reduce((s, v) => s + v[i]!, 0) / vs.length);
const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0) / Math.hypot(...a) / Math.hypot(...b);

type Frames = [Float32Array, Float32Array, Float32Array];
/** Each rule: the identity accepted (or null), and a score for the separation figures (cosine to the nearest). */
type Rule = (g: Gallery, f: Frames, templates: Map<number, Float32Array>) => { id: number | null; score: number };
const single = (probe: Float32Array): Rule => (g, _f, templates) => nearestRule(g, probe, templates);
function nearestRule(g: Gallery, probe: Float32Array, templates: Map<number, Float32Array>) {
  const r = g.match(probe, OPTS);
  return { id: r.status === 'matched' ? r.identityId : null, score: r.identityId === undefined ? -1 : cos(probe, templates.get(r.identityId)!) };
}
const RULES: Record<string, Rule> = {
  'one frame (frontal a)': (g, f, t) => single(f[0])(g, f, t),
  'mean(a, b) as sent today': (g, f, t) => single(meanOf([f[0], f[2]]))(g, f, t),
  'mean(a, b) unit length': (g, f, t) => single(unit(meanOf([f[0], f[2]])))(g, f, t),
  'mean(a, t, b) unit length': (g, f, t) => single(unit(meanOf(f)))(g, f, t),
  'two of three frames agree': (g, f, t) => {
    const each = f.map((x) => nearestRule(g, x, t));
    const ids = each.map((e) => e.id).filter((id): id is number => id !== null);
    const agreed = ids.find((id) => ids.filter((x) => x === id).length >= 2) ?? null;
    // score: the second-best frame's cosine to the identity most frames point at (what must clear the threshold)
    const scores = f.map((x) => Math.max(...[...t.values()].map((tm) => cos(x, tm)))).sort((a, b) => b - a);
    return { id: agreed, score: scores[1]! };
  },
};

const tally = new Map<string, { genuine: number; accepted: number; impostor: number; falseAccepts: number; wrongDeputy: number; worst: number; genuineScores: number[]; cases: string[] }>();
for (const name of Object.keys(RULES)) tally.set(name, { genuine: 0, accepted: 0, impostor: 0, falseAccepts: 0, wrongDeputy: 0, worst: -1, genuineScores: [], cases: [] });
const people = [...photos.keys()];
const triples = (xs: Float32Array[]) => xs.slice(0, -2).map((_, i) => [xs[i]!, xs[i + 1]!, xs[i + 2]!] as Frames);
for (const group of groups.names()) {
  const inGroup = people.filter((p) => groups.of(p) === group && photos.get(p)!.length > 0);
  const gallery = (without: string | null) => {
    const g = new Gallery(engine.dimensions, { unitMeans: engine.unitLength });
    const templates = new Map<number, Float32Array>();
    inGroup.forEach((p, i) => p !== without && (g.set(i + 1, [photos.get(p)![0]!]), templates.set(i + 1, photos.get(p)![0]!)));
    return { g, templates };
  };
  const full = gallery(null);
  for (const [i, p] of inGroup.entries()) {
    const absent = gallery(p);
    for (const [name, rule] of Object.entries(RULES)) {
      const t = tally.get(name)!;
      let set = 0;
      for (const f of triples(photos.get(p)!.slice(1))) {
        const r = rule(full.g, f, full.templates);
        t.genuine++;
        if (r.id === i + 1) t.accepted++;
        else if (r.id !== null) t.wrongDeputy++;
        t.genuineScores.push(r.id === i + 1 || r.id === null ? r.score : -1);
      }
      for (const f of triples(photos.get(p)!)) {
        const r = rule(absent.g, f, absent.templates);
        t.impostor++;
        set++;
        if (r.id !== null) t.falseAccepts++;
        if (r.id !== null) t.cases.push(`${p} frames ${set}–${set + 2} → ${inGroup[r.id - 1]} (cos ${r.score.toFixed(3)}, probe length ${Math.hypot(...(name.includes('today') ? meanOf([f[0], f[2]]) : f[0])).toFixed(3)})`);
        t.worst = Math.max(t.worst, r.score);
      }
    }
  }
}
const cosOf = (d: number) => 1 - (d * d) / 2;
console.log(`frame sets from photos not enrolled (k = 1 enrolled), threshold cos ${cosOf(D.threshold).toFixed(2)}, margin ${D.margin}:`);
console.log(`  ${'rule'.padEnd(28)} genuine accepted   stand-ins accepted   wrong deputy   closest stand-in cos   genuine above it`);
for (const [name, t] of tally) {
  const above = t.genuineScores.filter((s) => s > t.worst).length;
  console.log(
    `  ${name.padEnd(28)} ${`${t.accepted}/${t.genuine} (${((100 * t.accepted) / t.genuine).toFixed(1)}%)`.padEnd(18)} ${`${t.falseAccepts}/${t.impostor}`.padEnd(20)} ${`${t.wrongDeputy}/${t.genuine}`.padEnd(14)} ${t.worst.toFixed(3).padEnd(22)} ${((100 * above) / t.genuine).toFixed(1)}%`,
  );
}
for (const [name, t] of tally) for (const c of t.cases) console.log(`  accepted stand-in, ${name}: ${c}`);
