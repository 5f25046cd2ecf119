// The rate the face match stands for, in words a clerk can read (the console's rules page): "按本届 N 名代表计算，
// 陌生人被误认为代表的概率约为十万分之一". The numbers come from GET /api/bodies/:bodyId/face/operating-point.

/** What the server's threshold for this body stands for (server/face/roll-tail.ts). */
export interface FaceOperatingPointView {
  /** Deputies with a face enrolled: the N a check-in searches. */
  enrolled: number;
  /** The stated rate per check-in, e.g. 1e-5. */
  targetRate: number;
  /** A deputy enrolled with one photo / with two or more: the cosine required, and the rate it stands for. */
  one: { cosine: number; rate: number; met: boolean };
  several: { cosine: number; rate: number; met: boolean };
  /** false: the threshold was fixed by the server's settings, not scaled with the roll (no rate is stated). */
  scaled: boolean;
}

const ZH_POWERS: Record<number, string> = { 10: '十', 100: '百', 1000: '千', 10000: '万', 100000: '十万', 1000000: '百万', 10000000: '千万', 100000000: '亿' };

/** 1e-5 → 十万分之一 / 1 in 100,000; 3.7e-3 → 约 270 分之一 / about 1 in 270. */
export function oneInWords(rate: number): { zh: string; en: string } {
  if (!(rate > 0)) return { zh: '几乎为零', en: 'next to nothing' };
  const n = Number((1 / rate).toPrecision(2));
  if (ZH_POWERS[n]) return { zh: `${ZH_POWERS[n]}分之一`, en: `1 in ${n.toLocaleString('en')}` };
  if (n <= 1) return { zh: '几乎每次', en: 'almost every time' };
  return { zh: `${n.toLocaleString('en')} 分之一`, en: `1 in ${n.toLocaleString('en')}` };
}

/** The rules page's sentence: the chance per check-in that a stranger is taken for a deputy, at this roll's size. */
export function describeOperatingPoint(p: FaceOperatingPointView): { zh: string; en: string } {
  if (!p.scaled) return { zh: '人脸比对阈值由服务器设置固定，未按代表人数计算误认概率。', en: 'The face match threshold is fixed by the server settings; no rate is stated for this roll.' };
  const worst = Math.max(p.one.rate, p.several.rate);
  const met = p.one.met && p.several.met;
  const words = oneInWords(met ? p.targetRate : worst);
  const zhRate = met ? `不超过${words.zh}` : `约为${words.zh}（高于目标${oneInWords(p.targetRate).zh}）`;
  const enRate = met ? `at most ${words.en}` : `about ${words.en} (above the target of ${oneInWords(p.targetRate).en})`;
  return {
    zh: `按本届 ${p.enrolled} 名已录入人脸的代表计算，每次刷脸报到时，陌生人被误认为某位代表的概率${zhRate}。`,
    en: `With the ${p.enrolled} deputies whose faces are enrolled, the chance that a stranger is taken for a deputy is ${enRate} per check-in.`,
  };
}
