// In-memory 1:N gallery of enrolled descriptors. Check-in asks "who is this?" with a distance threshold and a margin
// over the second-best person: the margin is what keeps two similar-looking deputies apart (faceRecognitionNet puts
// some different East Asian people closer than 0.4, see BENCHMARKS.md "faceapi engine").
//
// Storage is one contiguous Float32Array with each identity's rows side by side, rebuilt lazily after changes, so a
// roster import of thousands of set() calls costs one rebuild and match() allocates nothing. Each row's squared norm
// is kept beside it, so a distance is ‖p‖² + ‖r‖² − 2·p·r: one multiply-add per dimension instead of a subtract and a
// multiply-add, for unit-length and other descriptors alike. The probe is copied into a Float64Array first: reading
// it as float32 in the inner loop costs a conversion per value, and the copy is one module-level array, not a field:
// V8 (Node 20) runs the loop about 1.4× as fast over a typed array it holds as a constant. Together about half the CPU
// of the plain loop (tests/bench/match-speed.ts, BENCHMARKS.md "1:N match speed").

/** The probe as doubles during one match() (match is synchronous, so one copy serves every gallery). */
const PROBE = new Float64Array(4096);

export type MatchStrategy = 'best' | 'mean';

export interface MatchOptions {
  /** Accept only if the distance to the chosen identity is at most this (Euclidean). */
  threshold: number;
  /**
   * The threshold instead for an identity enrolled with two or more photos. A mean of several photos is a cleaner
   * template: look-alikes come closer to it as well as the person (match-defaults.ts). Default: `threshold`.
   */
  thresholdSeveral?: number;
  /** ...and the next *other* identity is at least this much farther. */
  margin: number;
  /** 'best': nearest of an identity's descriptors (default); 'mean': distance to the mean of its descriptors. */
  strategy?: MatchStrategy;
  /** Only these identities compete (e.g. the deputies expected at this sitting). */
  restrictTo?: ReadonlySet<number>;
}

export type MatchResult =
  | {
      status: 'matched';
      identityId: number;
      distance: number;
      /** Distance of the best other identity; null when no other identity competed. */
      secondDistance: number | null;
      /** secondDistance − distance; null when no other identity competed. */
      margin: number | null;
    }
  | {
      status: 'not_recognised';
      reason: 'too_far' | 'ambiguous' | 'empty_gallery';
      /** Nearest identity even though refused: for the audit log and tuning, never to be shown as a match. */
      identityId?: number;
      distance?: number;
      secondDistance?: number | null;
      margin?: number | null;
    };

export interface GalleryOptions {
  /**
   * Descriptors are unit length (ArcFace-style engines): each identity's mean is rescaled to unit length too, so
   * for 'best' and 'mean' alike the distance is sqrt(2 − 2·cos) of the probe and the person's direction.
   */
  unitMeans?: boolean;
}

export class Gallery {
  readonly dimensions: number;
  private readonly unitMeans: boolean;
  private readonly entries = new Map<number, Float32Array[]>();
  private dirty = false;
  private ids = new Float64Array(0); // identity per block (any safe integer)
  private starts = new Int32Array(0); // first row of each identity's block, plus one end sentinel
  private rows = new Float32Array(0); // every descriptor, identity blocks in order
  private means = new Float32Array(0); // one mean descriptor per identity, same order
  private rowNorms = new Float64Array(0); // squared norm of each row
  private meanNorms = new Float64Array(0); // squared norm of each mean

  constructor(dimensions: number, options: GalleryOptions = {}) {
    if (!Number.isInteger(dimensions) || dimensions <= 0 || dimensions > PROBE.length) throw new Error(`bad descriptor dimensions ${dimensions}`);
    this.dimensions = dimensions;
    this.unitMeans = options.unitMeans ?? false;
  }

  /** Replaces the identity's descriptors (several photos per person are fine); an empty list removes it. */
  set(identityId: number, descriptors: readonly Float32Array[]): void {
    if (descriptors.length === 0) {
      this.remove(identityId);
      return;
    }
    for (const d of descriptors) this.checkLength(d);
    this.entries.set(identityId, descriptors.map((d) => Float32Array.from(d)));
    this.dirty = true;
  }

  remove(identityId: number): boolean {
    const had = this.entries.delete(identityId);
    if (had) this.dirty = true;
    return had;
  }

  has(identityId: number): boolean {
    return this.entries.has(identityId);
  }

  /** Number of identities. */
  get size(): number {
    return this.entries.size;
  }

