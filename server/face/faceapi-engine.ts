// FaceEngine on @vladmandic/face-api in Node with tfjs's WASM backend: SSD MobileNet v1 finds the faces, the 68-point
// landmark net aligns each one, faceRecognitionNet makes the 128-d descriptor. Also findFaces, the detection half that
// the arcface engine uses: face-api's detector and landmark nets on ONNX Runtime (faceapi-onnx.ts,
// faceapi-pipeline.ts), or on tfjs as face-api runs them, the reference it is tested against. Model files and .wasm binaries are
// read from node_modules (the venue LAN has no internet); images are decoded with @napi-rs/canvas because
// tfjs-node, which would decode them natively, cannot install here (see DESIGN.md, "What was measured").
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { rgbaOf } from './frame-pixels.js';
import type { DetectedFace, FaceEngine } from './engine.js';
import { moveToOnnx, runNet, ssdAnchors, type FaceApiNets } from './faceapi-onnx.js';
import { faceCrop, LANDMARK_SIDE, placeLandmarks, squareInput, ssdDetections, SSD_SIDE, tinyDetections, type Detection } from './faceapi-pipeline.js';

const require = createRequire(import.meta.url);

/** The slice of face-api's node-wasm build this engine uses (its .d.ts pulls in tfjs-node types we lack). */
interface FaceApi {
  tf: {
    setWasmPaths(prefix: string): void;
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    tensor3d(values: Int32Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
  };
  nets: Record<NetName, { loadFromDisk(dir: string): Promise<void> }>;
  SsdMobilenetv1Options: new (opts: { minConfidence: number; maxResults: number }) => object;
  TinyFaceDetectorOptions: new (opts: { inputSize: number; scoreThreshold: number }) => { inputSize: number };
  detectAllFaces(input: unknown, options: object): {
    withFaceLandmarks(): PromiseLike<FaceApiLandmarks[]> & { withFaceDescriptors(): Promise<FaceApiResult[]> };
  };
}
export type NetName = 'ssdMobilenetv1' | 'tinyFaceDetector' | 'faceLandmark68Net' | 'faceRecognitionNet';
interface FaceApiLandmarks {
  detection: { score: number; box: { x: number; y: number; width: number; height: number } };
  landmarks: { positions: Array<{ x: number; y: number }> };
}
interface FaceApiResult extends FaceApiLandmarks {
  descriptor: Float32Array;
}

/**
 * Detector floor. Lower than face-api's usual 0.5 on purpose: enrollment (photo-check.ts) wants to see a weak face so
 * it can say "unclear face" rather than "no face", and to refuse a photo with a second, weaker face in it.
 */
export const FACEAPI_MIN_CONFIDENCE = 0.3;
const MAX_FACES = 10;

export interface FaceApiEngineOptions {
  /**
   * 'ssd' (SSD MobileNet v1, the server's enrollment detector) or 'tiny' (tinyFaceDetector, what the kiosk runs in
   * the browser; used by face:eval to probe with kiosk-like descriptors). Both feed the same landmark and
   * recognition nets, so their descriptors are comparable and share one model id.
   */
  detector?: 'ssd' | 'tiny';
  /** tinyFaceDetector input size (multiple of 32); the kiosk uses 224 (DESIGN.md). */
  inputSize?: number;
}

let runtime: Promise<FaceApi> | null = null;
const nets = new Map<NetName, Promise<void>>();

/** face-api and the WASM backend, once per process however many engines ask. */
function loadRuntime(): Promise<FaceApi> {
  runtime ??= (async () => {
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    faceapi.tf.setWasmPaths(wasmDir + '/');
    await faceapi.tf.setBackend('wasm');
    await faceapi.tf.ready();
    return faceapi;
  })().catch((err: unknown) => {
    runtime = null; // let a later init() retry instead of caching the failure forever
    throw err;
  });
  return runtime;
}

/** face-api with the named nets loaded (shared by the engine and the test camera's face finder). */
export async function faceApiWith(names: readonly NetName[]): Promise<FaceApi> {
  const faceapi = await loadRuntime();
  for (const name of names) await loadNet(faceapi, name);
  return faceapi;
}

function loadNet(faceapi: FaceApi, name: NetName): Promise<void> {
  let loading = nets.get(name);
  if (!loading) {
    const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    loading = faceapi.nets[name].loadFromDisk(modelDir).catch((err: unknown) => {
      nets.delete(name);
      throw err;
    });
    nets.set(name, loading);
  }
  return loading;
}

export class FaceApiEngine implements FaceEngine {
  readonly model = 'faceapi-frnet-128';
  readonly dimensions = 128;
  private readonly detector: 'ssd' | 'tiny';
  private readonly inputSize: number;
  private faceapi: FaceApi | null = null;

