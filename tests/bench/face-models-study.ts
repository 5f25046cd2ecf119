// Questions face:eval does not answer directly, for choosing a descriptor model (BENCHMARKS.md "which descriptor model"):
// where false accepts reach zero on any distance scale (face:eval sweeps thresholds 0.2–0.7, face-api's range;
// unit-length descriptors spread over 0–2), p99 of pair distances, several photos per deputy (best-of vs mean),
// a roster of East Asian deputies only, and how many false accepts the margin rule removes.
//   npx tsx tests/bench/face-models-study.ts --engine human-faceres [--folder ../shared/faces]
// Same building blocks as face:eval (extractEnrollment, Gallery.match and its accept rule, the detection cache, the
// groups file), so figures agree with it; the folder walk and the sweep are its own, written against the flat layout.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getEngine } from '../../server/face/engines.js';
import { extractEnrollment } from '../../server/face/enroll.js';
import { Gallery, type MatchStrategy } from '../../server/face/matcher.js';
import { MIN_FACE_SCORE } from '../../server/face/photo-check.js';
import { loadGroups } from '../../server/face/eval/dataset.js';
import { CachingEngine, cacheFileFor } from '../../server/face/eval/detect-cache.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EA = 'east_asian';
const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'human-faceres' },
    folder: { type: 'string', default: resolve(REPO, '..', 'shared', 'faces') },
    // An operating point to report every configuration at (e.g. the one proposed as the default).
    threshold: { type: 'string' },
    margin: { type: 'string', default: '0' },
  },
});

interface Photo { identity: string; index: number; path: string; enroll: Float32Array | null; probe: Float32Array | null }

const SPECIAL = new Set(['strangers', 'no-face', 'spoof', 'multi']);
const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const jpgs = (dir: string) => readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort(byNumber);

/** Every identity photo (index = position in natural file-name order, from 1) and every stranger (index 0). */
async function photoTable(engine: CachingEngine, root: string): Promise<{ photos: Photo[]; strangers: Photo[] }> {
  const one = async (identity: string, index: number, path: string): Promise<Photo> => {
    const bytes = await readFile(join(root, path));
    const r = await extractEnrollment(engine, bytes, path);
    const faces = (await engine.detect(bytes)).filter((f) => f.score >= MIN_FACE_SCORE);
    const largest = faces.sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)[0];
    return { identity, index, path, enroll: r.ok ? r.descriptor : null, probe: largest?.descriptor ?? null };
  };
  const photos: Photo[] = [];
  const people = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && !SPECIAL.has(d.name)).map((d) => d.name).sort();
  for (const person of people) {
    for (const [i, f] of jpgs(join(root, person)).entries()) photos.push(await one(person, i + 1, `${person}/${f}`));
  }
  const strangers: Photo[] = [];
  for (const f of jpgs(join(root, 'strangers'))) strangers.push(await one(`strangers/${f}`, 0, `strangers/${f}`));
  return { photos, strangers };
}

/** One probe as the gallery saw it (nearest and best other identity, from Gallery.match). */
interface ProbeOutcome { group: string; kind: 'genuine' | 'outsider' | 'stranger'; truth: string | null; nearest: string; distance: number; secondDistance: number | null }
interface OperatingPoint {
  threshold: number;
  margin: number;
  genuine: number;
  correct: number;
  wrongPerson: number;
  /** Enrolled people who are not on the roster (roster scenarios only). */
  outsiders: number;
  outsidersAccepted: number;
  strangers: number;
  strangersAccepted: number;
  falseAccepts: number;
}

/** Gallery.match's accept rule, replayed at any threshold and margin. */
function evaluate(os: readonly ProbeOutcome[], threshold: number, margin: number): OperatingPoint {
  const p: OperatingPoint = { threshold, margin, genuine: 0, correct: 0, wrongPerson: 0, outsiders: 0, outsidersAccepted: 0, strangers: 0, strangersAccepted: 0, falseAccepts: 0 };
  for (const o of os) {
    const ok = o.distance <= threshold && (o.secondDistance === null || o.secondDistance - o.distance >= margin);
    if (o.kind === 'stranger') {
      p.strangers++;
      if (ok) p.strangersAccepted++;
    } else if (o.kind === 'outsider') {
      p.outsiders++;
      if (ok) p.outsidersAccepted++;
    } else {
      p.genuine++;
      if (ok && o.nearest === o.truth) p.correct++;
      else if (ok) p.wrongPerson++;
    }
  }
  p.falseAccepts = p.wrongPerson + p.outsidersAccepted + p.strangersAccepted;
  return p;
}

