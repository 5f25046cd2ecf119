// The probe a check-in matches 1:N is the mean of its frontal and back faces. For unit-length descriptors the mean
// is shorter than 1, and unscaled it let a stand-in through: at distance ≤ 1.0 (cos ≥ 0.5) a probe whose frames each
// sat at cos 0.47 from a deputy was accepted as that deputy (tests/bench/frame-fusion.ts found jeong_se_hyun accepted
// as chen_shui_bian at cos 0.471). Rescaled to unit length, the mean keeps the bound the threshold says.
import { describe, expect, it } from 'vitest';
import { Gallery } from '../../server/face/matcher';
import { meanProbe } from '../../server/services/frame-check';
import type { ServiceContext } from '../../server/services/context';

const DIM = 512;
const ctxOf = (unitLength: boolean) => ({ face: { frameEngine: { unitLength } } }) as unknown as ServiceContext;

/** Unit vector: `along`·e0, the rest mostly on e1 and tilted by `tilt` towards e2 (two frames tilt apart). */
function unit(along: number, tilt: number): Float32Array {
  const v = new Float32Array(DIM);
  const rest = Math.sqrt(1 - along * along);
  v[0] = along;
  v[1] = rest * Math.cos(tilt);
  v[2] = rest * Math.sin(tilt);
  return v;
}

describe('the probe of a frame set', () => {
  // Each frame at cos 0.46 from the deputy; their mean 0.95 long: unscaled, ‖p − t‖² = 0.9025 + 1 − 0.92 < 1.
  const template = unit(1, 0); // the enrolled deputy
  const along = 0.46;
  const tilt = Math.acos(Math.sqrt((0.95 ** 2 - along ** 2) / (1 - along ** 2)));
  const frontal = unit(along, tilt);
  const back = unit(along, -tilt);

  it('is the unit-length mean for unit-length engines, so frames at cos 0.46 stay refused at distance ≤ 1.0', () => {
    const probe = meanProbe(ctxOf(true), frontal, back);
    expect(Math.hypot(...probe)).toBeCloseTo(1, 5);
    const gallery = new Gallery(DIM, { unitMeans: true });
    gallery.set(7, [template]);
    expect(gallery.match(probe, { threshold: 1.0, margin: 0 }).status).toBe('not_recognised');
    // The unscaled mean (what was matched before) is accepted: that was the bug.
    const unscaled = Float32Array.from(frontal, (v, i) => (v + back[i]!) / 2);
    expect(gallery.match(unscaled, { threshold: 1.0, margin: 0 }).status).toBe('matched');
  });

  it('stays the plain mean for engines whose descriptors are not unit length (faceapi)', () => {
    const a = Float32Array.from({ length: DIM }, (_, i) => (i % 7) / 10);
    const b = Float32Array.from({ length: DIM }, (_, i) => (i % 5) / 10);
    expect(Array.from(meanProbe(ctxOf(false), a, b))).toEqual(Array.from(a, (v, i) => Math.fround((v + b[i]!) / 2)));
  });
});