  constructor(options: FaceApiEngineOptions = {}) {
    this.detector = options.detector ?? 'ssd';
    this.inputSize = options.inputSize ?? 224;
  }

  async init(): Promise<void> {
    if (this.faceapi) return;
    const detectorNet = this.detector === 'ssd' ? 'ssdMobilenetv1' : 'tinyFaceDetector';
    this.faceapi = await faceApiWith([detectorNet, 'faceLandmark68Net', 'faceRecognitionNet']);
  }

  async detect(image: Buffer): Promise<DetectedFace[]> {
    await this.init();
    const faceapi = this.faceapi!;
    const input = await decodeToTensor(faceapi, image);
    try {
      const results = await faceapi.detectAllFaces(input, detectorOptions(faceapi, this.detector, this.inputSize)).withFaceLandmarks().withFaceDescriptors();
      return results.map((r) => ({ ...foundFace(r), descriptor: r.descriptor })).sort((a, b) => b.score - a.score);
    } finally {
      input.dispose();
    }
  }
}

/**
 * Loads the detector and landmark nets and their ONNX sessions now. Done lazily, the first import or check-in after
 * a start stalled the event loop for 3–5 s (weights read, models built); the server does it right after it listens,
 * a step at a time, so the stall is once at start, before any clerk has an import running.
 */
export async function warmFaceNets(): Promise<void> {
  const faceapi = await faceApiWith(['tinyFaceDetector', 'ssdMobilenetv1', 'faceLandmark68Net']);
  const nets = faceapi.nets as unknown as FaceApiNets;
  const breathe = () => new Promise((r) => setImmediate(r)); // lets waiting requests in between the steps
  for (const name of ['tinyFaceDetector', 'ssdMobilenetv1', 'faceLandmark68Net'] as const) {
    await breathe();
    await moveToOnnx(nets, name);
  }
  // A few runs each on a blank photo: a session's first run sets itself up, and the input code is compiled, not
  // interpreted, by the time a real photo comes (hundreds of ms each the first time).
  const [width, height] = [640, 480];
  const blank = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < 3; i++) {
    for (const [name, side] of [['tinyFaceDetector', 320], ['ssdMobilenetv1', SSD_SIDE], ['faceLandmark68Net', LANDMARK_SIDE]] as const) {
      await runNet(name, side, (input) => squareInput(blank, width, height, side, name === 'faceLandmark68Net', undefined, input));
    }
  }
}

/** A face as face-api's detector and landmark net see it, before any descriptor. */
export type FoundFace = Omit<DetectedFace, 'descriptor'>;

/**
 * Faces with their 68 landmarks in an RGBA image, best score first: the detection half of this engine, shared with
 * engines that describe faces with another model (arcface-engine.ts). Loads the detector and landmark nets.
 */
