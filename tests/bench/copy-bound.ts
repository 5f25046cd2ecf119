// Copies of an enrollment photo: how far a check-in frame's face patch lies from the nearest enrolled photo's patch
// (frame-pixels.alignedPatch pooled to 8×8, as services/thumbnail-copy.ts compares them) for frames made from the
// thumbnail or the aligned crop (copies; also with pixel noise added, as an attacker would) and for frames of the same
// person's other photos (genuine). Sets COPY_BOUND.
// Each person is enrolled with photos 2 and 3 through extractEnrollment, as the roster import does.
// --legacy compares with the thumbnail's patch instead, as the check does for enrollments made before migration 0008.
//   npx tsx tests/bench/copy-bound.ts [-- --legacy]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getEngine, frameEngineName, DEFAULT_ENGINE } from '../../server/face/engines';
import { extractEnrollment, type EnrollmentResult } from '../../server/face/enroll';
import { alignedPatch, decodePatch, greyPixels, meanAbsDiff, pooledPatch } from '../../server/face/frame-pixels';
import { COPY_BOUND, thumbnailCopyPatch } from '../../server/services/thumbnail-copy';
import { ARCFACE_MIN_COSINE, ARCFACE_MIN_COSINE_SEVERAL } from '../../server/face/match-defaults';
import { FACES_DIR, headTurnFrames, heldUp, noised } from '../helpers/fake-camera';

const PEOPLE = ['wu_yi', 'zhu_rongji', 'yao_ming', 'jackie_chan', 'michelle_kwan', 'hu_jintao', 'zhang_ziyi'];
const engine = getEngine(DEFAULT_ENGINE);
const frames = getEngine(frameEngineName(DEFAULT_ENGINE));

type Kind = 'copy' | 'noise 10' | 'noise 20' | 'noise 30' | 'genuine';
const rows: Array<{ who: string; kind: Kind; distance: number; recognised: boolean }> = [];
for (const who of PEOPLE) {
  const enrolled: Array<Extract<EnrollmentResult, { ok: true }>> = [];
  for (const n of [2, 3]) {
    const r = await extractEnrollment(engine, readFileSync(join(FACES_DIR, who, `${n}.jpg`)), `${who}/${n}.jpg`);
    if (r.ok) enrolled.push(r);
  }
  const legacy = process.argv.includes('--legacy') ? await thumbnailCopyPatch(frames, enrolled[0]!.thumbnail) : null;
  const patches = (legacy ? [legacy] : enrolled.map((e) => decodePatch(e.copyPatch))).map((p) => pooledPatch(p));
  // The deputy's template as the matcher sees it (mean of the enrolled descriptors, unit length) and its threshold.
  const mean = enrolled[0]!.descriptor.map((_, i) => enrolled.reduce((sum, e) => sum + e.descriptor[i]!, 0));
  const norm = Math.hypot(...mean);
  const minCos = enrolled.length > 1 ? ARCFACE_MIN_COSINE_SEVERAL : ARCFACE_MIN_COSINE;
  const look = async (jpeg: Buffer) => {
    const [face] = await frames.detect(jpeg);
    const pixels = await greyPixels(jpeg);
    if (!face || !pixels) return null;
    const distance = Math.min(...patches.map((p) => meanAbsDiff(p, pooledPatch(alignedPatch(pixels, face.landmarks)))));
    return { distance, recognised: face.descriptor.reduce((sum, v, i) => sum + v * mean[i]!, 0) / norm >= minCos };
  };
  // One attempt = the frames the check compares (face-checkin-service: frontal and back); its distance is their nearest.
  const copies: Buffer[][] = [];
  // Legacy rows had one thumbnail and no crops: the only pictures an attacker could have copied.
  for (const e of legacy ? enrolled.slice(0, 1) : enrolled) {
    copies.push([await heldUp(e.thumbnail)], [await heldUp(e.thumbnail, 30)]);
    for (const source of legacy ? [e.thumbnail] : [e.thumbnail, e.aligned!]) {
      const turn = await headTurnFrames(source, 'left', 1).catch(() => null);
      if (turn) copies.push([turn.frontal, turn.back]);
    }
  }
  const genuine: Buffer[][] = [];
  for (const other of readdirSync(join(FACES_DIR, who)).filter((f) => f !== '2.jpg' && f !== '3.jpg')) {
    const turn = await headTurnFrames(`${who}/${other}`, 'right', 2).catch(() => null);
    if (turn) genuine.push([turn.frontal, turn.back]);
  }
  const noisy: Array<[Kind, Buffer[][]]> = [];
  for (const sigma of [10, 20, 30] as const) {
    noisy.push([`noise ${sigma}`, await Promise.all(copies.map((attempt) => Promise.all(attempt.map((j, k) => noised(j, sigma, k + 1)))))]);
  }
  for (const [kind, attempts] of [['copy', copies], ...noisy, ['genuine', genuine]] as Array<[Kind, Buffer[][]]>) {
    for (const attempt of attempts) {
      const seen = (await Promise.all(attempt.map(look))).filter((d) => d !== null);
      if (seen.length > 0) rows.push({ who, kind, distance: Math.min(...seen.map((d) => d.distance)), recognised: seen[0]!.recognised });
    }
  }
}

const of = (kind: Kind) => rows.filter((r) => r.kind === kind).sort((a, b) => a.distance - b.distance);
const show = (r: (typeof rows)[number]) => `${r.distance.toFixed(2)} ${r.who}`;
console.log(`${PEOPLE.length} people, each enrolled with photos 2 and 3; 8×8 patch distance to ${process.argv.includes('--legacy') ? "the thumbnail's patch (legacy rows)" : 'the nearest enrolled photo'}`);
for (const kind of ['copy', 'noise 10', 'noise 20', 'noise 30'] as const) {
  const list = of(kind);
  console.log(`${kind === 'copy' ? 'copies' : `copies + ${kind}`} (${list.length} attempts): ${list[0]!.distance.toFixed(2)}–${list.at(-1)!.distance.toFixed(2)}; let through at COPY_BOUND ${COPY_BOUND}: ${list.filter((r) => r.distance >= COPY_BOUND).length}, of which recognised as the deputy: ${list.filter((r) => r.distance >= COPY_BOUND && r.recognised).length}`);
}
const genuine = of('genuine');
console.log(`genuine (${genuine.length} attempts from the same people's other photos): lowest ${genuine.slice(0, 6).map(show).join(', ')}; taken for copies at COPY_BOUND: ${genuine.filter((r) => r.distance < COPY_BOUND).length}`);
