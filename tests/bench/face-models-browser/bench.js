// Browser side of the face model benchmark: the kiosk's path. human's browser ESM bundle, WASM backend, models and
// .wasm files from the same local server; each photo is decoded by the browser and handed to human as a canvas,
// as a kiosk hands it a camera frame. Returns timings and the L2-normalised descriptors, so run.ts can check
// they equal the server's (a kiosk descriptor must be comparable with an enrollment descriptor).
import { Human } from '/human/human.esm.js';

async function canvasOf(url) {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d').drawImage(bitmap, 0, 0);
  return canvas;
}

function l2normalize(values) {
  const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0)) || 1;
  return values.map((v) => v / norm);
}

window.faceBench = async ({ config, images, warmup, repeats }) => {
  const t0 = performance.now();
  const human = new Human(config);
  await human.load();
  const loadMs = performance.now() - t0;
  const canvases = [];
  for (const url of images) canvases.push(await canvasOf(url));
  for (let i = 0; i < warmup; i++) await human.detect(canvases[i % canvases.length]);
  const totalMs = [];
  const descriptionMs = [];
  const results = [];
  for (let r = 0; r < repeats; r++) {
    for (const [i, canvas] of canvases.entries()) {
      const t = performance.now();
      const res = await human.detect(canvas);
      totalMs.push(performance.now() - t);
      descriptionMs.push((res.performance.description || 0) + (res.performance.mobilefacenet || 0));
      if (r === 0) {
        const face = [...res.face].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
        results.push({ image: images[i], descriptor: face?.embedding?.length ? l2normalize(face.embedding) : null });
      }
    }
  }
  return {
    backend: human.tf.getBackend(),
    wasm: { simd: human.env.wasm.simd, multithread: human.env.wasm.multithread },
    tfjs: human.tf.version_core,
    human: human.version,
    loadMs,
    totalMs,
    descriptionMs,
    results,
  };
};
window.faceBenchReady = true;
