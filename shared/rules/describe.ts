// Pass rules in words for the console and the big screen, e.g. 全体代表的过半数 / more than half of all deputies.
import type { PassBase, PassRule } from '../types';
import { describeFraction } from './fraction';

/** What each base is called: all deputies in office, deputies present, ballots cast. */
export const PASS_BASE_LABELS: Readonly<Record<PassBase, { zh: string; en: string }>> = Object.freeze({
  all: { zh: '全体代表', en: 'all deputies' },
  present: { zh: '出席代表', en: 'deputies present' },
  cast: { zh: '所投票数', en: 'ballots cast' },
});

/** A pass rule in words: { base: 'all', 1/2 strict } → 全体代表的过半数 / more than half of all deputies. */
export function describePassRule(rule: PassRule): { zh: string; en: string } {
  const f = describeFraction(rule.fraction);
  const base = PASS_BASE_LABELS[rule.base];
  return { zh: `${base.zh}的${f.zh}`, en: `${f.en} of ${base.en}` };
}
