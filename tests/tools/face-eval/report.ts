// Text summary and the final JSON line of `face:eval`.
import type { EvalSet } from './dataset.js';
import type { EvalOptions, EvalReport, GroupReport } from './run.js';
import { grid, GRID_MARGINS, gridThresholds, type OperatingPoint, type Percentiles } from './stats.js';

export interface EvalContext {
  engine: string;
  probeEngine: string;
  model: string;
  folder: string;
  layout: EvalSet['layout'];
  enrollPerPerson: number | string;
  groupsFile: string | null;
  machine: string;
  seconds: number;
  set: EvalSet;
  options: EvalOptions;
}

const f3 = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(3));
const pct = (n: number, of: number) => (of ? `${n}/${of} (${((100 * n) / of).toFixed(1)}%)` : '0/0');

export function printSummary(c: EvalContext, r: EvalReport): void {
  const { threshold, margin, strategy } = c.options;
  const strangers = c.set.strangers.length;
  const out: string[] = [];
  const probing = c.probeEngine === c.engine ? '' : `, probes made by ${c.probeEngine}`;
  out.push(`face:eval — engine ${c.engine} (${c.model})${probing}, ${c.machine}`);
  out.push(`folder ${c.folder} (${c.layout} layout, enroll per person: ${c.enrollPerPerson}); groups: ${c.groupsFile ?? 'none (one group)'}`);
  out.push(`enrolled ${r.identities} of ${c.set.identities.length} people (${r.enrollAttempts} photos tried, ${r.enrollRefused.length} refused); ${r.overall.probes} genuine probes, ${strangers} strangers`);
  for (const x of r.enrollRefused) out.push(`  enrollment refused: ${x.path} (${x.reason})`);
  for (const p of r.probeNoFace) out.push(`  probe without a usable face: ${p}`);
  for (const s of c.set.skipped) out.push(`  skipped: ${s.path} (${s.why})`);
  out.push(`ms per enroll photo (decode + detect + landmarks + descriptor + check + thumbnail): ${r.msPerEnrollPhoto.toFixed(0)}` +
    (r.detectCached ? ` (${r.detectCached} detections from the cache, timed when computed)` : ''));
  out.push('');
  out.push(`At threshold ${threshold}, margin ${margin}, strategy ${strategy}. False accepts (FA) = genuine probes accepted as the`);
  out.push('wrong person + strangers accepted + others accepted (spoof/, no-face/, multi/ and live photos of nobody enrolled):');
  out.push(row(['group', 'people', 'probes', 'rank-1', 'correct', 'wrong person', 'rejected', 'strangers acc.', 'others acc.']));
  for (const [name, g] of groupEntries(r)) {
    const a = g.at;
    out.push(row([name, g.identities, g.probes, pct(g.rank1, g.probes), pct(a.correct, g.probes), a.wrongPerson, a.falseRejects, `${a.strangersAccepted}/${a.strangers}`, `${a.othersAccepted}/${a.others}`]));
  }
  out.push('');
  out.push(`By threshold — correct / FA (wrong person + strangers + others), at margin 0 | margin ${margin}:`);
  for (const [name, g] of groupEntries(r)) {
    const cells = g.byThreshold.margin0.map((p, i) => `${p.threshold}: ${point(p)} | ${point(g.byThreshold.marginSet[i])}`);
    out.push(`  ${name.padEnd(11)} ${cells.join('   ')}`);
  }
  out.push('');
  for (const [name, g] of groupEntries(r)) {
    out.push('', `Grid for ${name} — correct/FA (rows: margin, columns: threshold):`);
    out.push('  margin ' + gridThresholds(threshold).map((t) => t.toFixed(3).padStart(9)).join(''));
    grid(g.outcomes, threshold).forEach((cells, i) => out.push(`  ${GRID_MARGINS[i].toFixed(2).padEnd(6)} ` + cells.map((p) => `${p.correct}/${p.falseAccepts}`.padStart(9)).join('')));
  }
  out.push('');
  out.push('Zero false accepts (most correct on a 0.005 grid, threshold 0.2 to the farthest probe distance, margin 0–0.2; ties: lowest threshold, widest margin):');
  for (const [name, g] of groupEntries(r)) {
    const z = g.zeroFalseAccepts;
    out.push(`  ${name.padEnd(11)} ${z ? `threshold ${z.threshold}, margin ${z.margin}: correct ${pct(z.correct, z.genuine)}, rejected ${z.falseRejects}` : 'none on the grid'}`);
  }
  out.push('', 'Closest impostors (probes whose nearest enrolled person is not them): these decide the threshold and margin');
  const impostors = r.overall.outcomes.filter((o) => o.kind !== 'genuine' || o.nearest !== o.truth).sort((a, b) => a.distance - b.distance);
  for (const o of impostors.slice(0, 12)) {
    const who = o.kind === 'genuine' ? `${o.photo} (enrolled person)` : `${o.photo} (${o.kind})`;
    out.push(`  ${f3(o.distance)} margin ${f3(o.secondDistance === null ? null : o.secondDistance - o.distance)}  ${o.group.padEnd(11)} ${who} → ${o.nearest}`);
  }
  out.push('');
  out.push('Pair distances (all photos with a descriptor, pairs within the group): pairs  min  p1  p5  p50  p95  max  | share < 0.6 / 0.5 / 0.45 / 0.4');
  for (const [name, g] of groupEntries(r)) {
    out.push(`  ${name.padEnd(11)} same      ${dist(g.same)}`);
    out.push(`  ${''.padEnd(11)} different ${dist(g.different)}`);
  }
  if (r.extras.length) out.push('', 'Other photos (enrollment photo check | check-in match):');
  for (const x of r.extras) out.push(`  ${x.kind.padEnd(7)} ${x.path}: ${x.enrollment} | ${x.match}`);
  out.push('', 'Gallery.match time (real people padded with synthetic ones):');
  for (const t of r.timings) out.push(`  ${t.identities} people × ${t.descriptorsPerIdentity} descriptors: ${t.msPerMatch.toFixed(3)} ms per match (${t.matches} matches)`);
  if (r.replayMismatches) out.push(`WARNING: the sweep disagreed with Gallery.match on ${r.replayMismatches} probes`);
  out.push(`(${c.seconds.toFixed(1)} s)`);
  console.log(out.join('\n'));
}

