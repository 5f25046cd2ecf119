// Copies and replays by embedding: the highest cosine between a check-in frame's face (frontal and back frames, each
// also mirrored) and (a) the deputy's enrolled photos, (b) frames of the deputy the server saw at an earlier check-in.
// Genuine: frames made from the same person's photos that are not enrolled (a live camera frame is a new picture),
// and a second sitting's frames from another photo than the first's. Attacks: the enrolled photo mirrored,
// brightened, side-lit, re-encoded, cropped, rotated, scaled; an earlier sitting's frames sent again (as they were,
// brightened by 4 grey levels, mirrored, re-encoded). Sets services/seen-faces.ts COPY_COSINE and REPLAY_COSINE.
// People of ../shared/faces with 3+ photos, enrolled from the first two (as bench:door); East Asian apart.
//   npx tsx tests/bench/copy-embedding.ts [-- --people 50]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getEngine, frameEngineName, DEFAULT_ENGINE } from '../../server/face/engines';
import { extractEnrollment } from '../../server/face/enroll';
import { readEvalSet, loadGroups, defaultGroupsFile } from '../tools/face-eval/dataset';
import { faceLikeness, mirroredDescriptor, COPY_COSINE, REPLAY_COSINE } from '../../server/services/seen-faces';
import type { DetectedFace } from '../../server/face/engine';
import { FACES_DIR, frontalFrames } from '../helpers/fake-camera';
import { photoVariants, frameVariants, type PhotoVariant, type FrameVariant } from './lib/copy-variants';

const { values } = parseArgs({ options: { people: { type: 'string', default: '50' } }, allowPositionals: true });
const REPO = resolve(import.meta.dirname, '..', '..');
const set = readEvalSet(FACES_DIR);
const groups = loadGroups(defaultGroupsFile(FACES_DIR, REPO));
const engine = getEngine(DEFAULT_ENGINE);
const frames = getEngine(frameEngineName(DEFAULT_ENGINE));

/** A frame set's faces as the server reads them: descriptor and mirrored descriptor of frontal and back. */
async function probesOf(set: { frontal: Buffer; back: Buffer }): Promise<Float32Array[] | null> {
  const out: Float32Array[] = [];
  for (const jpeg of [set.frontal, set.back]) {
    const [face] = (await frames.detect(jpeg)) as DetectedFace[];
    if (!face) return null;
    out.push(face.descriptor);
    const m = await mirroredDescriptor(frames, face);
    if (m) out.push(m);
  }
  return out;
}

type Row = { who: string; east: boolean; kind: string; cos: number };
const rows: Row[] = [];
const people = set.identities.filter((p) => p.candidates.length >= 3).slice(0, Number(values.people));
for (const [i, who] of people.entries()) {
  const east = groups.of(who.name) === 'east_asian';
  const enrolled: Float32Array[] = [];
  for (const c of who.candidates.slice(0, 2)) {
    const r = await extractEnrollment(engine, readFileSync(join(FACES_DIR, c)), c);
    if (r.ok) enrolled.push(r.descriptor);
  }
  if (enrolled.length === 0) continue;
  const add = (kind: string, probes: Float32Array[] | null, refs: Float32Array[]) => {
    if (probes) rows.push({ who: who.name, east, kind, cos: faceLikeness(probes, refs) });
  };
  // Genuine: another photo of the person at the door, against the enrolled ones.
  const sittings: Float32Array[][] = [];
  for (const c of who.candidates.slice(2, 4)) {
    const f = await frontalFrames(c, 200 + i).catch(() => null);
    const p = f && (await probesOf(f));
    add('genuine vs enrolled', p, enrolled);
    if (p) sittings.push(p.filter((_, j) => j % 2 === 0)); // the server keeps what it saw, not its mirror
  }
  if (sittings.length === 2) add('genuine 2nd sitting vs 1st', sittings[1]!, sittings[0]!);
  // Copies of the first enrolled photo.
  const photo = readFileSync(join(FACES_DIR, who.candidates[0]!));
  for (const [kind, make] of Object.entries(photoVariants) as Array<[PhotoVariant, (b: Buffer) => Promise<Buffer>]>) {
    const f = await frontalFrames(await make(photo), 300 + i).catch(() => null);
    add(`copy: ${kind}`, f && (await probesOf(f)), enrolled);
  }
  // Replays of the first genuine sitting's frames.
  const first = await frontalFrames(who.candidates[2]!, 200 + i).catch(() => null);
  if (first && sittings[0]) {
    for (const [kind, make] of Object.entries(frameVariants) as Array<[FrameVariant, (b: Buffer) => Promise<Buffer>]>) {
      add(`replay: ${kind}`, await probesOf({ frontal: await make(first.frontal), back: await make(first.back) }), sittings[0]);
    }
  }
  process.stderr.write(`${i + 1}/${people.length} ${who.name}\n`);
}

const kinds = [...new Set(rows.map((r) => r.kind))];
const fmt = (xs: number[]) => (xs.length ? `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)} (n ${xs.length})` : '–');
console.log(`${people.length} people with 3+ photos, enrolled from 2; highest cosine of frontal/back (and mirrored) to the references`);
console.log(`bounds: COPY_COSINE ${COPY_COSINE} (vs enrolled), REPLAY_COSINE ${REPLAY_COSINE} (vs frames seen)`);
for (const kind of kinds) {
  const of = (e: boolean) => rows.filter((r) => r.kind === kind && r.east === e).map((r) => r.cos);
  const bound = kind.startsWith('replay') || kind.startsWith('genuine 2nd') ? REPLAY_COSINE : COPY_COSINE;
  const all = rows.filter((r) => r.kind === kind);
  const caught = all.filter((r) => r.cos >= bound).length;
  console.log(`${kind.padEnd(28)} East Asian ${fmt(of(true)).padEnd(24)} other ${fmt(of(false)).padEnd(24)} ≥ bound: ${caught}/${all.length}`);
}
const genuine = rows.filter((r) => r.kind.startsWith('genuine')).sort((a, b) => b.cos - a.cos).slice(0, 5);
console.log(`highest genuine: ${genuine.map((r) => `${r.cos.toFixed(3)} ${r.who} (${r.kind})`).join(', ')}`);
const copies = rows.filter((r) => !r.kind.startsWith('genuine')).sort((a, b) => a.cos - b.cos).slice(0, 5);
console.log(`lowest attacks: ${copies.map((r) => `${r.cos.toFixed(3)} ${r.who} (${r.kind})`).join(', ')}`);
