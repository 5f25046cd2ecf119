// Engine registry: one name per descriptor model, so the server, the roster import and `npm run face:eval -- --engine`
// pick engines the same way. To add an engine, add one entry; keep factories lazy (a factory must not load models).
import type { FaceEngine } from './engine.js';
import { ArcFaceEngine } from './arcface-engine.js';
import { FaceApiEngine } from './faceapi-engine.js';

export const DEFAULT_ENGINE = 'arcface';

export const ENGINE_FACTORIES: Record<string, () => FaceEngine> = {
  // ArcFace-format embedder (QUORUM_FACE_MODEL, default the bundled MobileFaceNet) on face-api's detector and landmarks.
  arcface: () => new ArcFaceEngine(),
  // The same model fed R,G,B (as its package's own JS does): measured worse (BENCHMARKS.md), kept for face:eval.
  'arcface-rgb': () => new ArcFaceEngine({ channels: 'rgb' }),
  // The kiosk's detector on the arcface model, for `face:eval --probe-engine`: not for enrollment.
  'arcface-tiny224': () => new ArcFaceEngine({ detector: 'tiny', inputSize: 224 }),
  // A smaller detector input for door frames, measured and not adopted: it misses more faces than 224 (BENCHMARKS.md).
  'arcface-tiny160': () => new ArcFaceEngine({ detector: 'tiny', inputSize: 160 }),
  // tinyFaceDetector alone at a larger input, tried for enrollment speed: 4× faster than SSD but it refuses 7
  // enrollment photos of ../shared/faces that SSD accepts, so enrollment runs tiny only as the first step of a cascade
  // that leaves every unclear case to SSD (arcface-engine.ts detectEnrollment; BENCHMARKS.md "Enrollment speed").
  'arcface-tiny416': () => new ArcFaceEngine({ detector: 'tiny', inputSize: 416 }),
  faceapi: () => new FaceApiEngine(),
  // The kiosk's detector on the same descriptor model, for `face:eval --probe-engine`: not for enrollment.
  'faceapi-tiny224': () => new FaceApiEngine({ detector: 'tiny', inputSize: 224 }),
};

/**
 * The engine that reads camera frames at check-in: the same descriptor model with the kiosk's detector
 * (tinyFaceDetector 224). A kiosk frame is one close face, where the tiny detector is ~4× cheaper than SSD, and
 * face:eval measured its probes within 1 point of SSD's (BENCHMARKS.md "Recognition v2", --probe-engine).
 * Enrollment photos keep SSD (the tiny detector refuses some ID photos). Engines not listed read frames themselves.
 */
const FRAME_ENGINE_OF: Record<string, string> = { arcface: 'arcface-tiny224', faceapi: 'faceapi-tiny224' };

export function frameEngineName(engine: string): string {
  return FRAME_ENGINE_OF[engine] ?? engine;
}

const instances = new Map<string, FaceEngine>();

/** The process-wide engine of that name (default 'arcface'); created on first use, models loaded by its init(). */
export function getEngine(name: string = DEFAULT_ENGINE): FaceEngine {
  let engine = instances.get(name);
  if (!engine) {
    const factory = ENGINE_FACTORIES[name];
    if (!factory) throw new Error(`unknown face engine '${name}'; known: ${engineNames().join(', ')}`);
    engine = factory();
    instances.set(name, engine);
  }
  return engine;
}

export function engineNames(): string[] {
  return Object.keys(ENGINE_FACTORIES);
}
