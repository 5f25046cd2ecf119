import { describe, expect, it } from 'vitest';
import {
  alignmentFor,
  applySimilarity,
  ARCFACE_TEMPLATE,
  fivePoints,
  normaliseInPlace,
  similarityTransform,
  toInputTensor,
} from '../../server/face/align.js';
import type { Point } from '../../server/face/engine.js';

/** 68 landmarks with the five points that matter placed at `five` (eyes as six points around each centre). */
function landmarksWith(five: Point[]): Point[] {
  const pts: Point[] = Array.from({ length: 68 }, (_, i) => ({ x: 1000 + i, y: 2000 - i })); // far away: must be ignored
  const ring = [
    [-3, 0], [-1, -1], [1, -1], [3, 0], [1, 1], [-1, 1],
  ];
  ring.forEach(([dx, dy], i) => {
    pts[36 + i] = { x: five[0].x + dx, y: five[0].y + dy };
    pts[42 + i] = { x: five[1].x + dx, y: five[1].y + dy };
  });
  pts[30] = five[2];
  pts[48] = five[3];
  pts[54] = five[4];
  return pts;
}

describe('fivePoints', () => {
  it('takes eye centres as the mean of 36–41 and 42–47, the nose tip 30 and mouth corners 48 and 54', () => {
    const five = [{ x: 10, y: 20 }, { x: 30, y: 21 }, { x: 20, y: 30 }, { x: 12, y: 40 }, { x: 28, y: 41 }];
    const got = fivePoints(landmarksWith(five));
    got.forEach((p, i) => {
      expect(p.x).toBeCloseTo(five[i].x, 9);
      expect(p.y).toBeCloseTo(five[i].y, 9);
    });
  });

  it('refuses a landmark list that is not 68 points', () => {
    expect(() => fivePoints([{ x: 0, y: 0 }])).toThrow(/68/);
  });
});

describe('similarityTransform', () => {
  it('recovers an exact rotation, scale and shift of the template', () => {
    // A face in a photo: the template rotated 20°, scaled ×3.5 and moved; aligning must map it back exactly.
    const angle = (20 * Math.PI) / 180;
    const s = 3.5;
    const photo = ARCFACE_TEMPLATE.map((p) => ({
      x: s * (Math.cos(angle) * p.x - Math.sin(angle) * p.y) + 400,
      y: s * (Math.sin(angle) * p.x + Math.cos(angle) * p.y) + 150,
    }));
    const t = alignmentFor(landmarksWith(photo));
    expect(Math.hypot(t.a, t.b)).toBeCloseTo(1 / s, 9);
    expect(Math.atan2(t.b, t.a)).toBeCloseTo(-angle, 9);
    photo.forEach((p, i) => {
      const q = applySimilarity(t, p);
      expect(q.x).toBeCloseTo(ARCFACE_TEMPLATE[i].x, 6);
      expect(q.y).toBeCloseTo(ARCFACE_TEMPLATE[i].y, 6);
    });
  });

  it('is the least-squares fit when the points do not fit exactly (residuals sum to zero, no better scale)', () => {
    const src = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 10 }, { x: 11, y: 9 }];
    const dst = [{ x: 1, y: 1 }, { x: 21, y: 2 }, { x: 0, y: 21 }, { x: 22, y: 19 }];
    const t = similarityTransform(src, dst);
    const cost = (tt: typeof t) =>
      src.reduce((sum, p, i) => {
        const q = applySimilarity(tt, p);
        return sum + (q.x - dst[i].x) ** 2 + (q.y - dst[i].y) ** 2;
      }, 0);
    const best = cost(t);
    for (const [da, db] of [[0.01, 0], [-0.01, 0], [0, 0.01], [0, -0.01]]) {
      expect(cost({ ...t, a: t.a + da, b: t.b + db })).toBeGreaterThan(best);
    }
    for (const [dx, dy] of [[0.1, 0], [0, 0.1]]) expect(cost({ ...t, tx: t.tx + dx, ty: t.ty + dy })).toBeGreaterThan(best);
  });

  it('never reflects: a mirrored face still gets a rotation, not a flip', () => {
    const mirrored = ARCFACE_TEMPLATE.map((p) => ({ x: 112 - p.x, y: p.y }));
    const t = similarityTransform(mirrored, ARCFACE_TEMPLATE);
    // A similarity has determinant a² + b² > 0 by construction; the fit of a mirror image is poor, not flipped.
    expect(t.a * t.a + t.b * t.b).toBeGreaterThan(0);
    expect(Math.abs(t.a)).toBeLessThan(0.5);
  });
});

describe('toInputTensor', () => {
  const rgba = Uint8ClampedArray.from([255, 127, 0, 255, 1, 2, 3, 255]); // two pixels
  it('writes planes B, G, R by default with (v − 127) / 128', () => {
    const t = toInputTensor(rgba, { channels: 'bgr', mean: 127, std: 128 });
    expect(Array.from(t)).toEqual([-127 / 128, -124 / 128, 0, -125 / 128, 1, -126 / 128]);
  });
  it('writes R, G, B when asked', () => {
    const t = toInputTensor(rgba, { channels: 'rgb', mean: 0, std: 1 });
    expect(Array.from(t)).toEqual([255, 1, 127, 2, 0, 3]);
  });
});

describe('normaliseInPlace', () => {
  it('scales to unit length and returns the length before', () => {
    const v = Float32Array.from([3, 4]);
    expect(normaliseInPlace(v)).toBe(5);
    expect(Array.from(v)).toEqual([Math.fround(0.6), Math.fround(0.8)]);
  });
});
