// Enrollment speed, old path against new: every photo of ../shared/faces (people, strangers, no-face, spoof, multi)
// through extractEnrollment twice, once with SSD alone and once with the tiny → SSD cascade (arcface-engine.ts,
// detectEnrollment), alternating which goes first so the machine's load falls on both alike. No detect cache: each
// call decodes, detects, finds landmarks, aligns, embeds and makes the thumbnail, as the roster import does.
// Prints photos/s by CPU time (what one core does; the machine may be shared) and by wall time, how often the cascade
// fell back to SSD, and every photo whose verdict differs (newly refused or newly accepted).
//   npm run bench:enroll [-- <folder>]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { ArcFaceEngine } from '../../server/face/arcface-engine';
import { extractEnrollment, type EnrollmentResult } from '../../server/face/enroll';
import { readEvalSet } from '../tools/face-eval/dataset';

const folder = process.argv[2] ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces');
const set = readEvalSet(folder);
const photos = [
  ...set.identities.flatMap((i) => i.candidates),
  ...set.strangers,
  ...set.noFace,
  ...set.spoof,
  ...set.genuineLive,
  ...set.multi,
];

const portraits = new Set(set.identities.flatMap((i) => i.candidates)); // what a roster holds: one person's photos
const portraitCascade = { cpuMs: 0, n: 0 };
const paths = { old: new ArcFaceEngine({ enrollDetector: 'ssd' }), cascade: new ArcFaceEngine({ enrollDetector: 'cascade' }) };
type PathName = keyof typeof paths;
const totals: Record<PathName, { cpuMs: number; wallMs: number }> = { old: { cpuMs: 0, wallMs: 0 }, cascade: { cpuMs: 0, wallMs: 0 } };
const verdict = (r: EnrollmentResult) => (r.ok ? 'ok' : r.reason);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed(name: PathName, bytes: Buffer, rel: string): Promise<EnrollmentResult> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const r = await extractEnrollment(paths[name], bytes, rel);
  totals[name].wallMs += performance.now() - t0;
  totals[name].cpuMs += cpuMs() - c0;
  return r;
}

// Warm-up on the first photo (model loading, WASM compilation), not counted.
const first = readFileSync(join(set.root, photos[0]!));
for (const name of ['old', 'cascade'] as const) await extractEnrollment(paths[name], first, photos[0]!);
for (const t of Object.values(totals)) Object.assign(t, { cpuMs: 0, wallMs: 0 });
for (const k of Object.keys(paths.cascade.enrollDecidedBy) as Array<keyof typeof paths.cascade.enrollDecidedBy>) paths.cascade.enrollDecidedBy[k] = 0;

const load = loadavg()[0]!;
const differs: string[] = [];
const cosines: number[] = []; // cascade's descriptor against SSD's, photos both accept: tiny's box feeds the landmarks
for (const [i, rel] of photos.entries()) {
  const bytes = readFileSync(join(set.root, rel));
  const order: PathName[] = i % 2 === 0 ? ['old', 'cascade'] : ['cascade', 'old'];
  const r = {} as Record<PathName, EnrollmentResult>;
  for (const name of order) {
    const c0 = totals[name].cpuMs;
    r[name] = await timed(name, bytes, rel);
    if (name === 'cascade' && portraits.has(rel)) Object.assign(portraitCascade, { cpuMs: portraitCascade.cpuMs + totals.cascade.cpuMs - c0, n: portraitCascade.n + 1 });
  }
  if (r.old.ok && r.cascade.ok) cosines.push(r.old.descriptor.reduce((sum, v, k) => sum + v * (r.cascade as { descriptor: Float32Array }).descriptor[k]!, 0));
  if (verdict(r.old) !== verdict(r.cascade)) differs.push(`${rel}: ${verdict(r.old)} → ${verdict(r.cascade)}`);
}

const n = photos.length;
const row = (name: PathName) => {
  const t = totals[name];
  return `| ${name === 'old' ? 'SSD alone (before)' : 'tiny 320 → SSD cascade'} | ${(t.cpuMs / n).toFixed(0)} | ${((1000 * n) / t.cpuMs).toFixed(1)} | ${(t.wallMs / n).toFixed(0)} | ${((1000 * n) / t.wallMs).toFixed(1)} |`;
};
console.log(`${n} photos of ${set.root}; load average at start ${load.toFixed(1)} (${loadavg()[0]!.toFixed(1)} at end)`);
console.log('| enrollment path | CPU ms/photo | photos/s (CPU) | wall ms/photo | photos/s (wall) |');
console.log('|---|---|---|---|---|');
console.log(row('old'));
console.log(row('cascade'));
console.log(`cascade on the ${portraitCascade.n} identity photos alone (a roster's kind of photo): ${(portraitCascade.cpuMs / portraitCascade.n).toFixed(0)} CPU ms/photo, ${((1000 * portraitCascade.n) / portraitCascade.cpuMs).toFixed(1)} photos/s`);
const by = paths.cascade.enrollDecidedBy;
console.log(`cascade: settled by tinyFaceDetector at 320: ${by.tiny320}; by SSD: ${by.ssd}`);
cosines.sort((a, b) => a - b);
const mean = cosines.reduce((a, b) => a + b, 0) / cosines.length;
console.log(`descriptor cosine, cascade vs SSD, ${cosines.length} photos both accept: mean ${mean.toFixed(4)}, lowest ${cosines[0]?.toFixed(4)}, 5th percentile ${cosines[Math.floor(cosines.length / 20)]?.toFixed(4)}`);
console.log(differs.length === 0 ? 'verdicts: identical on every photo' : `verdicts differ on ${differs.length}:\n  ${differs.join('\n  ')}`);
