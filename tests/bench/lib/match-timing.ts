// 1:N match time at several gallery sizes, with the server's own Gallery and match settings. Wall time and the
// process's CPU time (process.cpuUsage, user + system) per match: on a loaded machine the CPU figure is the one that
// says what the code costs, the wall figure what a door waited.
import { Gallery } from '../../../server/face/matcher';
import { faceSettingsFromEnv, type FaceSettings } from '../../../server/services/face-service';
import { getEngine } from '../../../server/face/engines';
import { probeOf, randomUnit } from './prepare';
import { round } from './stats';

export interface MatchTimingOptions {
  /** Match settings over the server's (e.g. another strategy). */
  overrides?: Partial<FaceSettings>;
  /** Descriptors enrolled per person (each a little off the person's first). Default 1. */
  photos?: number;
}

/** `match<size>Ms` (wall) and `match<size>CpuMs` per match, averaged over `probes` matches. */
export function matchTimings(sizes: number[], probes = 2000, options: MatchTimingOptions = {}): Record<string, number> {
  const settings = faceSettingsFromEnv(process.env, options.overrides ?? {});
  const engine = getEngine(settings.engine);
  const photos = options.photos ?? 1;
  const out: Record<string, number> = {};
  for (const size of sizes) {
    const gallery = new Gallery(engine.dimensions, { unitMeans: engine.unitLength });
    const enrolled = Array.from({ length: size }, () => randomUnit(engine.dimensions));
    enrolled.forEach((d, i) => gallery.set(i + 1, [d, ...Array.from({ length: photos - 1 }, () => Float32Array.from(probeOf(d)))]));
    const queries = Array.from({ length: probes }, (_, i) => Float32Array.from(probeOf(enrolled[i % size]!)));
    gallery.match(queries[0]!, settings); // build the contiguous store outside the timing
    const cpu = process.cpuUsage();
    const t = performance.now();
    for (const q of queries) gallery.match(q, settings);
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    out[`match${size}Ms`] = round(wall / probes, 3);
    out[`match${size}CpuMs`] = round((used.user + used.system) / 1000 / probes, 3);
  }
  return out;
}
