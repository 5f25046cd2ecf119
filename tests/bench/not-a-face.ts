// Is the face enrollment would take a human's? For every photo of ../shared/faces and for non-human images the rules
// were not fitted on, prints per kind how many reach the `not_a_face` rules (a confident face, large enough, alone)
// and how many each rule refuses: the aligned jaw width (MAX_ALIGNED_JAW_PX, fitted on the one cat of no-face/) and
// the distance from the human landmark shape (MAX_FACE_SHAPE_DISTANCE, face-shape.ts). `--fit` first fits the shape
// model on the even-indexed people of ../shared/faces (the others, strangers and spoof photos are held out) and
// rewrites server/face/face-shape-model.ts.
// Non-human images (none in the repository): Debian's tuxpaint-stamps-default (animal photos; cartoons, toys, drawn
// smileys, Halloween and Easter drawings; every other stamp as "objects"), opencv-doc's sample data, emoji faces of
// fonts-noto-color-emoji (animals; smileys and drawn people), and cartoon faces drawn here (lib/drawn-faces.ts):
//   cd /tmp/nf && apt-get download tuxpaint-stamps-default opencv-doc fonts-noto-color-emoji && for f in *.deb; do dpkg-deb -x $f x; done
//   npx tsx tests/bench/not-a-face.ts [--fit] [/tmp/nf/x]
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { ArcFaceEngine } from '../../server/face/arcface-engine';
import type { DetectedFace, Point } from '../../server/face/engine';
import { faceShapeDistance } from '../../server/face/face-shape';
import { alignedJawWidth, checkPhoto, MAX_ALIGNED_JAW_PX, MAX_FACE_SHAPE_DISTANCE, MIN_FACE_SCORE } from '../../server/face/photo-check';
import { readEvalSet } from '../tools/face-eval/dataset';
import { ANIMAL_EMOJI, drawnFaces, emojiFaces, HUMAN_EMOJI } from './lib/drawn-faces';
import { fitShapeModel, shapeModelSource } from './lib/shape-fit';

const args = process.argv.slice(2);
const fit = args.includes('--fit');
const extra = args.find((a) => !a.startsWith('--')) ?? '/tmp/nf/x';
const faces = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces');
const engine = new ArcFaceEngine({ enrollDetector: 'ssd' });

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.(png|jpe?g)$/i.test(n) ? [p] : [];
  });

/** A stamp (transparent PNG) on a plain background, as a photo would be, at most 640 px. */
async function flatten(bytes: Buffer): Promise<Buffer> {
  const img = await loadImage(bytes);
  const scale = Math.min(1, 640 / Math.max(img.width, img.height));
  const c = createCanvas(Math.round(img.width * scale) + 80, Math.round(img.height * scale) + 80);
  const g = c.getContext('2d');
  g.fillStyle = '#e8e8e8';
  g.fillRect(0, 0, c.width, c.height);
  g.drawImage(img, 40, 40, img.width * scale, img.height * scale);
  return c.encode('jpeg', 90);
}

/** The face the look rules judge, or null when enrollment refuses the photo before them (no face, too small…). */
async function judged(bytes: Buffer): Promise<DetectedFace | null> {
  const found = await engine.detect(bytes);
  const verdict = checkPhoto(found);
  if (!verdict.ok && verdict.reason !== 'not_a_face') return null;
  const side = (f: DetectedFace) => Math.min(f.box.width, f.box.height);
  return found.filter((f) => f.score >= MIN_FACE_SCORE).reduce((a, b) => (side(b) > side(a) ? b : a));
}

const rows: Array<{ kind: string; name: string; face: DetectedFace | null }> = [];
const add = async (kind: string, name: string, bytes: Promise<Buffer> | Buffer) => rows.push({ kind, name, face: await judged(await bytes) });
const set = readEvalSet(faces);
for (const [n, person] of set.identities.entries()) {
  for (const rel of person.candidates) await add(n % 2 === 0 ? 'people (fitted on)' : 'people (held out)', rel, readFileSync(join(set.root, rel)));
}
if (fit) {
  const shapes: Point[][] = rows.filter((r) => r.kind === 'people (fitted on)' && r.face).map((r) => r.face!.landmarks);
  writeFileSync(resolve(import.meta.dirname, '..', '..', 'server', 'face', 'face-shape-model.ts'), shapeModelSource(fitShapeModel(shapes, 8)));
  console.log(`fitted the shape model on ${shapes.length} faces; run again without --fit to measure with it`);
  process.exit(0);
}

