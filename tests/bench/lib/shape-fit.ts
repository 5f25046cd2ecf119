// Fits the point-distribution model of face-shape.ts: generalised Procrustes mean of the shapes, then the main modes
// of what is left (principal components by power iteration with deflation: 136 numbers a shape, a handful of modes).
import type { Point } from '../../../server/face/engine';
import { alignOnto, centredShape } from '../../../server/face/face-shape';

export interface ShapeModel {
  mean: number[];
  modes: number[][];
  sd: number[];
  residualSd: number;
  fittedOn: number;
}

const unit = (v: number[]) => {
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
};
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

export function fitShapeModel(shapes: readonly Point[][], modes: number): ShapeModel {
  const centred = shapes.map(centredShape);
  let mean = unit(centred[0]!.map((_, i) => centred.reduce((s, p) => s + p[i]!, 0) / centred.length));
  for (let round = 0; round < 5; round++) {
    const aligned = centred.map((p) => alignOnto(p, mean));
    mean = unit(mean.map((_, i) => aligned.reduce((s, p) => s + p[i]!, 0) / aligned.length));
  }
  const offsets = centred.map((p) => alignOnto(p, mean).map((v, i) => v - mean[i]!));
  const left = offsets.map((d) => [...d]);
  const found: number[][] = [];
  const sd: number[] = [];
  for (let k = 0; k < modes; k++) {
    let v = unit(mean.map((_, i) => Math.sin(i * 7.3 + k)));
    for (let it = 0; it < 300; it++) {
      const next = new Array<number>(v.length).fill(0);
      for (const d of left) {
        const b = dot(d, v);
        d.forEach((x, i) => (next[i] = next[i]! + b * x));
      }
      v = unit(next);
    }
    found.push(v);
    sd.push(Math.sqrt(left.reduce((s, d) => s + dot(d, v) ** 2, 0) / (left.length - 1)));
    for (const d of left) {
      const b = dot(d, v);
      d.forEach((x, i) => (d[i] = x - b * v[i]!));
    }
  }
  const residualSd = Math.sqrt(left.reduce((s, d) => s + dot(d, d), 0) / left.length);
  return { mean, modes: found, sd, residualSd, fittedOn: shapes.length };
}

const list = (xs: readonly number[], digits: number) => `[${xs.map((x) => Number(x.toFixed(digits))).join(', ')}]`;

/** server/face/face-shape-model.ts for a fitted model. */
export function shapeModelSource(m: ShapeModel): string {
  return `// The point-distribution model of a human face's 68 landmarks (face-api's landmark net, as enrollment reads them):
// the mean shape and its ${m.modes.length} main modes of variation, with their spreads. Fitted by \`npx tsx tests/bench/not-a-face.ts --fit\`
// on the ${m.fittedOn} faces of the even-indexed people of ../shared/faces only (the rest held out); see BENCHMARKS.md
// "Not a face". Generated data: regenerate it, do not edit it by hand.

/** Mean shape: x0, y0, x1, y1, … centred on the origin, unit length. */
export const MEAN_SHAPE: readonly number[] = ${list(m.mean, 5)};

/** Modes of variation (unit vectors in the same x, y order). */
export const SHAPE_MODES: readonly (readonly number[])[] = [
${m.modes.map((v) => `  ${list(v, 5)},`).join('\n')}
];

/** Spread (standard deviation) of the human faces along each mode. */
export const MODE_SD: readonly number[] = ${list(m.sd, 6)};

/** Root-mean-square length of what the modes leave unexplained, over the same faces. */
export const RESIDUAL_SD = ${m.residualSd.toFixed(6)};
`;
}