function euclidean(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

/**
 * Enroll the first k enrollable photos among 1..enrollUpTo; probe every other photo numbered ≥ probeFrom. With a
 * roster, enrolled people outside it must be refused too ('outsiders'): 'restrict' matches among the roster only
 * (Gallery restrictTo), 'filter' matches the whole gallery and refuses a nearest person who is not on the roster.
 */
interface Scenario { k: number; strategy: MatchStrategy; enrollUpTo: number; probeFrom: number; roster?: (identity: string) => boolean; rosterMode?: 'restrict' | 'filter' }

function outcomes(photos: Photo[], strangers: Photo[], group: (key: string) => string, s: Scenario): ProbeOutcome[] {
  const ids = [...new Set(photos.map((p) => p.identity))];
  const gallery = new Gallery(photos.find((p) => p.probe)!.probe!.length);
  const usedForEnroll = new Set<Photo>();
  const inRoster = new Set<string>();
  const galleryIds = new Set<string>();
  const restrictTo = new Set<number>();
  for (const [n, id] of ids.entries()) {
    const chosen = photos.filter((p) => p.identity === id && p.index <= s.enrollUpTo && p.enroll).slice(0, s.k);
    if (!chosen.length) continue;
    chosen.forEach((p) => usedForEnroll.add(p));
    gallery.set(n, chosen.map((p) => p.enroll!));
    galleryIds.add(id);
    if (!s.roster || s.roster(id)) {
      inRoster.add(id);
      restrictTo.add(n);
    }
  }
  const restrict = s.roster && s.rosterMode !== 'filter';
  const opts = { threshold: Infinity, margin: 0, strategy: s.strategy, restrictTo: restrict ? restrictTo : undefined };
  const out: ProbeOutcome[] = [];
  for (const p of [...photos.filter((q) => q.index >= s.probeFrom && !usedForEnroll.has(q)), ...strangers]) {
    if (!p.probe) continue;
    const r = gallery.match(p.probe, opts);
    const truth = p.index > 0 && inRoster.has(p.identity) ? p.identity : null;
    const kind = truth ? 'genuine' : p.index > 0 && galleryIds.has(p.identity) ? 'outsider' : 'stranger';
    const nearest = ids[r.identityId!];
    const distance = inRoster.has(nearest) ? r.distance! : Infinity; // 'filter': never accept someone off the roster
    out.push({ group: group(p.index > 0 ? p.identity : p.path), kind, truth, nearest, distance, secondDistance: r.secondDistance ?? null });
  }
  return out;
}

/** face:eval's zeroFalseAcceptPoint rule (most correct, then lowest threshold, then widest margin) on a 0–1.5 grid. */
function zeroFa(os: ProbeOutcome[], maxMargin = 0.3): OperatingPoint | null {
  let best: OperatingPoint | null = null;
  const cuts = [...new Set(os.map((o) => o.distance))].sort((a, b) => a - b);
  for (let m = 0; m <= maxMargin + 1e-9; m += 0.005) {
    for (const t of [0, ...cuts]) {
      const p = evaluate(os, t, Math.round(m * 1000) / 1000);
      if (p.falseAccepts > 0) break;
      const better = !best || p.correct > best.correct || (p.correct === best.correct && (p.threshold < best.threshold || (p.threshold === best.threshold && p.margin > best.margin)));
      if (better) best = p;
    }
  }
  return best;
}

/** Threshold at which `share` of the group's genuine probes are accepted as the right person with no margin. */
function thresholdFor(os: ProbeOutcome[], share: number): number {
  const right = os.filter((o) => o.truth !== null && o.nearest === o.truth).map((o) => o.distance).sort((a, b) => a - b);
  const genuine = os.filter((o) => o.truth !== null).length;
  return right[Math.min(right.length - 1, Math.ceil(share * genuine) - 1)];
}

/** Small deterministic PRNG (mulberry32), so roster draws are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pct(values: number[]) {
  const v = Float64Array.from(values).sort();
  const at = (q: number) => v[Math.min(v.length - 1, Math.floor(q * (v.length - 1) + 0.5))];
  return { n: v.length, min: v[0], p1: at(0.01), p5: at(0.05), p50: at(0.5), p95: at(0.95), p99: at(0.99), max: v[v.length - 1] };
}

function pairs(photos: Photo[], inGroup: (id: string) => boolean) {
  const ps = photos.filter((p) => p.probe && inGroup(p.identity));
  const same: number[] = [];
  const diff: number[] = [];
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) (ps[i].identity === ps[j].identity ? same : diff).push(euclidean(ps[i].probe!, ps[j].probe!));
  return { same: pct(same), different: pct(diff) };
}

const fmt = (p: OperatingPoint | null) => (p ? `t ${p.threshold.toFixed(3)} m ${p.margin.toFixed(3)}: ${p.correct}/${p.genuine} (${((100 * p.correct) / p.genuine).toFixed(1)}%)` : 'none');
const fa = (p: OperatingPoint) =>
  `${p.correct}/${p.genuine} correct, FA ${p.falseAccepts} (${p.wrongPerson} wrong person${p.outsiders ? ` + ${p.outsidersAccepted}/${p.outsiders} off-roster` : ''} + ${p.strangersAccepted}/${p.strangers} strangers)`;

async function table(name: string): Promise<{ model: string; photos: Photo[]; strangers: Photo[] }> {
  const inner = getEngine(name);
  const engine = new CachingEngine(inner, cacheFileFor(inner.model));
  const t = await photoTable(engine, resolve(values.folder));
  engine.save();
  return { model: inner.model, ...t };
}

/**
 * Score fusion of several engines ('a+b'): each engine's descriptor divided by its median different-person distance,
 * then concatenated, so a fused squared distance is the sum of the engines' squared distances on a common scale.
 * A photo counts only where every engine gives a descriptor.
 */
function fuse(tables: { photos: Photo[]; strangers: Photo[] }[]): { photos: Photo[]; strangers: Photo[] } {
  const scales = tables.map((t) => pairs([...t.photos], () => true).different.p50);
  const join = (d: (Float32Array | null)[]) => {
    if (d.some((x) => !x)) return null;
    const out = new Float32Array(d.reduce((n, x) => n + x!.length, 0));
    let at = 0;
    d.forEach((x, i) => x!.forEach((v) => (out[at++] = v / scales[i])));
    return out;
  };
  const merge = (rows: Photo[][]) => rows[0].map((p, i) => ({ ...p, enroll: join(rows.map((r) => r[i].enroll)), probe: join(rows.map((r) => r[i].probe)) }));
  return { photos: merge(tables.map((t) => t.photos)), strangers: merge(tables.map((t) => t.strangers)) };
}

async function main(): Promise<void> {
  const tables = [];
  for (const name of values.engine.split('+')) tables.push(await table(name));
  const { photos, strangers } = tables.length === 1 ? tables[0] : fuse(tables);
  const model = tables.map((t) => t.model).join('+');
  const groups = loadGroups(resolve(REPO, 'tests/fixtures/face-groups.json'));
  const isEa = (id: string) => groups.of(id) === EA;
  const ea = (os: ProbeOutcome[]) => os.filter((o) => o.group === EA);
  const result: Record<string, unknown> = { engine: values.engine, model };
  console.log(`${values.engine} (${model})`);

  const dist = { [EA]: pairs(photos, isEa), other: pairs(photos, (id) => !isEa(id)) };
  for (const [g, d] of Object.entries(dist)) {
    const f = (p: ReturnType<typeof pct>) => [p.p1, p.p5, p.p50, p.p95, p.p99].map((x) => x.toFixed(3)).join(' / ');
    console.log(`  ${g.padEnd(10)} same p1/p5/p50/p95/p99 ${f(d.same)} | different ${f(d.different)}, min ${d.different.min.toFixed(3)}`);
  }
  result.distances = dist;

  const base = outcomes(photos, strangers, groups.of, { k: 1, strategy: 'best', enrollUpTo: Infinity, probeFrom: 1 });
  const zero: Record<string, unknown> = {};
  for (const g of [EA, 'other']) {
    const os = base.filter((o) => o.group === g);
    const rank1 = os.filter((o) => o.truth !== null && o.nearest === o.truth).length;
    const z0 = zeroFa(os, 0);
    const zm = zeroFa(os);
    zero[g] = { rank1, genuine: z0?.genuine, zeroFaNoMargin: z0, zeroFaWithMargin: zm };
    console.log(`  ${g.padEnd(10)} 1 photo each: rank-1 ${rank1}/${z0?.genuine}; zero FA without margin ${fmt(z0)}; with margin ${fmt(zm)}`);
  }
  result.onePhoto = zero;

  // Operating point for "how many false accepts does each rule remove": the threshold that accepts 95% of East Asian
  // genuine probes with one photo each and no margin.
  const t95 = thresholdFor(ea(base), 0.95);
  const mStar = (zero[EA] as { zeroFaWithMargin: OperatingPoint | null }).zeroFaWithMargin?.margin ?? 0.05;
  console.log(`  East Asian, threshold ${t95.toFixed(3)} (95% accepted with 1 photo, no margin); enrolled from photos 1–3, probes = photos 4+ so every K sees the same probes:`);
  const rules: Record<string, unknown> = { threshold: t95, margin: mStar };
  for (const k of [1, 2, 3]) {
    for (const strategy of ['best', 'mean'] as const) {
      if (k === 1 && strategy === 'mean') continue;
      const os = ea(outcomes(photos, strangers, groups.of, { k, strategy, enrollUpTo: 3, probeFrom: 4 }));
      const a = evaluate(os, t95, 0);
      const b = evaluate(os, t95, mStar);
      const z = zeroFa(os);
      rules[`k${k}-${strategy}`] = { noMargin: a, margin: b, zeroFa: z };
      console.log(`    K=${k} ${strategy.padEnd(4)} margin 0: ${fa(a)} | margin ${mStar}: ${fa(b)} | zero FA at ${fmt(z)}`);
    }
  }
  const roster = ea(outcomes(photos, strangers, groups.of, { k: 1, strategy: 'best', enrollUpTo: Infinity, probeFrom: 1, roster: isEa }));
  const full = ea(base);
  rules.roster = { full: evaluate(full, t95, 0), fullMargin: evaluate(full, t95, mStar), eaOnly: evaluate(roster, t95, 0), eaOnlyMargin: evaluate(roster, t95, mStar), zeroFa: zeroFa(roster) };
  console.log(`    gallery of everyone, K=1, margin 0: ${fa(evaluate(full, t95, 0))} | margin ${mStar}: ${fa(evaluate(full, t95, mStar))}`);
  console.log(`    roster = East Asian deputies only (restrictTo), K=1, margin 0: ${fa(evaluate(roster, t95, 0))} | margin ${mStar}: ${fa(evaluate(roster, t95, mStar))} | zero FA at ${fmt(zeroFa(roster))}`);
  // A sitting's roster is a subset of those enrolled: 10 East Asian deputies drawn at random (fixed seed), 200 draws;
  // enrolled people outside the roster and the strangers must be refused. Counts are summed over the draws.
  const eaIds = [...new Set(photos.filter((p) => isEa(p.identity)).map((p) => p.identity))];
  const random = seeded(7);
  const sum = (a: OperatingPoint | undefined, b: OperatingPoint): OperatingPoint => {
    if (!a) return b;
    const out = { ...a };
    for (const key of ['genuine', 'correct', 'wrongPerson', 'outsiders', 'outsidersAccepted', 'strangers', 'strangersAccepted', 'falseAccepts'] as const) out[key] += b[key];
    return out;
  };
  const totals: Record<string, OperatingPoint> = {};
  for (let draw = 0; draw < 200; draw++) {
    const order = [...eaIds];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const pick = new Set(order.slice(0, 10));
    for (const mode of ['restrict', 'filter'] as const) {
      const os = ea(outcomes(photos, strangers, groups.of, { k: 1, strategy: 'best', enrollUpTo: Infinity, probeFrom: 1, roster: (id) => pick.has(id), rosterMode: mode }));
      totals[`${mode} m0`] = sum(totals[`${mode} m0`], evaluate(os, t95, 0));
      totals[`${mode} m`] = sum(totals[`${mode} m`], evaluate(os, t95, mStar));
      if (values.threshold !== undefined) totals[`${mode} at`] = sum(totals[`${mode} at`], evaluate(os, Number(values.threshold), Number(values.margin)));
    }
  }
  rules.roster10 = totals;
  for (const mode of ['restrict', 'filter']) {
    console.log(`    roster of 10 East Asian deputies, ${mode} (200 draws, summed), K=1, margin 0: ${fa(totals[`${mode} m0`])} | margin ${mStar}: ${fa(totals[`${mode} m`])}`);
    if (totals[`${mode} at`]) console.log(`      at threshold ${values.threshold}, margin ${values.margin}: ${fa(totals[`${mode} at`])}`);
  }
  result.rules = rules;

  if (values.threshold !== undefined) {
    const t = Number(values.threshold);
    const m = Number(values.margin);
    const at: Record<string, OperatingPoint> = {};
    console.log(`  at threshold ${t}, margin ${m} (East Asian | other):`);
    const configs: [string, Scenario][] = [
      ['K=1 best, all photos', { k: 1, strategy: 'best', enrollUpTo: Infinity, probeFrom: 1 }],
      ['K=1 best, probes 4+', { k: 1, strategy: 'best', enrollUpTo: 3, probeFrom: 4 }],
      ['K=3 best, probes 4+', { k: 3, strategy: 'best', enrollUpTo: 3, probeFrom: 4 }],
      ['K=3 mean, probes 4+', { k: 3, strategy: 'mean', enrollUpTo: 3, probeFrom: 4 }],
    ];
    for (const [label, sc] of configs) {
      const os = outcomes(photos, strangers, groups.of, sc);
      const e = evaluate(os.filter((o) => o.group === EA), t, m);
      const o = evaluate(os.filter((q) => q.group !== EA), t, m);
      at[label] = e;
      at[`${label} (other)`] = o;
      console.log(`    ${label.padEnd(22)} ${fa(e)} | ${fa(o)}`);
    }
    result.at = at;
  }
  console.log(JSON.stringify(result));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
