// A FaceEngine that remembers another engine's detections on disk, so `face:eval` reruns with other thresholds take
// seconds instead of minutes of model time. Keyed by engine model id + the SHA-1 of each image's bytes: a replaced or
// edited photo is recomputed whatever its mtime says, and a copy of the set elsewhere still hits. The model id does
// not capture detector settings: after changing an engine's options, run with --no-cache.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Image } from '@napi-rs/canvas';
import type { DetectedFace, FaceEngine } from '../../../server/face/engine.js';
import { ENROLL_TINY_INPUTS, TINY_DECISIVE_PX, TINY_DECISIVE_SCORE } from '../../../server/face/photo-check.js';

const CACHE_VERSION = 1;

interface StoredFace {
  box: DetectedFace['box'];
  score: number;
  /** Absent in entries written before landmarks were kept. */
  landmarks?: DetectedFace['landmarks'];
  descriptor: number[];
}
interface StoredEntry {
  faces: StoredFace[];
  /** Model time of the original detect(), in ms, so cached runs still report it. */
  ms: number;
}

/**
 * @param engineName registry name: two engines may share a descriptor model (faceapi and faceapi-tiny224 do) and
 *   still detect differently, so each gets its own file.
 */
export function cacheFileFor(model: string, engineName?: string): string {
  const key = (engineName ? `${engineName}.${model}` : model).replace(/[^\w.-]/g, '_');
  return join(tmpdir(), 'quorum-face-eval', `${key}.v${CACHE_VERSION}.json`);
}

export class CachingEngine implements FaceEngine {
  readonly model: string;
  readonly dimensions: number;
  readonly unitLength: boolean;
  /**
   * Last detect(): ms = model time, measured now or remembered from the run that computed it; wallMs = time spent
   * in this call (a cache lookup, or warm-up + model). Callers timing a whole step use step − wallMs + ms.
   */
  lastDetect = { ms: 0, wallMs: 0, cached: false };
  hits = 0;
  misses = 0;
  private entries: Record<string, StoredEntry> = {};
  private warmedUp = false;

  constructor(
    private readonly inner: FaceEngine,
    readonly file: string | null,
  ) {
    this.model = inner.model;
    this.dimensions = inner.dimensions;
    this.unitLength = inner.unitLength ?? false;
    if (file && existsSync(file)) {
      try {
        this.entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, StoredEntry>;
      } catch {
        this.entries = {}; // a torn or foreign file: start over rather than fail the run
      }
    }
  }

  /** Models load on the first cache miss, not here: a fully cached run never pays for them. */
  async init(): Promise<void> {}

  detect(image: Buffer): Promise<DetectedFace[]> {
    return this.cached('', image, () => this.inner.detect(image));
  }

  /**
   * Enrollment's own path when the engine has one (arcface's tiny → SSD cascade), cached apart from detect()'s and
   * keyed by the cascade's settings, so a change to them is measured afresh.
   */
  detectEnrollment(image: Buffer, decoded: Image): Promise<DetectedFace[]> {
    const { inner } = this;
    if (!inner.detectEnrollment) return this.detect(image);
    return this.cached(`enroll:${ENROLL_TINY_INPUTS.join('-')}@${TINY_DECISIVE_SCORE}/${TINY_DECISIVE_PX}:`, image, () => inner.detectEnrollment!(image, decoded));
  }

  private async cached(prefix: string, image: Buffer, run: () => Promise<DetectedFace[]>): Promise<DetectedFace[]> {
    const entered = performance.now();
    const key = prefix + createHash('sha1').update(image).digest('hex');
    const hit = this.entries[key];
    if (hit) {
      this.hits++;
      this.lastDetect = { ms: hit.ms, wallMs: performance.now() - entered, cached: true };
      return hit.faces.map((f) => ({ box: f.box, score: f.score, landmarks: f.landmarks ?? [], descriptor: Float32Array.from(f.descriptor) }));
    }
    await this.inner.init();
    if (!this.warmedUp) {
      await run(); // the first inference compiles WASM kernels: keep it out of the timings
      this.warmedUp = true;
    }
    const t0 = performance.now();
    const faces = await run();
    const ms = performance.now() - t0;
    this.misses++;
    this.lastDetect = { ms, wallMs: performance.now() - entered, cached: false };
    this.entries[key] = { ms, faces: faces.map((f) => ({ box: f.box, score: f.score, landmarks: f.landmarks, descriptor: Array.from(f.descriptor) })) };
    return faces;
  }

  save(): void {
    if (!this.file || this.misses === 0) return;
    mkdirSync(join(this.file, '..'), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.entries));
    renameSync(tmp, this.file); // atomic: a parallel run never reads half a file
  }
}
