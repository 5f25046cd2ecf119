// The legal defaults for a people's congress; every body may change them (localities differ).
import type { BodyRules, Fraction, PassRule, Secrecy, VoteKind } from '../types';

/** 过半数: strictly more than one half. */
export const MORE_THAN_HALF: Fraction = Object.freeze({ num: 1, den: 2, strict: true });

/** 三分之二以上: at least two thirds. */
export const AT_LEAST_TWO_THIRDS: Fraction = Object.freeze({ num: 2, den: 3, strict: false });

/** 半数以上: at least one half (以上 includes the number itself). */
export const AT_LEAST_HALF: Fraction = Object.freeze({ num: 1, den: 2, strict: false });

/** 全体代表的过半数: more than half of all deputies in office (地方组织法 Art. 25, 29). */
const MAJORITY_OF_ALL: PassRule = Object.freeze({ base: 'all', fraction: MORE_THAN_HALF });

/**
 * Rules a new body starts with:
 * - quorum: at least 2/3 of the deputies in office present (地方组织法 Art. 14);
 * - resolutions, elections and project votes pass with more than half of all deputies in office;
 * - rating verdict: 满意 if 满意 ≥ half of all deputies, 基本满意 if 满意 + 基本满意 ≥ half, else 不满意;
 * - 未按 (in office, did not press) is shown;
 * - the big screen shows a resolution's or a project vote's result at close, as the NPC's electronic voting does,
 *   and an election's or a rating's once the chair announces it (the count is checked before names are read out).
 * Frozen: copy it (structuredClone) before changing a body's rules.
 */
export const DEFAULT_BODY_RULES: BodyRules = Object.freeze({
  quorum: AT_LEAST_TWO_THIRDS,
  resolutionPass: MAJORITY_OF_ALL,
  electionPass: MAJORITY_OF_ALL,
  projectPass: MAJORITY_OF_ALL,
  ratingVerdict: Object.freeze({
    base: 'all' as const,
    satisfied: AT_LEAST_HALF,
    basicallySatisfied: AT_LEAST_HALF,
  }),
  showNotVoted: true,
  screenResultAt: Object.freeze({ resolution: 'close', project: 'close', election: 'announce', rating: 'announce' } as const),
});

/** Whether the big screen shows this vote's result now, under the body's rules. */
export function resultOnScreen(vote: { kind: VoteKind; state: string }, rules: Pick<BodyRules, 'screenResultAt'>): boolean {
  if (vote.state === 'announced') return true;
  return vote.state === 'closed' && rules.screenResultAt[vote.kind] === 'close';
}

/**
 * The secrecy a new vote starts with: elections by secret ballot (选举法 and 地方组织法: 选举一律采用无记名投票),
 * everything else 记名 so the record shows who chose what. A clerk may change it; the console warns for elections.
 */
export function defaultSecrecy(kind: VoteKind): Secrecy {
  return kind === 'election' ? 'secret' : 'open';
}
