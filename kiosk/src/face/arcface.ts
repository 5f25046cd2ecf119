// The arcface descriptor in the browser, the same steps as the server's arcface engine: face-api's tinyFaceDetector
// and 68 landmarks, the ArcFace 5-point alignment (the server's own align.ts), and the model run by onnxruntime-web
// on WASM. The model comes from our server (the bytes it verified at start), the .wasm from this build (vite emits
// it beside the kiosk's scripts): nothing from a CDN.
import {
  ALIGNED_PX,
  alignmentFor,
  normaliseInPlace,
  toInputTensor,
  warpAligned,
  type InputNormalisation,
} from '../../../server/face/align';
import type { FaceConfig } from '../api/kiosk-api';
import { detectorOptions, loadFaceApi } from './faceapi-runtime';

type Ort = typeof import('onnxruntime-web/wasm');

/** Describes frames as the server's arcface engine (with the kiosk's detector: its 'arcface-tiny224'). */
export async function arcfaceExtractor(config: FaceConfig) {
  const input = config.arcface;
  if (!input) throw new Error(`${config.model}: the server sent no arcface input options`);
  const [faceapi, ort] = await Promise.all([loadFaceApi(), import('onnxruntime-web/wasm') as Promise<Ort>]);
  ort.env.wasm.numThreads = 1; // threads need cross-origin isolation, and the tablet's other work needs a core
  const session = await ort.InferenceSession.create(input.modelUrl, { executionProviders: ['wasm'] });
  const norm: InputNormalisation = { channels: input.channels, mean: input.mean, std: input.std };
  const canvas = document.createElement('canvas');
  canvas.width = ALIGNED_PX;
  canvas.height = ALIGNED_PX;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;

  const embed = async (rgba: Uint8ClampedArray): Promise<number[]> => {
    const tensor = new ort.Tensor('float32', toInputTensor(rgba, norm), [1, 3, ALIGNED_PX, ALIGNED_PX]);
    const out = await session.run({ [session.inputNames[0]!]: tensor });
    const v = Float32Array.from(out[session.outputNames[0]!]!.data as Float32Array);
    normaliseInPlace(v);
    return Array.from(v);
  };
  await embed(new Uint8ClampedArray(ALIGNED_PX * ALIGNED_PX * 4)); // warm-up: compile before the first deputy

  return {
    model: config.model,
    dimensions: config.dimensions,
    async describe(frame: HTMLCanvasElement): Promise<number[] | null> {
      // A tensor, not the canvas: face-api resizes a canvas with the browser's drawImage but a tensor with tfjs, as on
      // the server; from a canvas the landmarks moved up to 3 px and the descriptor to cosine 0.988 of the server's.
      const input = faceapi.tf.browser.fromPixels(frame);
      let r;
      try {
        r = await faceapi.detectSingleFace(input as unknown as HTMLCanvasElement, detectorOptions(faceapi)).withFaceLandmarks();
      } finally {
        input.dispose();
      }
      if (!r) return null;
      warpAligned(ctx, frame, alignmentFor(r.landmarks.positions.map((p) => ({ x: p.x, y: p.y }))));
      return embed(ctx.getImageData(0, 0, ALIGNED_PX, ALIGNED_PX).data);
    },
  };
}