function groupEntries(r: EvalReport): [string, GroupReport][] {
  const groups = Object.entries(r.groups);
  return groups.length > 1 ? [['overall', r.overall], ...groups] : [['overall', r.overall]];
}

function row(cells: (string | number)[]): string {
  return '  ' + cells.map((c, i) => String(c).padEnd(i === 0 ? 11 : 14)).join(' ');
}

function point(p: OperatingPoint): string {
  return `${p.correct}/${p.genuine} FA ${p.falseAccepts} (${p.wrongPerson}+${p.strangersAccepted}+${p.othersAccepted})`;
}

function dist(p: Percentiles): string {
  const below = Object.values(p.below).map((x) => `${(100 * x).toFixed(2)}%`).join(' / ');
  return `${String(p.pairs).padStart(6)}  ${[p.min, p.p1, p.p5, p.p50, p.p95, p.max].map(f3).join('  ')}  | ${below}`;
}

export function toJson(c: EvalContext, r: EvalReport): Record<string, unknown> {
  const o = r.overall;
  const bySize = Object.fromEntries(r.timings.map((t) => [t.identities, round(t.msPerMatch, 4)]));
  const largest = r.timings.length ? r.timings[r.timings.length - 1].msPerMatch : NaN;
  return {
    engine: c.engine,
    probeEngine: c.probeEngine,
    model: c.model,
    folder: c.folder,
    layout: c.layout,
    strategy: c.options.strategy,
    enrollPerPerson: c.enrollPerPerson,
    identities: r.identities,
    enrollRefused: r.enrollRefused.length,
    probeNoFace: r.probeNoFace.length,
    probes: o.probes,
    rank1: o.rank1,
    correct: o.at.correct,
    falseAccepts: o.at.falseAccepts,
    wrongPersonAccepts: o.at.wrongPerson,
    falseRejects: o.at.falseRejects,
    strangers: o.at.strangers,
    strangersAccepted: o.at.strangersAccepted,
    others: o.at.others,
    othersAccepted: o.at.othersAccepted,
    threshold: c.options.threshold,
    margin: c.options.margin,
    msPerEnrollPhoto: round(r.msPerEnrollPhoto, 1),
    msPerMatch: round(largest, 4),
    msPerMatchBySize: bySize,
    zeroFalseAccepts: zero(o),
    byThreshold: byThreshold(o),
    extrasAccepted: r.extras.filter((x) => x.match.startsWith('MATCHED')).map((x) => x.path),
    groups: Object.fromEntries(Object.entries(r.groups).map(([name, g]) => [name, groupJson(g)])),
  };
}

function groupJson(g: GroupReport): Record<string, unknown> {
  return {
    identities: g.identities,
    probes: g.probes,
    rank1: g.rank1,
    correct: g.at.correct,
    falseAccepts: g.at.falseAccepts,
    wrongPersonAccepts: g.at.wrongPerson,
    falseRejects: g.at.falseRejects,
    strangers: g.at.strangers,
    strangersAccepted: g.at.strangersAccepted,
    othersAccepted: g.at.othersAccepted,
    zeroFalseAccepts: zero(g),
    byThreshold: byThreshold(g),
    sameDistance: percentilesJson(g.same),
    differentDistance: percentilesJson(g.different),
  };
}

function zero(g: GroupReport) {
  const z = g.zeroFalseAccepts;
  return z ? { threshold: z.threshold, margin: z.margin, correct: z.correct, falseRejects: z.falseRejects } : null;
}

function byThreshold(g: GroupReport) {
  const brief = (p: OperatingPoint) => ({ threshold: p.threshold, margin: p.margin, correct: p.correct, falseAccepts: p.falseAccepts });
  return [...g.byThreshold.margin0.map(brief), ...g.byThreshold.marginSet.map(brief)];
}

function percentilesJson(p: Percentiles) {
  return { pairs: p.pairs, min: round(p.min, 3), p1: round(p.p1, 3), p5: round(p.p5, 3), p50: round(p.p50, 3), p95: round(p.p95, 3), max: round(p.max, 3) };
}

function round(x: number, digits: number): number | null {
  return Number.isFinite(x) ? Number(x.toFixed(digits)) : null;
}
