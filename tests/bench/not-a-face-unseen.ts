// Issue 23 point 3 on images the `not_a_face` rules were NOT fitted on or chosen with (not-a-face.ts used tuxpaint,
// opencv-doc, Noto emoji and drawn cartoons): scikit-image's sample data (python3-skimage: chelsea the cat, a horse
// silhouette, the astronaut and the cameraman as human controls, objects) and pysiogame's drawings (art4apps animals,
// people, jobs, actions, body; match-the-animals cards; memory cards; the rest). Per kind: how many reach the look
// rules (a confident face, large enough, alone: enrollment would take it but for them) and how many checkPhoto
// refuses as not_a_face; each face that reaches them is listed with its figures (landmark shape, jaw, painted share),
// and its aligned crop written to --out for looking at. Drawings are laid on a light grey ground, as a photo.
//   mkdir -p /tmp/nf2 && cd /tmp/nf2 && apt-get download python3-skimage pysiogame && for f in *.deb; do dpkg-deb -x $f x; done
//   npx tsx tests/bench/not-a-face-unseen.ts [/tmp/nf2/x] [--out /tmp/nf2/crops]
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createCanvas, ImageData, loadImage } from '@napi-rs/canvas';
import { ArcFaceEngine } from '../../server/face/arcface-engine';
import { ALIGNED_PX } from '../../server/face/align';
import type { DetectedFace } from '../../server/face/engine';
import { faceShapeDistance } from '../../server/face/face-shape';
import { alignedJawWidth, checkPhoto, MAX_PAINTED_SHARE, MIN_FACE_SCORE } from '../../server/face/photo-check';
import { paintedShare } from '../../server/face/face-looks';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1]! : null;
const root = args.find((a, i) => !a.startsWith('--') && i !== outAt + 1) ?? '/tmp/nf2/x';
const engine = new ArcFaceEngine({ enrollDetector: 'ssd' });
if (out) mkdirSync(out, { recursive: true });

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.(png|jpe?g)$/i.test(n) ? [p] : [];
  });

/** A drawing (often a transparent PNG) on a plain light background, as a photo would be, at most 640 px. */
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

function kindOf(path: string): string {
  if (/skimage/.test(path)) return /astronaut|camera/.test(path) ? 'skimage human photos (control)' : /chelsea|horse/.test(path) ? 'skimage animals' : 'skimage objects';
  if (/schemes\//.test(path)) return 'skip';
  if (/art4apps\/animals|match_animals|\/fish\//.test(path)) return 'animal drawings (pysiogame)';
  if (/art4apps\/(people|jobs|actions|body|sport)/.test(path)) return 'people drawings (pysiogame)';
  return 'other drawings (pysiogame)';
}

const rows: Array<{ kind: string; name: string; face: DetectedFace | null; verdict: string }> = [];
const paths = [...walk(join(root, 'usr/lib/python3/dist-packages/skimage/data')), ...walk(join(root, 'usr/share/games/pysiogame/res/images'))];
for (const path of paths) {
  const kind = kindOf(path);
  if (kind === 'skip') continue;
  const bytes = await flatten(readFileSync(path)).catch(() => null);
  if (!bytes) continue;
  const found = await engine.detect(bytes);
  const verdict = checkPhoto(found);
  const reaches = verdict.ok || verdict.reason === 'not_a_face';
  const side = (f: DetectedFace) => Math.min(f.box.width, f.box.height);
  const face = reaches ? found.filter((f) => f.score >= MIN_FACE_SCORE).reduce((a, b) => (side(b) > side(a) ? b : a)) : null;
  rows.push({ kind, name: relative(root, path), face, verdict: verdict.ok ? 'TAKEN' : verdict.reason });
  if (face && out && face.aligned) {
    const c = createCanvas(ALIGNED_PX, ALIGNED_PX);
    c.getContext('2d').putImageData(new ImageData(face.aligned, ALIGNED_PX, ALIGNED_PX), 0, 0);
    writeFileSync(join(out, `${verdict.ok ? 'TAKEN' : 'refused'}-${kind.split(' ')[0]}-${basename(path).replace(/\.\w+$/, '')}.png`), await c.encode('png'));
  }
}

console.log('| kind | images | reach the look rules | refused as not_a_face | taken |');
console.log('|---|---|---|---|---|');
for (const kind of [...new Set(rows.map((r) => r.kind))]) {
  const of = rows.filter((r) => r.kind === kind);
  const reach = of.filter((r) => r.face).length;
  console.log(`| ${kind} | ${of.length} | ${reach} | ${of.filter((r) => r.verdict === 'not_a_face').length} | ${of.filter((r) => r.verdict === 'TAKEN').length} |`);
}
console.log('\nfaces that reach the rules:');
for (const r of rows.filter((r) => r.face)) {
  const f = r.face!;
  console.log(`  ${r.verdict.padEnd(10)} shape ${faceShapeDistance(f.landmarks).toFixed(1).padStart(5)}  jaw ${alignedJawWidth(f).toFixed(1).padStart(5)}  painted ${paintedShare(f.aligned).toFixed(3)} (> ${MAX_PAINTED_SHARE} refused)  score ${f.score.toFixed(2)}  ${r.kind}: ${r.name}`);
}
