// Passive anti-spoof score of a face (fr_liveness.onnx from faceplugin-face-recognition-js, bundled-models.ts; a MiniVision-style
// silent liveness net) on onnxruntime-node. Information for the reviewer, stored with each check-in: it decides
// nothing until it has been measured on real attacks (BENCHMARKS.md "Anti-spoof score"; README says so).
// Its input, read from the model and the package's own code: [1, 3, 128, 128] float32, raw 0–255 pixel values, the
// face box enlarged 2.7× (kept inside the image) and resized to 128×128; output: 3 logits, softmaxed. Measured here:
// it separates the package's few screen/print attacks only with channels in B, G, R order (as OpenCV reads images;
// the package's browser code feeds R, G, B), and the live class is index 0 (the package's own score_arr[0]).
import { createRequire } from 'node:module';
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import { readVerifiedModel } from './arcface-model.js';
import { BUNDLED_LIVENESS_MODEL } from './bundled-models.js';
import type { FaceBox } from './engine.js';

const require = createRequire(import.meta.url);
const SIDE = 128;
const BOX_SCALE = 2.7;
export const LIVE_CLASS = 0;

type Ort = typeof import('onnxruntime-node');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;
let session: Promise<{ ort: Ort; s: Session }> | null = null;

function load(): Promise<{ ort: Ort; s: Session }> {
  session ??= (async () => {
    const ort = require('onnxruntime-node') as Ort;
    const model = readVerifiedModel(BUNDLED_LIVENESS_MODEL);
    return { ort, s: await ort.InferenceSession.create(model, { intraOpNumThreads: 1 }) };
  })().catch((err: unknown) => {
    session = null;
    throw err;
  });
  return session;
}

/** The package's crop: the box scaled by 2.7 about its centre (less if the image is smaller), shifted inside. */
export function livenessCrop(box: FaceBox, width: number, height: number): FaceBox {
  const scale = Math.min((height - 1) / box.height, (width - 1) / box.width, BOX_SCALE);
  const w = box.width * scale;
  const h = box.height * scale;
  const x = Math.min(Math.max(box.x + box.width / 2 - w / 2, 0), width - 1 - w);
  const y = Math.min(Math.max(box.y + box.height / 2 - h / 2, 0), height - 1 - h);
  return { x, y, width: w, height: h };
}

/**
 * Live-class probability (0..1) of the face in the box, from the image's bytes or the image already decoded; `order`
 * is for measuring only. Null when it cannot run.
 */
export async function antispoofScore(image: Buffer | Image, box: FaceBox, order: 'bgr' | 'rgb' = 'bgr', liveClass = LIVE_CLASS): Promise<number | null> {
  try {
    const { ort, s } = await load();
    const img = Buffer.isBuffer(image) ? await loadImage(image) : image;
    const crop = livenessCrop(box, img.width, img.height);
    const canvas = createCanvas(SIDE, SIDE);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, crop.x, crop.y, crop.width, crop.height, 0, 0, SIDE, SIDE);
    const rgba = ctx.getImageData(0, 0, SIDE, SIDE).data;
    const plane = SIDE * SIDE;
    const input = new Float32Array(3 * plane);
    const channels = order === 'bgr' ? [2, 1, 0] : [0, 1, 2];
    for (let i = 0; i < plane; i++) for (let c = 0; c < 3; c++) input[c * plane + i] = rgba[i * 4 + channels[c]!]!;
    const out = await s.run({ input: new ort.Tensor('float32', input, [1, 3, SIDE, SIDE]) });
    const logits = Array.from(out.output!.data as Float32Array);
    const max = Math.max(...logits);
    const exp = logits.map((v) => Math.exp(v - max));
    return exp[liveClass]! / exp.reduce((a, b) => a + b, 0);
  } catch {
    return null; // information only: a missing runtime must never stop a check-in
  }
}
