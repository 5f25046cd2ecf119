// FaceEngine with an ArcFace-format embedder: face-api finds each face and its 68 landmarks, align.ts warps it onto
// the 112×112 ArcFace template, and ONNX Runtime (onnxruntime-node, its CPU binary from the npm tarball; the install
// script is off) turns the crop into a unit-length 512-d descriptor. Descriptors of unit length compare by cosine;
// the matcher's Euclidean distance is the same order: d = sqrt(2 − 2·cos) (match-defaults.ts).
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import * as ort from 'onnxruntime-node';
import { ALIGNED_PX, alignmentFor, normaliseInPlace, toInputTensor, warpAligned, type ChannelOrder } from './align.js';
import { modelSpecFromEnv, readVerifiedModel, type ArcFaceModelSpec } from './arcface-model.js';
import type { DetectedFace, FaceEngine } from './engine.js';
import { findFaces, type FoundFace } from './faceapi-engine.js';
import { ENROLL_TINY_INPUTS, tinyIsDecisive } from './photo-check.js';
import { rgbaOf } from './frame-pixels.js';

export interface ArcFaceEngineOptions {
  /** face-api detector: 'ssd' for enrollment, 'tiny' (inputSize 224) to probe as the kiosk does. */
  detector?: 'ssd' | 'tiny';
  inputSize?: number;
  /** Forces the channel order (the arcface-rgb engine); otherwise QUORUM_FACE_MODEL_CHANNELS, default bgr. */
  channels?: ChannelOrder;
  /**
   * Enrollment's detector (detectEnrollment): 'cascade' (default) runs tinyFaceDetector at ENROLL_TINY_INPUTS (320)
   * and SSD only when no tiny answer is decisive (photo-check.ts, tinyIsDecisive); 'ssd' always runs SSD (the old
   * path, for the enrollment-speed bench).
   */
  enrollDetector?: 'cascade' | 'ssd';
  env?: NodeJS.ProcessEnv;
}

/** Which detector settled an enrollment photo (detectEnrollment). */
export type EnrollDecider = `tiny${(typeof ENROLL_TINY_INPUTS)[number]}` | 'ssd';

const sessions = new Map<string, Promise<{ session: ort.InferenceSession; dimensions: number }>>();

/** One session per verified model file per process, however many engines (arcface, arcface-tiny224) share it. */
function sessionFor(spec: ArcFaceModelSpec) {
  const key = `${spec.path}#${spec.sha256}`;
  let s = sessions.get(key);
  if (!s) {
    s = (async () => {
      const bytes = readVerifiedModel(spec);
      // One thread: the server's other work (and the venue's other requests) keeps the second core.
      const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
      const out = await run(session, new Float32Array(3 * ALIGNED_PX * ALIGNED_PX)); // warm-up, and learns the size
      return { session, dimensions: out.length };
    })();
    s.catch(() => sessions.delete(key));
    sessions.set(key, s);
  }
  return s;
}

async function run(session: ort.InferenceSession, input: Float32Array): Promise<Float32Array> {
  const tensor = new ort.Tensor('float32', input, [1, 3, ALIGNED_PX, ALIGNED_PX]);
  const result = await session.run({ [session.inputNames[0]!]: tensor });
  return Float32Array.from(result[session.outputNames[0]!]!.data as Float32Array);
}

export class ArcFaceEngine implements FaceEngine {
  readonly model: string;
  readonly unitLength = true;
  readonly spec: ArcFaceModelSpec;
  private dims = 512;
  private session: ort.InferenceSession | null = null;
  private readonly detector: 'ssd' | 'tiny';
  private readonly inputSize: number;
  private readonly enrollDetector: 'cascade' | 'ssd';
  /** Enrollment photos settled by tinyFaceDetector at each input, and by SSD: the cascade's hit rates, for the bench. */
  readonly enrollDecidedBy: Record<EnrollDecider, number> = { tiny320: 0, ssd: 0 };

  constructor(options: ArcFaceEngineOptions = {}) {
    this.spec = modelSpecFromEnv(options.env ?? process.env, options.channels);
    this.model = this.spec.id;
    this.detector = options.detector ?? 'ssd';
    this.inputSize = options.inputSize ?? 224;
    this.enrollDetector = options.enrollDetector ?? 'cascade';
  }

