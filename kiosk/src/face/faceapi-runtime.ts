// face-api in the browser on tfjs's WASM backend (WebGL is software-only and slow in headless Chromium, see
// DESIGN.md), with the models and .wasm binaries the server itself serves: the venue LAN has no CDN.
// Loaded on demand so the pairing screen does not wait for 1.3 MB of script and 7 MB of weights.
import type * as FaceApiModule from '@vladmandic/face-api';
import type { Frame, SeenFace } from '../../../shared/face/geometry';

export type FaceApi = typeof FaceApiModule;

export const MODEL_URL = '/models/face-api/';
export const WASM_URL = '/models/tfjs-wasm/';
/** tinyFaceDetector input: 224 ran 54–99 ms per frame in headless Chromium; 416 missed close-up faces. */
export const INPUT_SIZE = 224;
export const MIN_SCORE = 0.5;

let runtime: Promise<FaceApi> | null = null;

export function loadFaceApi(): Promise<FaceApi> {
  runtime ??= (async () => {
    const faceapi = await import('@vladmandic/face-api');
    const tf = faceapi.tf as unknown as { setWasmPaths(p: string): void; setBackend(b: string): Promise<boolean>; ready(): Promise<void> };
    tf.setWasmPaths(WASM_URL);
    // WASM first; a tablet without it still works on whatever tfjs picks (WebGL on real hardware, else CPU).
    const ok = await tf.setBackend('wasm').catch(() => false);
    if (!ok) await tf.setBackend('webgl').catch(() => tf.setBackend('cpu'));
    await tf.ready();
    await Promise.all([faceapi.nets.tinyFaceDetector.loadFromUri(MODEL_URL), faceapi.nets.faceLandmark68Net.loadFromUri(MODEL_URL)]);
    return faceapi;
  })().catch((err: unknown) => {
    runtime = null;
    throw err;
  });
  return runtime;
}

export function detectorOptions(faceapi: FaceApi) {
  return new faceapi.TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: MIN_SCORE });
}

/** Every face in one image with its 68 landmarks. */
export async function detectFrame(faceapi: FaceApi, image: HTMLCanvasElement): Promise<Frame> {
  const results = await faceapi.detectAllFaces(image, detectorOptions(faceapi)).withFaceLandmarks();
  const faces: SeenFace[] = results.map((r) => ({
    box: { x: r.detection.box.x, y: r.detection.box.y, width: r.detection.box.width, height: r.detection.box.height },
    score: r.detection.score,
    landmarks: r.landmarks.positions.map((p) => ({ x: p.x, y: p.y })),
  }));
  return { width: image.width, height: image.height, faces };
}
