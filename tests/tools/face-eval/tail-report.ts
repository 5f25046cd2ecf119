// face:eval's "false accepts by roll size" table: per group, the impostor tail's fit, its check against the counted
// tail, and per (cosine threshold, margin) the chance per check-in that a stranger or a wrong deputy passes and that
// a deputy is accepted as themself, at N enrolled. Model and assumptions: impostor-tail.ts.
import type { Labelled } from './stats.js';
import { empiricalExceed, exceed, fitTail, genuineAccepted, pairCosines, strangerPasses, wrongDeputyPasses, type TailModel } from './impostor-tail.js';

export const ROLL_SIZES = [50, 300, 1000, 3000];
export const TAIL_COSINES = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
/** Exceedance shares the fit is repeated at, to show how much ξ depends on where the tail is taken to start. */
export const TOP_SHARES = [0.025, 0.05, 0.1];

export interface TailRow {
  cos: number;
  margin: number;
  pairsAtOrAbove: number;
  pCounted: number;
  pFitted: number;
  stranger: number[];
  wrongDeputy: number[];
  genuine: number[];
}

export interface GroupTail {
  group: string;
  /** 'fitted': the GPD as fitted; 'cautious': ξ raised to 0 (exponential tail, σ = mean excess) when it came out < 0. */
  reading: 'fitted' | 'cautious';
  /** ξ fitted over the top 2.5%, 5%, 10% of pairs. */
  shapeByTop: number[];
  impostorPairs: number;
  genuinePairs: number;
  maxImpostor: number;
  u: number;
  exceedances: number;
  shape: number;
  scale: number;
  rows: TailRow[];
}

export function tailTables(photos: readonly Labelled[], groups: readonly string[], margins: readonly number[]): GroupTail[] {
  const out: GroupTail[] = [];
  for (const group of groups) {
    const { genuine, impostor } = pairCosines(photos, group);
    if (impostor.length < 200 || genuine.length === 0) continue;
    const fitted = fitTail(impostor);
    const shapeByTop = TOP_SHARES.map((q) => fitTail(impostor, q).fit.shape);
    out.push(groupTail(group, 'fitted', fitted, genuine, margins, shapeByTop));
    if (fitted.fit.shape < 0) out.push(groupTail(group, 'cautious', cautious(fitted), genuine, margins, shapeByTop));
  }
  return out;
}

/**
 * A bounded fitted tail (ξ < 0) puts an endpoint a little above the highest impostor seen and calls everything
 * beyond it impossible: that is the model talking, not the data. The cautious reading lets the tail go on
 * exponentially (ξ = 0) with the same mean excess.
 */
function cautious(model: TailModel): TailModel {
  const mean = Array.from(model.sorted.subarray(model.sorted.length - model.exceedances)).reduce((s, x) => s + x - model.u, 0) / model.exceedances;
  return { ...model, fit: { shape: 0, scale: mean } };
}

function groupTail(group: string, reading: GroupTail['reading'], model: TailModel, genuine: number[], margins: readonly number[], shapeByTop: number[]): GroupTail {
  {
    const impostor = model.sorted;
    const rows: TailRow[] = [];
    for (const cos of TAIL_COSINES) {
      for (const margin of margins) {
        rows.push({
          cos,
          margin,
          pairsAtOrAbove: Math.round(empiricalExceed(model, cos) * impostor.length),
          pCounted: empiricalExceed(model, cos),
          pFitted: exceed(model, Math.max(cos, model.u + 1e-9)),
          stranger: ROLL_SIZES.map((n) => strangerPasses(model, n, cos, margin)),
          wrongDeputy: ROLL_SIZES.map((n) => wrongDeputyPasses(model, genuine, n, cos, margin)),
          genuine: ROLL_SIZES.map((n) => genuineAccepted(model, genuine, n, cos, margin)),
        });
      }
    }
    const maxImpostor = model.sorted[model.sorted.length - 1];
    return { group, reading, shapeByTop, impostorPairs: impostor.length, genuinePairs: genuine.length, maxImpostor, u: model.u, exceedances: model.exceedances, ...model.fit, rows };
  }
}

/** "1 in 12,000" reads better to a clerk than 8.3e-5; below 1e-12 the model says nothing worth printing. */
export function oneIn(p: number): string {
  if (!(p > 1e-12)) return '<1e-12';
  if (p >= 0.01) return `${(100 * p).toFixed(1)}%`;
  return `1/${Number((1 / p).toPrecision(2)).toLocaleString('en')}`;
}

export function printTail(tables: readonly GroupTail[]): void {
  const ns = ROLL_SIZES.map((n) => `N=${n}`.padStart(10)).join('');
  for (const g of tables) {
    const how = g.reading === 'fitted' ? 'as fitted' : 'CAUTIOUS reading: ξ raised to 0, exponential tail';
    console.log(`\nFalse accepts by roll size — ${g.group}, ${how}: ${g.impostorPairs} different-person photo pairs, ${g.genuinePairs} same-person pairs`);
    console.log(`  highest impostor cosine ${g.maxImpostor.toFixed(3)}; GPD over u = cos ${g.u.toFixed(3)} (top ${g.exceedances} pairs): ξ = ${g.shape.toFixed(3)}, σ = ${g.scale.toFixed(4)}${g.shape < 0 ? `, endpoint cos ${(g.u - g.scale / g.shape).toFixed(3)}` : ''}`);
    console.log(`  ξ fitted over the top ${TOP_SHARES.map((q) => `${100 * q}%`).join(' / ')} of pairs: ${g.shapeByTop.map((x) => x.toFixed(3)).join(' / ')}`);
    console.log(`  cos≥t margin  pairs≥t  p counted  p fitted | stranger passes per check-in${' '.repeat(12)}| wrong deputy passes${' '.repeat(21)}| deputy accepted as self`);
    console.log(`  ${' '.repeat(42)}|${ns}|${ns}|${ns}`);
    for (const r of g.rows) {
      const cells = (xs: number[]) => xs.map((x) => oneIn(x).padStart(10)).join('');
      const pc = r.pairsAtOrAbove ? oneIn(r.pCounted) : '0';
      console.log(
        `  ${r.cos.toFixed(2).padStart(5)} ${r.margin.toFixed(2).padStart(6)} ${String(r.pairsAtOrAbove).padStart(8)} ${pc.padStart(10)} ${oneIn(r.pFitted).padStart(9)} |${cells(r.stranger)}|${cells(r.wrongDeputy)}|${r.genuine.map((x) => `${(100 * x).toFixed(1)}%`.padStart(10)).join('')}`,
      );
    }
  }
  console.log('  (pairs share photos and people, so they are not independent draws; the fit assumes they are. See BENCHMARKS.md "Roll size".)');
}
