// npx tsx tests/bench/match-speed.ts [--reps 7] [--probes 2000]: 1:N match time (lib/match-timing.ts, the bench's own
// measure) at 50, 300, 1,000 and 3,000 enrolled, for 'mean' and 'best' (one photo per person, and 'best' with three),
// with the default engine's descriptors. Prints the median over the repetitions of wall and CPU ms per match: the
// machine is shared, so one run says little and CPU time is the steadier figure.
import { parseArgs } from 'node:util';
import { matchTimings, type MatchTimingOptions } from './lib/match-timing';
import { percentile } from './lib/stats';

const { values } = parseArgs({ options: { reps: { type: 'string', default: '7' }, probes: { type: 'string', default: '2000' } } });
const reps = Number(values.reps);
const probes = Number(values.probes);
const sizes = [50, 300, 1000, 3000];
const cases: Record<string, MatchTimingOptions> = {
  mean: { overrides: { strategy: 'mean' } },
  best: { overrides: { strategy: 'best' } },
  'best, 3 photos': { overrides: { strategy: 'best' }, photos: 3 },
};

for (const [name, options] of Object.entries(cases)) {
  matchTimings(sizes, 200, options); // warm the JIT before anything counts
  const runs = Array.from({ length: reps }, () => matchTimings(sizes, probes, options));
  const median: Record<string, number> = {};
  for (const key of Object.keys(runs[0]!)) median[key] = percentile(runs.map((r) => r[key]!).sort((a, b) => a - b), 50);
  console.log(`${name} (median of ${reps} runs × ${probes} matches): ${JSON.stringify(median)}`);
}
