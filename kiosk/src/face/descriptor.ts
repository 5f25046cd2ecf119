// The descriptor step behind one small interface, chosen by the server's GET /api/face/config `model`, so the
// kiosk computes exactly what the server matches against. Adding a model is one
// entry in EXTRACTORS with the same detector-agnostic contract: a captured frame in, one descriptor out.
import type { FaceConfig } from '../api/kiosk-api';
import { arcfaceExtractor } from './arcface';
import { detectorOptions, loadFaceApi, MODEL_URL } from './faceapi-runtime';

export interface DescriptorExtractor {
  readonly model: string;
  readonly dimensions: number;
  /** The descriptor of the main face in the frame, or null when no face is found in it. */
  describe(frame: HTMLCanvasElement): Promise<number[] | null>;
}

/** face-api: tinyFaceDetector 224 + 68 landmarks (alignment) + faceRecognitionNet, as the server's 'faceapi-tiny224'. */
async function faceapiFrnet128(): Promise<DescriptorExtractor> {
  const faceapi = await loadFaceApi();
  await faceapi.nets.faceRecognitionNet.loadFromUri(MODEL_URL);
  // Warm the recognition net so the first deputy does not wait for its kernels to compile.
  const blank = document.createElement('canvas');
  blank.width = 150;
  blank.height = 150;
  await faceapi.computeFaceDescriptor(blank);
  return {
    model: 'faceapi-frnet-128',
    dimensions: 128,
    async describe(frame) {
      const r = await faceapi.detectSingleFace(frame, detectorOptions(faceapi)).withFaceLandmarks().withFaceDescriptor();
      return r ? Array.from(r.descriptor) : null;
    },
  };
}

const EXTRACTORS: Record<string, (config: FaceConfig) => Promise<DescriptorExtractor>> = {
  'faceapi-frnet-128': faceapiFrnet128,
};

/** arcface-<model file hash>-<input options>: every ArcFace-format model runs the one extractor, fed as the server says. */
const factoryFor = (config: FaceConfig) => EXTRACTORS[config.model] ?? (config.model.startsWith('arcface-') && config.arcface ? arcfaceExtractor : undefined);

export class UnsupportedModelError extends Error {}

const loaded = new Map<string, Promise<DescriptorExtractor>>();

export function descriptorFor(config: FaceConfig): Promise<DescriptorExtractor> {
  const factory = factoryFor(config);
  if (!factory) return Promise.reject(new UnsupportedModelError(`unsupported face model ${config.model}`));
  let p = loaded.get(config.model);
  if (!p) {
    p = factory(config).then((x) => {
      if (x.dimensions !== config.dimensions) throw new UnsupportedModelError(`${config.model}: ${x.dimensions} ≠ ${config.dimensions}`);
      return x;
    });
    p.catch(() => loaded.delete(config.model));
    loaded.set(config.model, p);
  }
  return p;
}
