// Copies of an enrollment photo: how far a check-in frame's face patch lies from the nearest enrolled photo's patch
// (frame-pixels.alignedPatch, as services/thumbnail-copy.ts compares them) for frames made from the thumbnail or the
// aligned crop (copies) and for frames of the same person's other photos (genuine). Sets COPY_BOUND.
// Each person is enrolled with photos 2 and 3 through extractEnrollment, as the roster import does.
//   npx tsx tests/bench/copy-bound.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getEngine, frameEngineName, DEFAULT_ENGINE } from '../../server/face/engines';
import { extractEnrollment } from '../../server/face/enroll';
import { alignedPatch, decodePatch, greyPixels, meanAbsDiff } from '../../server/face/frame-pixels';
import { COPY_BOUND } from '../../server/services/thumbnail-copy';
import { FACES_DIR, headTurnFrames, heldUp } from '../helpers/fake-camera';

const PEOPLE = ['wu_yi', 'zhu_rongji', 'yao_ming', 'jackie_chan', 'michelle_kwan', 'hu_jintao', 'zhang_ziyi'];
const engine = getEngine(DEFAULT_ENGINE);
const frames = getEngine(frameEngineName(DEFAULT_ENGINE));

const rows: Array<{ who: string; kind: 'copy' | 'genuine'; distance: number }> = [];
for (const who of PEOPLE) {
  const enrolled = [];
  for (const n of [2, 3]) {
    const r = await extractEnrollment(engine, readFileSync(join(FACES_DIR, who, `${n}.jpg`)), `${who}/${n}.jpg`);
    if (r.ok) enrolled.push(r);
  }
  const patches = enrolled.map((e) => decodePatch(e.copyPatch));
  const distance = async (jpeg: Buffer) => {
    const [face] = await frames.detect(jpeg);
    const pixels = await greyPixels(jpeg);
    return face && pixels ? Math.min(...patches.map((p) => meanAbsDiff(p, alignedPatch(pixels, face.landmarks)))) : null;
  };
  // One attempt = the frames the check compares (face-checkin-service: frontal and back); its distance is their nearest.
  const copies: Buffer[][] = [];
  for (const e of enrolled) {
    copies.push([await heldUp(e.thumbnail)], [await heldUp(e.thumbnail, 30)]);
    for (const source of [e.thumbnail, e.aligned!]) {
      const turn = await headTurnFrames(source, 'left', 1).catch(() => null);
      if (turn) copies.push([turn.frontal, turn.back]);
    }
  }
  const genuine: Buffer[][] = [];
  for (const other of readdirSync(join(FACES_DIR, who)).filter((f) => f !== '2.jpg' && f !== '3.jpg')) {
    const turn = await headTurnFrames(`${who}/${other}`, 'right', 2).catch(() => null);
    if (turn) genuine.push([turn.frontal, turn.back]);
  }
  for (const [kind, attempts] of [['copy', copies], ['genuine', genuine]] as const) {
    for (const attempt of attempts) {
      const ds = (await Promise.all(attempt.map(distance))).filter((d): d is number => d !== null);
      if (ds.length > 0) rows.push({ who, kind, distance: Math.min(...ds) });
    }
  }
}

const of = (kind: 'copy' | 'genuine') => rows.filter((r) => r.kind === kind).sort((a, b) => a.distance - b.distance);
const copies = of('copy');
const genuine = of('genuine');
const show = (r: (typeof rows)[number]) => `${r.distance.toFixed(2)} ${r.who}`;
console.log(`${PEOPLE.length} people, each enrolled with photos 2 and 3; patch distance to the nearest enrolled photo`);
console.log(`copies (${copies.length} attempts from thumbnails and aligned crops): lowest ${copies[0]!.distance.toFixed(2)}, highest ${copies.slice(-3).reverse().map(show).join(', ')}`);
console.log(`genuine (${genuine.length} attempts from the same people's other photos): lowest ${genuine.slice(0, 6).map(show).join(', ')}`);
console.log(`at COPY_BOUND ${COPY_BOUND}: copies let through ${copies.filter((r) => r.distance >= COPY_BOUND).length} / ${copies.length}, genuine attempts taken for copies ${genuine.filter((r) => r.distance < COPY_BOUND).length} / ${genuine.length}`);