export async function findFaces(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  detector: 'ssd' | 'tiny',
  inputSize: number,
  runtime: 'onnx' | 'tfjs' = 'onnx',
): Promise<FoundFace[]> {
  const detectorNet = detector === 'ssd' ? 'ssdMobilenetv1' : 'tinyFaceDetector';
  const faceapi = await faceApiWith([detectorNet, 'faceLandmark68Net']);
  if (runtime === 'tfjs') return findFacesTfjs(faceapi, rgba, width, height, detector, inputSize);
  const nets = faceapi.nets as unknown as FaceApiNets;
  await moveToOnnx(nets, detectorNet);
  await moveToOnnx(nets, 'faceLandmark68Net');
  let detections: Detection[];
  if (detector === 'tiny') {
    // face-api's own options read the size: 0 means its default 416, one not divisible by 32 is refused.
    const side = new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: FACEAPI_MIN_CONFIDENCE }).inputSize;
    const [grid] = await runNet('tinyFaceDetector', side, (input) => squareInput(rgba, width, height, side, false, undefined, input));
    detections = tinyDetections(grid!, side, width, height, FACEAPI_MIN_CONFIDENCE);
  } else {
    const [encodings, logits] = await runNet('ssdMobilenetv1', SSD_SIDE, (input) => squareInput(rgba, width, height, SSD_SIDE, false, undefined, input));
    detections = ssdDetections(encodings!, logits!, ssdAnchors(nets), width, height, FACEAPI_MIN_CONFIDENCE, MAX_FACES);
  }
  const faces: FoundFace[] = [];
  for (const { box, score } of detections) {
    const crop = faceCrop(box, width, height);
    if (crop.width <= 0 || crop.height <= 0) continue; // no pixels to read landmarks from: the face is dropped (face-api drops the crop but then pairs the remaining landmarks with the wrong boxes)
    const [points] = await runNet('faceLandmark68Net', LANDMARK_SIDE, (input) => squareInput(rgba, width, height, LANDMARK_SIDE, true, crop, input));
    faces.push({ box, score, landmarks: placeLandmarks(points!, crop, box) });
  }
  return faces.sort((a, b) => b.score - a.score);
}

/** findFaces as face-api does it all on tfjs (runtime 'tfjs'): what the ONNX path is compared against. */
async function findFacesTfjs(faceapi: FaceApi, rgba: Uint8ClampedArray, width: number, height: number, detector: 'ssd' | 'tiny', inputSize: number): Promise<FoundFace[]> {
  const input = rgbaTensor(faceapi, rgba, width, height);
  try {
    const results = await faceapi.detectAllFaces(input, detectorOptions(faceapi, detector, inputSize)).withFaceLandmarks();
    return results.map(foundFace).sort((a, b) => b.score - a.score);
  } finally {
    input.dispose();
  }
}

function detectorOptions(faceapi: FaceApi, detector: 'ssd' | 'tiny', inputSize: number): object {
  return detector === 'ssd'
    ? new faceapi.SsdMobilenetv1Options({ minConfidence: FACEAPI_MIN_CONFIDENCE, maxResults: MAX_FACES })
    : new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: FACEAPI_MIN_CONFIDENCE });
}

function foundFace(r: FaceApiLandmarks): FoundFace {
  const b = r.detection.box;
  return {
    box: { x: b.x, y: b.y, width: b.width, height: b.height },
    score: r.detection.score,
    landmarks: r.landmarks.positions.map((p) => ({ x: p.x, y: p.y })),
  };
}

/** JPEG/PNG bytes → int32 RGB tensor [height, width, 3]; face-api crops faces for landmarks and descriptors from it. */
async function decodeToTensor(faceapi: FaceApi, bytes: Buffer) {
  const img = await loadImage(bytes);
  return rgbaTensor(faceapi, rgbaOf(img), img.width, img.height);
}

/** RGBA pixels → the int32 RGB tensor face-api takes. */
export function rgbaTensor(faceapi: FaceApi, rgba: Uint8ClampedArray, width: number, height: number) {
  const rgb = new Int32Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return faceapi.tf.tensor3d(rgb, [height, width, 3], 'int32');
}