  match(probe: Float32Array, opts: MatchOptions): MatchResult {
    this.checkLength(probe);
    if (this.dirty) this.rebuild();
    const { restrictTo } = opts;
    const mean = opts.strategy === 'mean';
    const dim = this.dimensions;
    const p = PROBE;
    p.set(probe);
    const probeNorm = squaredNorm(probe, 0, dim);
    const { ids, starts, rows, means, rowNorms, meanNorms } = this; // locals: the loop need not reload them
    let bestId = -1;
    let bestK = -1;
    let best = Infinity;
    let second = Infinity;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (restrictTo && !restrictTo.has(id)) continue;
      let d: number;
      if (mean) {
        d = probeNorm + meanNorms[k] - 2 * dot(p, means, k * dim, dim);
      } else {
        d = Infinity;
        for (let r = starts[k], end = starts[k + 1]; r < end; r++) {
          const dr = probeNorm + rowNorms[r] - 2 * dot(p, rows, r * dim, dim);
          if (dr < d) d = dr;
        }
      }
      if (d < 0) d = 0; // rounding of a probe (almost) equal to the template
      if (d < best) {
        second = best;
        best = d;
        bestId = id;
        bestK = k;
      } else if (d < second) {
        second = d;
      }
    }
    if (bestId < 0) return { status: 'not_recognised', reason: 'empty_gallery' };
    const distance = Math.sqrt(best);
    const secondDistance = second === Infinity ? null : Math.sqrt(second);
    const margin = secondDistance === null ? null : secondDistance - distance;
    const several = this.starts[bestK + 1] - this.starts[bestK] > 1;
    const threshold = several && opts.thresholdSeveral !== undefined ? opts.thresholdSeveral : opts.threshold;
    if (distance > threshold) {
      return { status: 'not_recognised', reason: 'too_far', identityId: bestId, distance, secondDistance, margin };
    }
    if (margin !== null && margin < opts.margin) {
      return { status: 'not_recognised', reason: 'ambiguous', identityId: bestId, distance, secondDistance, margin };
    }
    return { status: 'matched', identityId: bestId, distance, secondDistance, margin };
  }

  private checkLength(d: Float32Array): void {
    if (d.length !== this.dimensions) {
      throw new Error(`descriptor has ${d.length} values, gallery holds ${this.dimensions}`);
    }
  }

  private rebuild(): void {
    const dim = this.dimensions;
    let total = 0;
    for (const list of this.entries.values()) total += list.length;
    this.ids = new Float64Array(this.entries.size);
    this.starts = new Int32Array(this.entries.size + 1);
    this.rows = new Float32Array(total * dim);
    this.means = new Float32Array(this.entries.size * dim);
    let k = 0;
    let row = 0;
    for (const [id, list] of this.entries) {
      this.ids[k] = id;
      this.starts[k] = row;
      for (const d of list) {
        this.rows.set(d, row * dim);
        for (let i = 0; i < dim; i++) this.means[k * dim + i] += d[i] / list.length;
        row++;
      }
      if (this.unitMeans) unitInPlace(this.means, k * dim, dim);
      k++;
    }
    this.starts[k] = row;
    this.rowNorms = new Float64Array(total);
    for (let r = 0; r < total; r++) this.rowNorms[r] = squaredNorm(this.rows, r * dim, dim);
    this.meanNorms = new Float64Array(this.entries.size);
    for (let m = 0; m < this.entries.size; m++) this.meanNorms[m] = squaredNorm(this.means, m * dim, dim);
    this.dirty = false;
  }
}

function unitInPlace(data: Float32Array, offset: number, dim: number): void {
  const norm = Math.sqrt(squaredNorm(data, offset, dim));
  if (norm > 0) for (let i = 0; i < dim; i++) data[offset + i] /= norm;
}

function squaredNorm(data: Float32Array, offset: number, dim: number): number {
  let sum = 0;
  for (let i = 0; i < dim; i++) sum += data[offset + i] * data[offset + i];
  return sum;
}

/**
 * p · data[offset..] over dim values, in four accumulators so the additions do not wait on each other (dim is any
 * length: the last dim % 4 go to the first).
 */
function dot(p: Float64Array, data: Float32Array, offset: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const end4 = dim - (dim % 4);
  let i = 0;
  for (; i < end4; i += 4) {
    s0 += p[i] * data[offset + i];
    s1 += p[i + 1] * data[offset + i + 1];
    s2 += p[i + 2] * data[offset + i + 2];
    s3 += p[i + 3] * data[offset + i + 3];
  }
  for (; i < dim; i++) s0 += p[i] * data[offset + i];
  return s0 + s1 + s2 + s3;
}
