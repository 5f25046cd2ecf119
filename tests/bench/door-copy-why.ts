// Issue 23 point 2: which copy check refuses a genuine person's different photo as `thumbnail_copy`, and what each
// check sees of real copies. Per person of ../shared/faces with 3+ photos: enrolled from photos 1–2 (extractEnrollment,
// as the import); genuine = frames the fake camera makes from photo 3 (headTurnFrames, as door-per-person); with
// --copies also copies of the enrolled photos as copy-bound.ts makes them (thumbnail held up, shifted; thumbnail and
// aligned crop warped into a turn; each also with pixel noise σ 10 / 20 / 30). Per attempt (frontal and back frames):
// the embedding check's figure (seen-faces.ts: highest cosine of the faces and their mirror images to the enrolled
// descriptors, a copy at ≥ COPY_COSINE) and the grey-patch check's (thumbnail-copy.ts: smallest pooled patch
// difference, a copy under COPY_BOUND). Copies each check lets through are listed as they come.
//   npx tsx tests/bench/door-copy-why.ts [--copies] [name ...]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { getEngine, DEFAULT_ENGINE, frameEngineName } from '../../server/face/engines';
import { extractEnrollment, type EnrollmentResult } from '../../server/face/enroll';
import { alignedPatch, decodePatch, greyOf, meanAbsDiff, pooledPatch } from '../../server/face/frame-pixels';
import { COPY_COSINE, faceLikeness, mirroredDescriptor } from '../../server/services/seen-faces';
import { COPY_BOUND } from '../../server/services/thumbnail-copy';
import { headTurnFrames, heldUp, noised } from '../helpers/fake-camera';
import { readEvalSet } from '../tools/face-eval/dataset';

const args = process.argv.slice(2);
const withCopies = args.includes('--copies');
const only = args.filter((a) => !a.startsWith('--'));
const root = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces');
const who = readEvalSet(root).identities.filter((p) => p.candidates.length >= 3 && (only.length === 0 || only.includes(p.name)));
const engine = getEngine(DEFAULT_ENGINE);
const frameEngine = getEngine(frameEngineName(DEFAULT_ENGINE));
type Enrolled = Extract<EnrollmentResult, { ok: true }>;

/** The two checks' figures for one attempt's frames (null: no face in any). */
async function look(enrolled: Enrolled[], jpegs: Buffer[]): Promise<{ cos: number; patch: number } | null> {
  const probes: Float32Array[] = [];
  let patch = Infinity;
  const refs = enrolled.map((e) => pooledPatch(decodePatch(e.copyPatch)));
  for (const jpeg of jpegs) {
    const [face] = await frameEngine.detect(jpeg);
    if (!face) continue;
    probes.push(face.descriptor);
    const m = await mirroredDescriptor(frameEngine, face);
    if (m) probes.push(m);
    const seen = pooledPatch(alignedPatch(greyOf(await loadImage(jpeg)), face.landmarks));
    for (const r of refs) patch = Math.min(patch, meanAbsDiff(r, seen));
  }
  return probes.length ? { cos: faceLikeness(probes, enrolled.map((e) => e.descriptor)), patch } : null;
}

async function copiesOf(enrolled: Enrolled[]): Promise<Array<[string, Buffer[]]>> {
  const plain: Array<[string, Buffer[]]> = [];
  for (const e of enrolled) {
    plain.push(['held up', [await heldUp(e.thumbnail)]], ['held up, shifted', [await heldUp(e.thumbnail, 30)]]);
    for (const [name, source] of [['thumbnail', e.thumbnail], ['aligned crop', e.aligned!]] as const) {
      const turn = await headTurnFrames(source, 'left', 1).catch(() => null);
      if (turn) plain.push([`${name} turned`, [turn.frontal, turn.back]]);
    }
  }
  const out = [...plain];
  for (const sigma of [10, 20, 30]) for (const [k, js] of plain) out.push([`${k} + noise ${sigma}`, await Promise.all(js.map((j, i) => noised(j, sigma, i + 1)))]);
  return out;
}

const verdict = (f: { cos: number; patch: number }) => (f.cos >= COPY_COSINE ? 'embedding' : f.patch < COPY_BOUND ? 'patch' : 'none');
const tally = { genuine: new Map<string, number>(), copy: new Map<string, number>() };
const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const patchOnlyCopies: number[] = [];
for (const p of who) {
  const enrolled: Enrolled[] = [];
  for (const path of p.candidates.slice(0, 2)) {
    const r = await extractEnrollment(engine, readFileSync(join(root, path)), path);
    if (r.ok) enrolled.push(r);
  }
  const f = await headTurnFrames(p.candidates[2]!, 'left', 500).catch(() => null);
  const g = f && (await look(enrolled, [f.frontal, f.back]));
  if (g) {
    add(tally.genuine, verdict(g));
    const mark = verdict(g) === 'embedding' || verdict(g) === 'patch' ? 'COPY' : '    ';
    console.log(`${mark} ${p.name.padEnd(24)} ${p.candidates[2]}  embedding cos ${g.cos.toFixed(3)}   patch ${g.patch.toFixed(3)}  → ${verdict(g)}`);
  } else add(tally.genuine, 'no frames');
  if (!withCopies) continue;
  for (const [kind, jpegs] of await copiesOf(enrolled)) {
    const c = await look(enrolled, jpegs);
    if (!c) continue;
    add(tally.copy, verdict(c));
    if (c.cos < COPY_COSINE && c.patch < COPY_BOUND) patchOnlyCopies.push(c.cos);
    if (verdict(c) === 'patch') console.log(`     copy only the patch catches: ${p.name} ${kind}: cos ${c.cos.toFixed(3)} patch ${c.patch.toFixed(3)}`);
    if (verdict(c) === 'none') console.log(`     copy let through: ${p.name} ${kind}: cos ${c.cos.toFixed(3)} patch ${c.patch.toFixed(3)} → ${verdict(c)}`);
  }
}
const show = (m: Map<string, number>) => [...m].map(([k, n]) => `${k} ${n}`).join(', ');
console.log(`\nCOPY_COSINE ${COPY_COSINE}, COPY_BOUND ${COPY_BOUND}`);
console.log(`genuine photo 3 (${who.length} people), refused by: ${show(tally.genuine)}`);
if (withCopies) {
  patchOnlyCopies.sort((a, b) => a - b);
  console.log(`copies, refused by: ${show(tally.copy)}`);
  console.log(`copies only the patch catches (${patchOnlyCopies.length}): embedding cos ${patchOnlyCopies[0]?.toFixed(3)}–${patchOnlyCopies.at(-1)?.toFixed(3)}; lowest ten ${patchOnlyCopies.slice(0, 10).map((c) => c.toFixed(3)).join(' ')}`);
}