for (const rel of set.strangers) await add('strangers (held out)', rel, readFileSync(join(set.root, rel)));
for (const rel of [...set.spoof, ...set.genuineLive]) await add('spoof photos (held out)', rel, readFileSync(join(set.root, rel)));
for (const rel of set.noFace) await add('no-face/ (cat, coffee, landscapes)', rel, readFileSync(join(set.root, rel)));
for (const path of walk(join(extra, 'usr/share/tuxpaint/stamps'))) {
  const kind = /animals/.test(path) && !/cartoon|toys/.test(path)
    ? 'animal photos (tuxpaint)'
    : /animals|seasonal\/(easter|halloween)|symbols\/faces|people\/cartoon/.test(path) ? 'drawings (tuxpaint)' : 'objects (tuxpaint)';
  await add(kind, relative(extra, path), flatten(readFileSync(path)));
}
for (const path of walk(join(extra, 'usr/share/doc/opencv-doc/examples/data'))) await add('opencv-doc samples', relative(extra, path), readFileSync(path));
for (const [i, bytes] of (await drawnFaces(40)).entries()) await add('cartoon faces drawn here', `drawn-${i}`, bytes);
const emojiFont = join(extra, 'usr/share/fonts/truetype/noto/NotoColorEmoji.ttf');
for (const [i, bytes] of (await emojiFaces(emojiFont, ANIMAL_EMOJI)).entries()) await add('emoji animal faces (Noto)', ANIMAL_EMOJI[i]!, bytes);
for (const [i, bytes] of (await emojiFaces(emojiFont, HUMAN_EMOJI)).entries()) await add('emoji human faces and smileys (Noto)', HUMAN_EMOJI[i]!, bytes);

const range = (xs: number[]) => (xs.length ? `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}` : '—');
console.log(`rules: jaw > ${MAX_ALIGNED_JAW_PX} px, shape distance > ${MAX_FACE_SHAPE_DISTANCE}\n`);
console.log('| kind | images | reach the look rules | shape distance | jaw px | refused by jaw | by shape | by either |');
console.log('|---|---|---|---|---|---|---|---|');
for (const kind of [...new Set(rows.map((r) => r.kind))]) {
  const of = rows.filter((r) => r.kind === kind);
  const judgedFaces = of.flatMap((r) => (r.face ? [r.face] : []));
  const jaw = judgedFaces.map((f) => alignedJawWidth(f));
  const shape = judgedFaces.map((f) => faceShapeDistance(f.landmarks));
  const byJaw = jaw.filter((j) => j > MAX_ALIGNED_JAW_PX).length;
  const byShape = shape.filter((d) => d > MAX_FACE_SHAPE_DISTANCE).length;
  const either = judgedFaces.filter((_, i) => jaw[i]! > MAX_ALIGNED_JAW_PX || shape[i]! > MAX_FACE_SHAPE_DISTANCE).length;
  console.log(`| ${kind} | ${of.length} | ${judgedFaces.length} | ${range(shape)} | ${range(jaw)} | ${byJaw} | ${byShape} | ${either} |`);
}
console.log('\nnon-human faces that reach the rules:');
for (const r of rows.filter((r) => r.face && !/people|strangers|spoof/.test(r.kind))) {
  const d = faceShapeDistance(r.face!.landmarks);
  const j = alignedJawWidth(r.face!);
  const verdict = j > MAX_ALIGNED_JAW_PX || d > MAX_FACE_SHAPE_DISTANCE ? 'refused' : 'TAKEN';
  console.log(`  ${verdict.padEnd(7)} shape ${d.toFixed(1).padStart(5)}  jaw ${j.toFixed(1).padStart(5)}  score ${r.face!.score.toFixed(2)}  ${r.name}`);
}
