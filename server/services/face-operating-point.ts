// What the face match's threshold stands for at this body's roll (issue 27, point 2): shown on the console's rules
// page in words (shared/face/roll-words.ts). The rule: server/face/roll-tail.ts.
import type { FaceOperatingPointView } from '../../shared/face/roll-words';
import type { ServiceContext } from './context';
import { getBody } from './roster-service';

export async function faceOperatingPoint(ctx: ServiceContext, bodyId: number): Promise<FaceOperatingPointView> {
  await getBody(ctx, bodyId); // 404 for a body that does not exist
  const enrolled = await ctx.face.enrolledCount(bodyId);
  const point = ctx.face.operatingPoint(enrolled);
  if (point) return { ...point, scaled: true };
  // Thresholds fixed by the settings: the cosine they stand for on unit-length descriptors (d = sqrt(2 − 2·cos)); no rate.
  const fixed = (d: number) => ({ cosine: 1 - (d * d) / 2, rate: 0, met: false });
  const { threshold, thresholdSeveral } = ctx.face.settings;
  return { enrolled, targetRate: 0, one: fixed(threshold), several: fixed(thresholdSeveral), scaled: false };
}
