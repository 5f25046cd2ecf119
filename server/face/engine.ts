// The one interface the rest of the server sees for face work. Engines (face-api, human, ...) implement it;
// enrollment, check-in matching and the evaluation command all go through it, so what is measured is what runs.
import type { Image } from '@napi-rs/canvas';

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface DetectedFace {
  box: FaceBox;
  /** face-api's 68 landmarks (iBUG order, 0-based) in pixels of the image: alignment and head-pose checks use them. */
  landmarks: Point[];
  /** Detector confidence, 0..1. */
  score: number;
  /** Unit-free descriptor of the engine's model; compare only descriptors of the same `model`. */
  descriptor: Float32Array;
  /** ArcFace-style engines: RGBA pixels of the face warped onto the 112×112 template (align.ts), kept at enrollment. */
  aligned?: Uint8ClampedArray;
  /** ArcFace-style engines: length of the raw embedding before it was scaled to unit length. */
  embeddingNorm?: number;
}

export interface FaceEngine {
  /** Stable id of the descriptor model, stored beside every descriptor (e.g. 'faceapi-frnet-128'). */
  readonly model: string;
  /** Descriptor length this model produces. */
  readonly dimensions: number;
  /** Descriptors are unit length and compare by cosine: galleries rescale each person's mean (matcher.ts). */
  readonly unitLength?: boolean;
  /** Loads models from node_modules (never from the network). Safe to call more than once. */
  init(): Promise<void>;
  /** Every face found in an encoded image (JPEG/PNG), each with its descriptor. */
  detect(image: Buffer): Promise<DetectedFace[]>;
  /** detect() on an image the caller already decoded (check-in frames are decoded once for several checks). */
  detectDecoded?(decoded: Image): Promise<DetectedFace[]>;
  /**
   * Faces of an enrollment photo, given as its bytes and as decoded by the caller (enroll.ts decodes once for the
   * check and the thumbnail). An engine may find them by a faster path than detect() as long as checkPhoto's verdict
   * stays the same; without this method enrollment calls detect().
   */
  detectEnrollment?(image: Buffer, decoded: Image): Promise<DetectedFace[]>;
  /**
   * Engines whose input is an aligned crop: the descriptor of a stored crop (enroll.ts keeps one per photo), so a
   * model change re-describes deputies without their photos.
   */
  describeCrop?(crop: Buffer): Promise<Float32Array>;
  /** Engines whose input is an aligned crop: the descriptor of ALIGNED_PX-square RGBA pixels (a mirrored face, seen-faces.ts). */
  describeRgba?(rgba: Uint8ClampedArray): Promise<{ descriptor: Float32Array; norm: number }>;
}