  /** 512 for the bundled model; a venue's own model's size is known after init(). */
  get dimensions(): number {
    return this.dims;
  }

  async init(): Promise<void> {
    if (this.session) return;
    const { session, dimensions } = await sessionFor(this.spec);
    this.dims = dimensions;
    this.session = session;
  }

  async detect(image: Buffer): Promise<DetectedFace[]> {
    return this.detectDecoded(await loadImage(image));
  }

  async detectDecoded(img: Image): Promise<DetectedFace[]> {
    await this.init();
    return this.describeAll(img, await findFaces(rgbaOf(img), img.width, img.height, this.detector, this.inputSize));
  }

  /**
   * Faces of an enrollment photo, already decoded by enroll.ts. SSD alone is ~90% of an enrollment's time;
   * tinyFaceDetector at 320 is several times cheaper and, on a clear portrait, finds the same one face. Whenever
   * tiny's answer could change the verdict (no face, several, a weak or small one) SSD decides, as before: the
   * refusal rules are calibrated on SSD's scores, and SSD sees second faces tiny misses (BENCHMARKS.md "Enrollment
   * speed").
   */
  async detectEnrollment(_image: Buffer, img: Image): Promise<DetectedFace[]> {
    await this.init();
    if (this.detector !== 'ssd') return this.describeAll(img, await findFaces(rgbaOf(img), img.width, img.height, this.detector, this.inputSize));
    const rgba = rgbaOf(img);
    if (this.enrollDetector === 'cascade') {
      for (const input of ENROLL_TINY_INPUTS) {
        const tiny = await findFaces(rgba, img.width, img.height, 'tiny', input);
        if (tinyIsDecisive(tiny)) {
          this.enrollDecidedBy[`tiny${input}`]++;
          return this.describeAll(img, tiny);
        }
      }
    }
    this.enrollDecidedBy.ssd++;
    return this.describeAll(img, await findFaces(rgba, img.width, img.height, 'ssd', 0));
  }

  private async describeAll(img: Image, found: readonly FoundFace[]): Promise<DetectedFace[]> {
    const faces: DetectedFace[] = [];
    for (const f of found) {
      const aligned = alignedCrop(img, f.landmarks);
      const { descriptor, norm } = await this.describeRgba(aligned);
      faces.push({ ...f, descriptor, aligned, embeddingNorm: norm });
    }
    return faces;
  }

  /** Descriptor of a stored aligned crop (ALIGNED_PX square JPEG/PNG): re-description after a model change. */
  async describeCrop(crop: Buffer): Promise<Float32Array> {
    await this.init();
    const img = await loadImage(crop);
    if (img.width !== ALIGNED_PX || img.height !== ALIGNED_PX) throw new Error(`aligned crop must be ${ALIGNED_PX}×${ALIGNED_PX}, got ${img.width}×${img.height}`);
    const canvas = createCanvas(ALIGNED_PX, ALIGNED_PX);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return (await this.describeRgba(ctx.getImageData(0, 0, ALIGNED_PX, ALIGNED_PX).data)).descriptor;
  }

  /** RGBA of an aligned crop → unit descriptor, and the raw embedding's length (non-faces measure differently). */
  async describeRgba(rgba: Uint8ClampedArray): Promise<{ descriptor: Float32Array; norm: number }> {
    await this.init();
    const descriptor = await run(this.session!, toInputTensor(rgba, this.spec));
    const norm = normaliseInPlace(descriptor);
    return { descriptor, norm };
  }
}

/** The face warped onto the ArcFace template: RGBA pixels of an ALIGNED_PX square. */
export function alignedCrop(img: Image, landmarks68: DetectedFace['landmarks']): Uint8ClampedArray {
  const canvas = createCanvas(ALIGNED_PX, ALIGNED_PX);
  const ctx = canvas.getContext('2d');
  warpAligned(ctx, img, alignmentFor(landmarks68));
  return ctx.getImageData(0, 0, ALIGNED_PX, ALIGNED_PX).data;
}
