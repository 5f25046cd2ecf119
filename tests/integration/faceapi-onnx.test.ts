// face-api's nets on ONNX Runtime (faceapi-onnx.ts, faceapi-pipeline.ts) against face-api itself on tfjs, on real
// photos: the same faces, boxes, scores and 68 landmarks. Every threshold of enrollment and check-in was calibrated
// on face-api's output, so "faster" may not mean "different".
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { faceApiWith, findFaces, rgbaTensor, type FoundFace } from '../../server/face/faceapi-engine.js';
import { squareInput } from '../../server/face/faceapi-pipeline.js';
import { OnnxGraph } from '../../server/face/onnx-graph.js';

const faces = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'faces');
/** Portraits (East Asian and others, small and large), group photos, an animal, an empty scene, spoofs. */
const PHOTOS = ['hu_jintao/1.jpg', 'wu_yi/2.jpg', 'ai_sugiyama/1.jpg', 'barack_obama/1.jpg', 'kit_harington/1.jpg', 'multi/1.jpg', 'multi/3.jpg', 'no-face/animal_cat.jpg', 'no-face/landscape_1.jpg', 'spoof/print_1.jpg'];

/** A photo's RGBA, or the part [sx, sy, sw, sh] of it drawn onto a width × height canvas. */
async function rgbaOf(rel: string, part?: { sx: number; sy: number; sw: number; sh: number; width: number; height: number }) {
  const img = await loadImage(readFileSync(resolve(faces, rel)));
  const [width, height] = part ? [part.width, part.height] : [img.width, img.height];
  const ctx = createCanvas(width, height).getContext('2d');
  if (part) ctx.drawImage(img, part.sx, part.sy, part.sw, part.sh, 0, 0, width, height);
  else ctx.drawImage(img, 0, 0);
  return { rgba: ctx.getImageData(0, 0, width, height).data, width, height };
}

function expectSameFaces(onnx: FoundFace[], tfjs: FoundFace[]) {
  expect(onnx.length).toBe(tfjs.length);
  onnx.forEach((f, i) => {
    const t = tfjs[i]!;
    expect(f.score).toBeCloseTo(t.score, 4);
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(f.box[k] - t.box[k])).toBeLessThan(0.01);
    f.landmarks.forEach((p, j) => expect(Math.hypot(p.x - t.landmarks[j]!.x, p.y - t.landmarks[j]!.y)).toBeLessThan(0.01));
  });
}

describe('face-api on ONNX Runtime', () => {
  for (const [detector, inputSize] of [['tiny', 320], ['tiny', 224], ['ssd', 0]] as const) {
    it(`finds what face-api finds: ${detector}${inputSize || ''}`, async () => {
      let found = 0;
      for (const rel of PHOTOS) {
        const { rgba, width, height } = await rgbaOf(rel);
        const onnx = await findFaces(rgba, width, height, detector, inputSize, 'onnx');
        const tfjs = await findFaces(rgba, width, height, detector, inputSize, 'tfjs');
        expectSameFaces(onnx, tfjs);
        found += onnx.length;
      }
      expect(found).toBeGreaterThanOrEqual(8); // not a vacuous comparison: most photos have a face, the groups several
    }, 120_000);
  }

  it('crops the landmark net\'s input as face-api does when the SSD box spans the whole image height', async () => {
    // A close-up filling a 249-px square: SSD's box is clipped to rows 0–249. face-api takes the box through
    // relative coordinates before cropping, and 249 × (1 / 249) × 249 floors to 248 rows; with a 249-row crop the
    // landmarks moved by up to 5 px.
    const { rgba, width, height } = await rgbaOf('deepface_p04/1.jpg', { sx: 93.33, sy: 155.9, sw: 300.79, sh: 180.47, width: 249, height: 249 });
    const onnx = await findFaces(rgba, width, height, 'ssd', 0, 'onnx');
    expect(onnx.map((f) => [f.box.y, f.box.y + f.box.height])).toEqual([[0, 249]]); // the case itself, not a near miss
    expectSameFaces(onnx, await findFaces(rgba, width, height, 'ssd', 0, 'tfjs'));
  }, 60_000);

  it('takes the tiny detector\'s input size as face-api does: 0 is its default 416, 100 is refused', async () => {
    const { rgba, width, height } = await rgbaOf('multi/1.jpg');
    const onnx = await findFaces(rgba, width, height, 'tiny', 0, 'onnx');
    expect(onnx.length).toBeGreaterThan(0);
    expectSameFaces(onnx, await findFaces(rgba, width, height, 'tiny', 0, 'tfjs'));
    await expect(findFaces(rgba, width, height, 'tiny', 100, 'tfjs')).rejects.toThrow(/divisible by 32/);
    await expect(findFaces(rgba, width, height, 'tiny', 100, 'onnx')).rejects.toThrow(/divisible by 32/);
  }, 60_000);

  it('pads and resizes a net\'s input as face-api does (NetInput.toBatchTensor), to float32 rounding', async () => {
    const faceapi = await faceApiWith([]);
    const { NetInput } = faceapi as unknown as { NetInput: new (inputs: unknown[]) => { toBatchTensor(side: number, centred: boolean): { dataSync(): Float32Array; dispose(): void } } };
    // A door frame to the tiny detector's 224 and SSD's 512, face crops (odd, upscaled) to the landmark net's 112.
    for (const [width, height, side, centred] of [[640, 478, 224, false], [333, 251, 512, false], [249, 248, 112, true], [97, 131, 112, true]] as const) {
      const rgba = Uint8ClampedArray.from({ length: width * height * 4 }, (_, i) => (i * 2654435761) >>> 24); // noise: sharp edges everywhere
      const tensor = rgbaTensor(faceapi, rgba, width, height);
      const batch = new NetInput([tensor]).toBatchTensor(side, centred);
      const theirs = batch.dataSync();
      const ours = squareInput(rgba, width, height, side, centred);
      let worst = 0;
      for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - theirs[i]!));
      batch.dispose();
      tensor.dispose();
      expect(worst, `${width}×${height} → ${side}`).toBeLessThan(1e-4); // float32's last bit at 255 is 1.5e-5
    }
  });

  it('writes ONNX models that ONNX Runtime runs (a graph of two nodes)', async () => {
    const g = new OnnxGraph();
    const x = g.input('image', ['batch', 3]);
    const y = g.node('LeakyRelu', [g.node('Sub', [x, g.weight(Float32Array.of(1, 2, 3), [3])])], { alpha: { float: 0.5 } });
    g.output(y, ['batch', 3]);
    const session = await ort.InferenceSession.create(g.model('test'));
    const out = await session.run({ image: new ort.Tensor('float32', Float32Array.of(2, 2, 2), [1, 3]) });
    expect(Array.from(out[session.outputNames[0]!]!.data as Float32Array)).toEqual([1, 0, -0.5]);
  });
});
