// The measuring tool of tests/bench/turn-vs-warp.ts: a flat picture's landmarks, however it is held or warped in
// perspective, lie on one homography (residual 0); points at different depths turned in 3-D do not.
import { describe, expect, it } from 'vitest';
import { planeResidual } from '../bench/lib/plane-fit';

/** 68 points of a rough face: a jaw arc, brows, nose, eyes (36–47) and mouth, with a depth per point. */
function face(): Array<{ x: number; y: number; z: number }> {
  const pts: Array<{ x: number; y: number; z: number }> = [];
  for (let i = 0; i < 17; i++) {
    const a = Math.PI * (i / 16);
    pts.push({ x: -70 * Math.cos(a), y: 80 * Math.sin(a) - 10, z: -40 * Math.abs(Math.cos(a)) });
  }
  for (let i = 0; i < 10; i++) pts.push({ x: -55 + i * 12, y: -40, z: 5 });
  for (let i = 0; i < 9; i++) pts.push({ x: i < 4 ? 0 : -16 + (i - 4) * 8, y: i < 4 ? -30 + i * 10 : 12, z: i < 4 ? 10 + i * 7 : 15 });
  for (const cx of [-30, 30]) for (let i = 0; i < 6; i++) pts.push({ x: cx + 12 * Math.cos((i * Math.PI) / 3), y: -22 + 5 * Math.sin((i * Math.PI) / 3), z: 0 });
  for (let i = 0; i < 20; i++) pts.push({ x: 25 * Math.cos((i * Math.PI) / 10), y: 40 + 8 * Math.sin((i * Math.PI) / 10), z: 5 });
  return pts;
}

describe('planeResidual', () => {
  const pts = face();
  const flat = pts.map((p) => ({ x: p.x + 320, y: p.y + 240 }));
  it('is 0 for a flat picture moved, scaled and seen in perspective', () => {
    const persp = flat.map((p) => {
      const w = 0.0012 * (p.x - 320) + 1;
      return { x: (1.1 * (p.x - 320)) / w + 300, y: (p.y - 240) / w + 250 };
    });
    expect(pts).toHaveLength(68);
    expect(planeResidual(flat, persp)).toBeLessThan(1e-6);
  });
  it('grows with the turn of a head whose points stand at different depths', () => {
    const turned = (deg: number) => {
      const a = (deg * Math.PI) / 180;
      return pts.map((p) => ({ x: p.x * Math.cos(a) + p.z * Math.sin(a) + 320, y: p.y + 240 }));
    };
    const small = planeResidual(flat, turned(5));
    const large = planeResidual(flat, turned(20));
    expect(small).toBeGreaterThan(0.005);
    expect(large).toBeGreaterThan(2 * small);
  });
});
