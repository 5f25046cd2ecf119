// face-api's detection and landmarks on ONNX Runtime against face-api itself on tfjs's WASM backend: every photo of
// ../shared/faces through findFaces both ways, for each detector the server uses (tiny 320 for enrollment, tiny 224
// for check-in frames, SSD for enrollment's fall-back). Prints CPU ms per photo each way and the largest difference
// in faces found, box, score and landmark. Every threshold was calibrated on face-api's output, so the two must agree.
//   npx tsx tests/bench/faceapi-onnx.ts [-- <folder>] [--every N]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadImage } from '@napi-rs/canvas';
import { findFaces, type FoundFace } from '../../server/face/faceapi-engine';
import { readEvalSet } from '../tools/face-eval/dataset';
import { rgbaOf } from '../../server/face/frame-pixels';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { every: { type: 'string', default: '1' } } });
const set = readEvalSet(positionals[0] ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces'));
const all = [...set.identities.flatMap((i) => i.candidates), ...set.strangers, ...set.noFace, ...set.spoof, ...set.genuineLive, ...set.multi];
const rels = all.filter((_, i) => i % Number(values.every) === 0);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const images: Array<{ rel: string; rgba: Uint8ClampedArray; width: number; height: number }> = [];
for (const rel of rels) {
  const img = await loadImage(readFileSync(join(set.root, rel)));
  images.push({ rel, rgba: rgbaOf(img), width: img.width, height: img.height });
}

async function pass(detector: 'tiny' | 'ssd', size: number, runtime: 'onnx' | 'tfjs') {
  const found: FoundFace[][] = [];
  const c0 = cpuMs();
  for (const im of images) found.push(await findFaces(im.rgba, im.width, im.height, detector, size, runtime));
  return { found, ms: (cpuMs() - c0) / images.length };
}

console.log(`${images.length} photos of ${set.root}`);
console.log('| detector + 68 landmarks | tfjs CPU ms/photo | ONNX Runtime CPU ms/photo | photos with another face count | max box Δ px | max score Δ | max landmark Δ px |');
console.log('|---|---|---|---|---|---|---|');
for (const [detector, size] of [['tiny', 320], ['tiny', 224], ['ssd', 0]] as const) {
  await pass(detector, size, 'tfjs'); // warm-up: models, WASM, sessions
  await pass(detector, size, 'onnx');
  const tfjs = await pass(detector, size, 'tfjs');
  const onnx = await pass(detector, size, 'onnx');
  let counts = 0;
  let box = 0;
  let score = 0;
  let landmark = 0;
  tfjs.found.forEach((t, i) => {
    const o = onnx.found[i]!;
    if (t.length !== o.length) return void counts++;
    t.forEach((f, k) => {
      const g = o[k]!;
      box = Math.max(box, ...(['x', 'y', 'width', 'height'] as const).map((key) => Math.abs(f.box[key] - g.box[key])));
      score = Math.max(score, Math.abs(f.score - g.score));
      f.landmarks.forEach((p, j) => (landmark = Math.max(landmark, Math.hypot(p.x - g.landmarks[j]!.x, p.y - g.landmarks[j]!.y))));
    });
  });
  const name = detector === 'ssd' ? 'SSD MobileNet v1' : `tinyFaceDetector ${size}`;
  console.log(`| ${name} | ${tfjs.ms.toFixed(1)} | ${onnx.ms.toFixed(1)} | ${counts} | ${box.toExponential(1)} | ${score.toExponential(1)} | ${landmark.toExponential(1)} |`);
}
