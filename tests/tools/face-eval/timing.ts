// How long Gallery.match takes at venue scale. A township roll is ~50–100 deputies, a county's ~200–400; 3,000
// bounds the largest body plus observers. The real enrolled people are padded with synthetic identities made by
// perturbing real descriptors (so the vectors have realistic magnitudes), each with as many descriptors as a real one.
import { Gallery, type MatchStrategy } from '../../../server/face/matcher.js';
import { mulberry32 } from '../../helpers/seeded-random';

export interface MatchTiming {
  identities: number;
  descriptorsPerIdentity: number;
  matches: number;
  msPerMatch: number;
}

const MIN_MATCHES = 2000;

export function timeGallery(
  enrolled: ReadonlyMap<number, Float32Array[]>,
  probes: readonly Float32Array[],
  size: number,
  strategy: MatchStrategy,
  dimensions: number,
): MatchTiming {
  const gallery = new Gallery(dimensions);
  for (const [id, ds] of enrolled) gallery.set(id, ds);
  const real = [...enrolled.values()].flat();
  const perIdentity = Math.max(1, Math.round(real.length / Math.max(1, enrolled.size)));
  const random = mulberry32(size);
  for (let id = 1_000_000; gallery.size < size; id++) {
    const ds: Float32Array[] = [];
    for (let j = 0; j < perIdentity; j++) ds.push(perturb(real[Math.floor(random() * real.length)], random));
    gallery.set(id, ds);
  }
  const opts = { threshold: 0.5, margin: 0.05, strategy };
  gallery.match(probes[0], opts); // builds the contiguous storage, outside the timing
  const rounds = Math.max(1, Math.ceil(MIN_MATCHES / probes.length));
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const p of probes) gallery.match(p, opts);
  const ms = performance.now() - t0;
  const matches = rounds * probes.length;
  return { identities: gallery.size, descriptorsPerIdentity: perIdentity, matches, msPerMatch: ms / matches };
}

function perturb(d: Float32Array, random: () => number): Float32Array {
  const out = new Float32Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = d[i] + (random() - 0.5) * 0.1;
  return out;
}

