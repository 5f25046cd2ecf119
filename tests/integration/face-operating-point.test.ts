// The rate the face match stands for at a body's roll (issue 27, point 2): GET /api/bodies/:id/face/operating-point
// counts the deputies enrolled (the N a check-in searches) and gives the thresholds the matcher uses for that N.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeApp, type TestApp } from '../helpers/app';
import type { RunningServer } from '../helpers/server';
import { seedVenue, PEOPLE, type Venue } from '../e2e/kiosk-setup';
import { rollThreshold } from '../../shared/face/roll-threshold';
import { describeOperatingPoint, type FaceOperatingPointView } from '../../shared/face/roll-words';
import { ROLL_RULE_ONE, ROLL_RULE_SEVERAL } from '../../server/face/roll-tail';
import { distanceForCosine } from '../../server/face/match-defaults';
import { multipart, photo } from '../helpers/faces';

let t: TestApp;
let venue: Venue;
beforeAll(async () => {
  t = await makeApp();
  venue = await seedVenue({ app: t.app, cookie: t.cookie } as RunningServer, PEOPLE.slice(0, 3));
}, 120_000);
afterAll(() => t.close());

const url = (bodyId: number) => `/api/bodies/${bodyId}/face/operating-point`;

describe('the face operating point of a body', () => {
  it('counts the enrolled deputies and states 1 in 100,000 per check-in with the thresholds for that count', async () => {
    const { body } = await call<FaceOperatingPointView>(t.app, 'GET', url(venue.body.id), undefined, 200);
    expect(body).toMatchObject({ enrolled: 3, targetRate: 1e-5, scaled: true });
    expect(body.several.cosine).toBeCloseTo(rollThreshold(ROLL_RULE_SEVERAL, 3).cosine, 12);
    expect(body.one.cosine).toBeCloseTo(rollThreshold(ROLL_RULE_ONE, 3).cosine, 12);
    expect(describeOperatingPoint(body).zh).toBe('按本届 3 名已录入人脸的代表计算，每次刷脸报到时，陌生人被误认为某位代表的概率不超过十万分之一。');
    // …and these are the thresholds the server's matcher uses for this body.
    const options = t.app.ctx.face.matchOptions(body.enrolled);
    expect(options.thresholdSeveral).toBeCloseTo(distanceForCosine(body.several.cosine), 12);
    expect(options.threshold).toBeCloseTo(distanceForCosine(body.one.cosine), 12);
  });

  it('follows the roll: an empty body counts 0; a deputy enrolled later is counted at once', async () => {
    const { body: empty } = await call<{ id: number }>(t.app, 'POST', '/api/bodies', { name: '第二届' }, 201);
    expect((await call<FaceOperatingPointView>(t.app, 'GET', url(empty.id), undefined, 200)).body.enrolled).toBe(0);
    const { body: d } = await call<{ id: number }>(t.app, 'POST', `/api/bodies/${venue.body.id}/deputies`, { name: '姚某某', cardNo: 'K099', delegation: '西岭代表团' }, 201);
    const form = multipart([{ field: 'photo', name: 'a.jpg', bytes: photo('yao_ming/2.jpg') }, { field: 'photo', name: 'b.jpg', bytes: photo('yao_ming/3.jpg') }]);
    const res = await t.app.inject({ method: 'POST', url: `/api/deputies/${d.id}/photos`, headers: { ...form.headers, cookie: t.cookie }, payload: form.payload });
    expect(res.statusCode, res.body).toBe(200);
    expect((await call<FaceOperatingPointView>(t.app, 'GET', url(venue.body.id), undefined, 200)).body.enrolled).toBe(4);
  });

  it('a body that does not exist is a 404 in Chinese first; no session is a 401', async () => {
    const res = await call<{ error: { message: string } }>(t.app, 'GET', url(999_999), undefined, 404);
    expect(res.body.error.message).toMatch(/^找不到该届人大/);
    expect((await call(t.app, 'GET', url(venue.body.id), undefined, undefined, null)).status).toBe(401);
  });

  it('thresholds fixed by the settings state no rate', async () => {
    const fixed = await makeApp({ face: { threshold: 1.0 } });
    try {
      const { body: b } = await call<{ id: number }>(fixed.app, 'POST', '/api/bodies', { name: '固定阈值' }, 201);
      const { body } = await call<FaceOperatingPointView>(fixed.app, 'GET', url(b.id), undefined, 200);
      expect(body).toMatchObject({ scaled: false, one: { cosine: 0.5 } });
      expect(describeOperatingPoint(body).zh).toMatch(/^人脸比对阈值由服务器设置固定/);
    } finally {
      await fixed.close();
    }
  });
});
