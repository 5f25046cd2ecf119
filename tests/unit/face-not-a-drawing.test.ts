// Issue 23 point 3: drawings were accepted as a deputy's enrollment photo. The not_a_face rules then (jaw width,
// landmark shape) were fitted on photos; these cartoon faces (Debian's pysiogame, public domain:
// tests/fixtures/not-a-face/SOURCES.md) have a human landmark shape and were enrolled. Real images, the server's
// engine, extractEnrollment as the roster import calls it. The human photos whose faces come closest to flat paint
// (BENCHMARKS.md "Not a face: drawings") must still be enrolled.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEnrollment } from '../../server/face/enroll';
import { getEngine, DEFAULT_ENGINE } from '../../server/face/engines';
import { paintedShare } from '../../server/face/face-looks';
import { MAX_PAINTED_SHARE } from '../../server/face/photo-check';
import { photo } from '../helpers/faces';

const engine = getEngine(DEFAULT_ENGINE);
const drawing = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/not-a-face', name));

describe('a drawing of a face at enrollment', () => {
  it.each(['crawl-on-grey.jpg', 'knight-on-grey.jpg', 'ballet-on-grey.jpg', 'm_img21a-on-grey.jpg'])("refuses %s as 'not_a_face'", async (name) => {
    const r = await extractEnrollment(engine, drawing(name), name);
    expect(r).toMatchObject({ ok: false, reason: 'not_a_face' });
    // …because of its flat paint: the detector does find it, with a face the earlier rules take.
    const [face] = (await engine.detect(drawing(name))).sort((a, b) => b.score - a.score);
    expect(paintedShare(face!.aligned)).toBeGreaterThan(MAX_PAINTED_SHARE);
  }, 60_000);

  it.each(['jeong_se_hyun/6.jpg', 'roh_moo_hyun/6.jpg', 'roh_moo_hyun/7.jpg', 'deepface_p02/5.jpg', 'lucy_liu/4.jpg', 'spoof/print_1.jpg'])(
    'enrolls %s, a photo among the flattest-coloured human faces',
    async (rel) => {
      expect(await extractEnrollment(engine, photo(rel), rel)).toMatchObject({ ok: true });
    },
    60_000,
  );
});
