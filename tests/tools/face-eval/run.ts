// The evaluation itself: enroll through extractEnrollment (as the roster import does), match through Gallery.match
// (as check-in does), then derive the figures. cli.ts parses arguments and prints; this returns data.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DetectedFace } from '../../../server/face/engine.js';
import { extractEnrollment } from '../../../server/face/enroll.js';
import { Gallery, type MatchOptions, type MatchStrategy } from '../../../server/face/matcher.js';
import { MIN_FACE_SCORE } from '../../../server/face/photo-check.js';
import type { CachingEngine } from './detect-cache.js';
import type { EvalSet, Groups } from './dataset.js';
import { accepted, evaluate, pairPercentiles, rank1, reportThresholds, zeroFalseAcceptPoint } from './stats.js';
import type { Labelled, OperatingPoint, Percentiles, ProbeOutcome } from './stats.js';
import { timeGallery, type MatchTiming } from './timing.js';

export interface EvalOptions {
  threshold: number;
  margin: number;
  strategy: MatchStrategy;
  gallerySizes: number[];
}

export interface GroupReport {
  identities: number;
  probes: number;
  rank1: number;
  at: OperatingPoint;
  byThreshold: { margin0: OperatingPoint[]; marginSet: OperatingPoint[] };
  zeroFalseAccepts: OperatingPoint | null;
  outcomes: ProbeOutcome[];
  same: Percentiles;
  different: Percentiles;
}

export interface EvalReport {
  identities: number;
  enrollAttempts: number;
  enrollRefused: { path: string; reason: string }[];
  msPerEnrollPhoto: number;
  detectCached: number;
  probeNoFace: string[];
  overall: GroupReport;
  groups: Record<string, GroupReport>;
  /** Probes whose real Gallery.match answer disagreed with the sweep's replay (should be 0). */
  replayMismatches: number;
  extras: { kind: string; path: string; enrollment: string; match: string }[];
  timings: MatchTiming[];
  /** Every enrolled, probe and stranger photo's descriptor (no spoofs or no-face): the impostor tail's pairs. */
  photos: Labelled[];
}

interface Enrolled {
  gallery: Gallery;
  byId: Map<number, Float32Array[]>;
  names: Map<number, string>;
  probes: { path: string; identity: string }[];
}

