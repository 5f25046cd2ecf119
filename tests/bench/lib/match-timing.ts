// 1:N match time at several gallery sizes, with the server's own Gallery and match settings.
import { Gallery } from '../../../server/face/matcher';
import { faceSettingsFromEnv } from '../../../server/services/face-service';
import { getEngine } from '../../../server/face/engines';
import { probeOf, randomUnit } from './prepare';
import { round } from './stats';

export function matchTimings(sizes: number[], probes = 2000): Record<string, number> {
  const settings = faceSettingsFromEnv();
  const dims = getEngine(settings.engine).dimensions;
  const out: Record<string, number> = {};
  for (const size of sizes) {
    const gallery = new Gallery(dims);
    const enrolled = Array.from({ length: size }, () => randomUnit(dims));
    enrolled.forEach((d, i) => gallery.set(i + 1, [d]));
    const queries = Array.from({ length: probes }, (_, i) => Float32Array.from(probeOf(enrolled[i % size]!)));
    gallery.match(queries[0]!, settings); // build the contiguous store outside the timing
    const t = performance.now();
    for (const q of queries) gallery.match(q, settings);
    out[`match${size}Ms`] = round((performance.now() - t) / probes, 3);
  }
  return out;
}
