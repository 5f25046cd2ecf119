// Same person in every frame of a check-in: how close one person's frames are (frontal ↔ back, frontal ↔ turned) and
// how close one person's frontal face comes to another's turned face, with the engine that reads check-in frames.
// Frame sets are the test camera's (tests/helpers/fake-camera.ts, headTurnFrames): up to two photos of each person
// of ../shared/faces, each turned left and right. Sets SAME_PERSON_COSINE in server/services/frame-check.ts.
//   npx tsx tests/bench/frame-same-person.ts [-- --engine arcface-tiny224]
import { parseArgs } from 'node:util';
import { getEngine } from '../../server/face/engines';
import { readEvalSet } from '../tools/face-eval/dataset';
import { SAME_PERSON_COSINE } from '../../server/services/frame-check';
import { FACES_DIR, headTurnFrames } from '../helpers/fake-camera';

const { values } = parseArgs({ options: { engine: { type: 'string', default: 'arcface-tiny224' } } });
const engine = getEngine(values.engine);
if (!engine.unitLength) throw new Error('cosine figures need a unit-length engine (arcface…)');
const set = readEvalSet(FACES_DIR);
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);

const sets: Array<{ who: string; frontal: Float32Array; turned: Float32Array; back: Float32Array }> = [];
let missed = 0;
for (const id of set.identities) {
  for (const rel of id.candidates.slice(0, 2)) {
    for (const side of ['left', 'right'] as const) {
      const frames = await headTurnFrames(rel, side, 3).catch(() => null);
      const faces = frames ? await Promise.all([frames.frontal, frames.turned, frames.back].map((j) => engine.detect(j))) : [];
      if (faces.length < 3 || faces.some((f) => f.length === 0)) {
        missed++;
        continue;
      }
      sets.push({ who: id.name, frontal: faces[0]![0]!.descriptor, turned: faces[1]![0]!.descriptor, back: faces[2]![0]!.descriptor });
    }
  }
}

const ascending = (xs: number[]) => xs.sort((a, b) => a - b);
const back = ascending(sets.map((s) => dot(s.frontal, s.back)));
const turned = ascending(sets.map((s) => dot(s.frontal, s.turned)));
const cross = ascending(sets.flatMap((a) => sets.filter((b) => b.who !== a.who).map((b) => dot(a.frontal, b.turned))));
const at = (xs: number[], p: number) => xs[Math.floor(p * (xs.length - 1))]!.toFixed(3);
const f3 = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(', ');

console.log(`engine ${values.engine}: ${sets.length} frame sets of ${new Set(sets.map((s) => s.who)).size} people (${missed} sets the detector missed)`);
console.log(`one person, frontal ↔ back:   lowest ${f3(back.slice(0, 3))}; 5th percentile ${at(back, 0.05)}; median ${at(back, 0.5)}`);
console.log(`one person, frontal ↔ turned: lowest ${f3(turned.slice(0, 5))}; 5th percentile ${at(turned, 0.05)}; median ${at(turned, 0.5)}`);
console.log(`A's frontal ↔ B's turned (${cross.length} pairs): highest ${f3(cross.slice(-5).reverse())}`);
console.log('| turned bound (cosine) | genuine sets refused | other person\'s turn let through |');
console.log('|---|---|---|');
for (const bound of [0.25, 0.3, SAME_PERSON_COSINE.turned, 0.4, 0.45]) {
  const refused = turned.filter((x) => x < bound).length;
  const through = cross.filter((x) => x >= bound).length;
  console.log(`| ${bound}${bound === SAME_PERSON_COSINE.turned ? ' (chosen)' : ''} | ${refused} / ${turned.length} | ${through} / ${cross.length} |`);
}
console.log(`frontal ↔ back bound ${SAME_PERSON_COSINE.back}: genuine sets refused ${back.filter((x) => x < SAME_PERSON_COSINE.back).length} / ${back.length}`);
