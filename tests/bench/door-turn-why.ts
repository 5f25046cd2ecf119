// Issue 23 point 2: why the server's turn check refuses the fake camera's frames of some people. For each person of
// ../shared/faces with 3+ photos, both sides, one take: the server's frame engine's landmarks of the frames
// headTurnFrames makes from photo 3, and checkTurnFrames' verdict with the measured yaw of each frame and the widths.
//   npx tsx tests/bench/door-turn-why.ts [name ...]
import { resolve } from 'node:path';
import { makeApp } from '../helpers/app';
import { headTurnFrames } from '../helpers/fake-camera';
import { readEvalSet } from '../tools/face-eval/dataset';
import { checkTurnFrames, towardSide } from '../../shared/face/head-turn';
import { widthShare, yawOf } from '../../shared/face/geometry';

const only = process.argv.slice(2);
const faces = readEvalSet(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'faces'));
const who = faces.identities.filter((p) => p.candidates.length >= 3 && (only.length === 0 || only.includes(p.name)));
const t = await makeApp();
const engine = t.app.ctx.face.frameEngine;
for (const p of who) {
  const cells: string[] = [];
  for (const side of ['left', 'right'] as const) {
    const f = await headTurnFrames(p.candidates[2]!, side, 7).catch(() => null);
    if (!f) {
      cells.push(`${side}: camera found no face`);
      continue;
    }
    const lm = await Promise.all([f.frontal, f.turned, f.back].map(async (j) => (await engine.detect(j))[0]?.landmarks ?? null));
    if (lm.some((l) => !l)) {
      cells.push(`${side}: server found no face`);
      continue;
    }
    const [a, b, c] = lm as [NonNullable<(typeof lm)[0]>, NonNullable<(typeof lm)[0]>, NonNullable<(typeof lm)[0]>];
    const v = checkTurnFrames(side, a, b, c, 0.09);
    const base = yawOf(a);
    cells.push(`${side}: ${v.ok ? 'ok' : v.why} yaw ${base.toFixed(2)} turn ${towardSide(yawOf(b), base, side).toFixed(2)} back ${(yawOf(c) - base).toFixed(2)} width ${(widthShare(b) / widthShare(a)).toFixed(2)}/${(widthShare(c) / widthShare(a)).toFixed(2)}`);
  }
  console.log(`${p.name.padEnd(24)} ${cells.join(' | ')}`);
}
await t.close();