/** @param probeEngine makes the check-in side's descriptors (default: the enrollment engine). */
export async function runEval(
  set: EvalSet,
  groups: Groups,
  engine: CachingEngine,
  opts: EvalOptions,
  probeEngine: CachingEngine = engine,
): Promise<EvalReport> {
  const matchOpts: MatchOptions = { threshold: opts.threshold, margin: opts.margin, strategy: opts.strategy };
  const photos: Labelled[] = [];
  const enrollRefused: EvalReport['enrollRefused'] = [];
  const timing = { ms: 0, n: 0 };
  const enrolled = await enrollAll(set, groups, engine, photos, enrollRefused, timing);

  const outcomes: ProbeOutcome[] = [];
  const probeNoFace: string[] = [];
  let replayMismatches = 0;
  const check = async (path: string, kind: ProbeOutcome['kind'], identity: string, counted = true) => {
    const face = probeFace(await probeEngine.detect(await readFile(join(set.root, path))));
    if (!face) return null;
    const result = enrolled.gallery.match(face.descriptor, matchOpts);
    if (result.identityId === undefined) throw new Error('nobody was enrolled');
    const group = groups.of(kind === 'genuine' ? identity : path);
    const truth = kind === 'genuine' ? identity : null;
    const o: ProbeOutcome = { group, kind, truth, photo: path, nearest: enrolled.names.get(result.identityId)!, distance: result.distance!, secondDistance: result.secondDistance ?? null };
    if (accepted(o, opts.threshold, opts.margin) !== (result.status === 'matched')) replayMismatches++;
    if (counted) outcomes.push(o);
    if (kind !== 'other') photos.push({ identity, group, descriptor: face.descriptor });
    return { o, status: result.status, reason: result.status === 'matched' ? null : result.reason };
  };
  for (const { path, identity } of enrolled.probes) if (!(await check(path, 'genuine', identity))) probeNoFace.push(path);
  for (const path of set.strangers) if (!(await check(path, 'stranger', path))) probeNoFace.push(path);

  // Photos of nobody enrolled that a kiosk might still see: each must be refused at enrollment where it says so,
  // and must match nobody at check-in; they count as false accepts in the sweep ("others"). multi/ is only shown:
  // SOURCES.md does not say who is in those photos, and its largest face may well be someone enrolled.
  const extras: EvalReport['extras'] = [];
  const kinds = [['no-face', set.noFace], ['spoof', set.spoof], ['live', set.genuineLive], ['multi', set.multi]] as const;
  for (const [kind, paths] of kinds) {
    for (const path of paths) {
      const r = await extractEnrollment(engine, await readFile(join(set.root, path)), path);
      const c = await check(path, 'other', path, kind !== 'multi');
      const near = c ? `nearest ${c.o.nearest} at ${c.o.distance.toFixed(3)}` : '';
      const match = !c ? 'no face at check-in' : c.status === 'matched' ? `MATCHED ${near}` : `not recognised (${c.reason}; ${near})`;
      extras.push({ kind, path, enrollment: r.ok ? `accepted (score ${r.score.toFixed(2)})` : `refused: ${r.reason}`, match });
    }
  }

  const report = (group: string | null): GroupReport => {
    const os = group === null ? outcomes : outcomes.filter((o) => o.group === group);
    const ps = group === null ? photos : photos.filter((p) => p.group === group);
    const names = [...enrolled.names.values()];
    return {
      identities: names.filter((n) => group === null || groups.of(n) === group).length,
      probes: os.filter((o) => o.kind === 'genuine').length,
      rank1: rank1(os),
      at: evaluate(os, opts.threshold, opts.margin),
      byThreshold: {
        margin0: reportThresholds(opts.threshold).map((t) => evaluate(os, t, 0)),
        marginSet: reportThresholds(opts.threshold).map((t) => evaluate(os, t, opts.margin)),
      },
      zeroFalseAccepts: zeroFalseAcceptPoint(os),
      outcomes: os,
      ...pairPercentiles(ps.map((p) => ({ ...p, group: 'x' })), 'x'),
    };
  };
  const groupReports: Record<string, GroupReport> = {};
  for (const g of groups.names()) if (outcomes.some((o) => o.group === g && o.kind !== 'other')) groupReports[g] = report(g);

  const descriptors = photos.map((p) => p.descriptor);
  const timings = opts.gallerySizes.map((size) => timeGallery(enrolled.byId, descriptors, size, opts.strategy, engine.dimensions));
  return {
    identities: enrolled.byId.size,
    enrollAttempts: timing.n,
    enrollRefused,
    msPerEnrollPhoto: timing.n ? timing.ms / timing.n : NaN,
    detectCached: engine.hits,
    probeNoFace,
    overall: report(null),
    groups: groupReports,
    replayMismatches,
    extras,
    timings,
    photos,
  };
}

/** Enrolls each person's first accepted candidates; in the flat layout the candidates after them become probes. */
async function enrollAll(
  set: EvalSet,
  groups: Groups,
  engine: CachingEngine,
  photos: Labelled[],
  refused: EvalReport['enrollRefused'],
  timing: { ms: number; n: number },
): Promise<Enrolled> {
  const out: Enrolled = { gallery: new Gallery(engine.dimensions, { unitMeans: engine.unitLength }), byId: new Map(), names: new Map(), probes: [] };
  for (const [i, person] of set.identities.entries()) {
    const group = groups.of(person.name);
    const descriptors: Float32Array[] = [];
    let next = 0;
    for (; next < person.candidates.length && descriptors.length < person.enrollCount; next++) {
      const path = person.candidates[next];
      const bytes = await readFile(join(set.root, path));
      const t0 = performance.now();
      const r = await extractEnrollment(engine, bytes, path);
      timing.ms += performance.now() - t0 - engine.lastDetect.wallMs + engine.lastDetect.ms;
      timing.n++;
      if (!r.ok) {
        refused.push({ path, reason: r.reason });
        continue;
      }
      descriptors.push(r.descriptor);
      photos.push({ identity: person.name, group, descriptor: r.descriptor });
    }
    if (descriptors.length === 0) continue; // nobody enrolled: their probes are left out (refusals listed)
    const probes = person.leftoverAreProbes ? person.candidates.slice(next) : person.probes;
    out.byId.set(i + 1, descriptors);
    out.names.set(i + 1, person.name);
    out.gallery.set(i + 1, descriptors);
    out.probes.push(...probes.map((path) => ({ path, identity: person.name })));
  }
  return out;
}

/** What a check-in would use: the largest confident face (the kiosk frames one person). */
function probeFace(faces: DetectedFace[]): DetectedFace | null {
  const confident = faces.filter((f) => f.score >= MIN_FACE_SCORE);
  if (confident.length === 0) return null;
  return confident.reduce((a, b) => (b.box.width * b.box.height > a.box.width * a.box.height ? b : a));
}
