// npm run face:eval -- <folder> [options]: how well an engine + matcher settings recognise people in a photo set.
// Prints a readable summary and, as the last line, one JSON object for scripts and BENCHMARKS.md.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { DEFAULT_ENGINE, engineNames, getEngine } from '../../../server/face/engines.js';
import { DEFAULT_MATCH_OPTIONS, matchDefaultsFor } from '../../../server/face/match-defaults.js';
import type { MatchStrategy } from '../../../server/face/matcher.js';
import { matchOptionsForRoll } from '../../../server/face/roll-tail.js';
import { defaultGroupsFile, loadGroups, readEvalSet } from './dataset.js';
import { CachingEngine, cacheFileFor } from './detect-cache.js';
import { runEval } from './run.js';
import { printSummary, toJson } from './report.js';
import { printTail, tailTables } from './tail-report.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const HELP = `Usage: npm run face:eval -- <folder> [options]

Enrolls people from <folder> through the roster import's code (extractEnrollment) and checks the other photos
through check-in's matcher (Gallery.match), then reports rank-1, false accepts and rejects, distance percentiles
per group, the threshold+margin where false accepts reach zero, and match time at several gallery sizes.

Folder layouts (found automatically):
  split  enroll/<person>/*.jpg, probe/<person>/*.jpg, probe/strangers/*.jpg, optional no-face/ and spoof/
  flat   ../shared/faces as it is: <person>/*.jpg (the first K photos, in natural file-name order, are enrolled,
         the rest are probes), strangers/, no-face/, spoof/ (attacks on people not enrolled: must match nobody;
         spoof/genuine/ is skipped), multi/ (must be refused at enrollment as multiple_faces)

Options:
  --engine <name>             ${engineNames().join(' | ')} (default ${DEFAULT_ENGINE})
  --probe-engine <name>       engine for the check-in side (probes, strangers, spoofs); default: --engine. Use
                              faceapi-tiny224 for descriptors made as the kiosk makes them (tinyFaceDetector 224)
  --threshold <x>             accept distance (default: the server's for this many people, server/face/roll-tail.ts;
                              faceapi: server/face/match-defaults.ts)
  --margin <y>                required gap to the second-best person (default: the engine's; arcface ${DEFAULT_MATCH_OPTIONS.margin})
  --strategy best|mean        nearest enrolled photo, or mean of a person's photos (default ${DEFAULT_MATCH_OPTIONS.strategy})
  --enroll-per-person <k>     photos enrolled per person (flat default 1; split default all of enroll/<person>/)
  --gallery-sizes <a,b,...>   gallery sizes for match timing, padded with synthetic people (default 100,1000,3000)
  --groups <file>             identity/stranger → group labels (default tests/fixtures/face-groups.json when the
                              folder is ../shared/faces; otherwise one group 'all'). Keys are identity folder names,
                              or stranger photo paths relative to <folder> (strangers/3.jpg, probe/strangers/3.jpg)
  --no-cache                  recompute every detection (and do not write the cache)

Detections (boxes, scores, descriptors) are cached per engine in ${dirname(cacheFileFor('x'))}/<engine>.<model>.v1.json, keyed by each
image's content hash, so reruns with other thresholds, margins, strategies or K take seconds. The cache does not
notice a change of an engine's detector settings: use --no-cache after one.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      engine: { type: 'string', default: DEFAULT_ENGINE },
      'probe-engine': { type: 'string' },
      threshold: { type: 'string' },
      margin: { type: 'string' },
      strategy: { type: 'string' },
      'enroll-per-person': { type: 'string' },
      'gallery-sizes': { type: 'string', default: '100,1000,3000' },
      groups: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(HELP);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const folder = resolve(positionals[0]);
  const defaults = matchDefaultsFor(getEngine(values.engine));
  const strategy = (values.strategy ?? defaults.strategy) as MatchStrategy;
  if (strategy !== 'best' && strategy !== 'mean') throw new Error(`--strategy must be best or mean, not ${strategy}`);
  const k = values['enroll-per-person'] === undefined ? undefined : positiveInt(values['enroll-per-person'], '--enroll-per-person');
  const set = readEvalSet(folder, k);
  const options = {
    // Everyone is enrolled with k photos here: the server's threshold for k (one, or several) at this roll's size.
    threshold: number(values.threshold, serverThreshold(values.engine, set.identities.length, k ?? 1), '--threshold'),
    margin: number(values.margin, defaults.margin, '--margin'),
    strategy,
    gallerySizes: values['gallery-sizes'].split(',').filter(Boolean).map((s) => positiveInt(s, '--gallery-sizes')),
  };
  const groupsFile = values.groups ? resolve(values.groups) : defaultGroupsFile(folder, REPO_ROOT);
  const groups = loadGroups(groupsFile);
  const cached = (name: string) => {
    const inner = getEngine(name);
    return new CachingEngine(inner, values['no-cache'] ? null : cacheFileFor(inner.model, name));
  };
  const engine = cached(values.engine);
  const probeEngineName = values['probe-engine'] ?? values.engine;
  const probeEngine = probeEngineName === values.engine ? engine : cached(probeEngineName);
  if (probeEngine.model !== engine.model) {
    throw new Error(`--probe-engine ${probeEngineName} makes ${probeEngine.model} descriptors, not ${engine.model}: they cannot be compared`);
  }
  const started = performance.now();
  try {
    const report = await runEval(set, groups, engine, options, probeEngine);
    const context = {
      engine: values.engine,
      probeEngine: probeEngineName,
      model: engine.model,
      folder,
      layout: set.layout,
      enrollPerPerson: k ?? (set.layout === 'flat' ? 1 : 'all'),
      groupsFile,
      machine: `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}`,
      seconds: (performance.now() - started) / 1000,
      set,
      options,
    };
    printSummary(context, report);
    // The roll-size table needs cosines: unit-length engines only (faceapi's 128-d are not).
    const tail = engine.unitLength ? tailTables(report.photos, groups.names(), [0, options.margin]) : [];
    printTail(tail);
    console.log(JSON.stringify({ ...toJson(context, report), rollSize: tail.map(({ rows, ...fit }) => ({ ...fit, rows })) }));
  } finally {
    engine.save();
    if (probeEngine !== engine) probeEngine.save();
  }
}

/** The threshold the server uses for `enrolled` people each enrolled with k photos (roll-tail.ts; faceapi: fixed). */
function serverThreshold(engine: string, enrolled: number, k: number): number {
  const defaults = matchDefaultsFor(getEngine(engine));
  const options = getEngine(engine).unitLength ? matchOptionsForRoll(defaults, enrolled) : defaults;
  return k > 1 ? (options.thresholdSeveral ?? options.threshold) : options.threshold;
}

function number(raw: string | undefined, fallback: number, flag: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number ≥ 0, not ${raw}`);
  return n;
}

function positiveInt(raw: string, flag: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive whole number, not ${raw}`);
  return n;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
