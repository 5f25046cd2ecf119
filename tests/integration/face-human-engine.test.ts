// The human engine (faceres, WASM, models from node_modules) on real East Asian photos at its measured operating point
// (human-variants.ts, BENCHMARKS.md "which descriptor model"): look-alike deputies enrolled side by side, a deputy recognised
// from another photo, a different East Asian person refused. Models load once; about ten photos are analysed.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../server/face/engines.js';
import { extractEnrollment } from '../../server/face/enroll.js';
import { Gallery } from '../../server/face/matcher.js';
import { humanVariant } from '../../server/face/human-variants.js';

const faces = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'faces');
const photo = (rel: string) => readFileSync(resolve(faces, rel));
const engine = getEngine('human-faceres');
const match = humanVariant('human-faceres').match!;

/** Three East Asian deputies the 128-d face-api model confuses most (Hu Jintao, Wen Jiabao, Tang Jiaxuan), plus one. */
const ENROLLED: Record<number, string> = {
  1: 'hu_jintao/1.jpg',
  2: 'wen_jiabao/1.jpg',
  3: 'tang_jiaxuan/1.jpg',
  4: 'zhu_rongji/1.jpg',
};

/** As check-in does: the largest face in the frame (LFW photos sometimes show a second person behind). */
async function probe(rel: string) {
  const found = await engine.detect(photo(rel));
  expect(found.length, rel).toBeGreaterThan(0);
  return found.reduce((a, b) => (b.box.width * b.box.height > a.box.width * a.box.height ? b : a)).descriptor;
}

describe('human engine (faceres) on real East Asian photos', () => {
  const gallery = new Gallery(engine.dimensions);

  beforeAll(async () => {
    await engine.init();
    for (const [id, rel] of Object.entries(ENROLLED)) {
      const r = await extractEnrollment(engine, photo(rel), rel);
      if (!r.ok) throw new Error(`${rel}: ${r.message}`);
      gallery.set(Number(id), [r.descriptor]);
    }
  });

  it('makes unit-length 1024-d descriptors', async () => {
    const d = await probe('tang_jiaxuan/4.jpg');
    expect(d).toHaveLength(1024);
    expect(Math.hypot(...d)).toBeCloseTo(1, 5);
  });

  it('recognises an enrolled deputy from a different photo', async () => {
    for (const [rel, id] of [['tang_jiaxuan/4.jpg', 3], ['zhu_rongji/3.jpg', 4]] as const) {
      const r = gallery.match(await probe(rel), match);
      expect(r, rel).toMatchObject({ status: 'matched', identityId: id });
    }
  });

  it('refuses a different East Asian person, enrolled look-alikes or not', async () => {
    const withoutWen = new Gallery(engine.dimensions);
    for (const id of [1, 3, 4]) withoutWen.set(id, [await probe(ENROLLED[id])]);
    for (const rel of ['wen_jiabao/2.jpg', 'wen_jiabao/4.jpg', 'strangers/16.jpg', 'strangers/17.jpg']) {
      const r = withoutWen.match(await probe(rel), match);
      expect(r.status, `${rel} nearest ${r.identityId} at ${r.distance?.toFixed(3)}`).toBe('not_recognised');
    }
  });
});
