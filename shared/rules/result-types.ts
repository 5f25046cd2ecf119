// The result of a vote, as computeResult returns it, the server stores it when the vote closes,
// and the console and big screen display it. One shape per kind, discriminated on `kind`.
//
// Everywhere: suspended and terminated deputies never count. `inOffice` is the number of deputies in
// office fixed when the vote opened, and the server never passes ballots of anyone else.
import type { PassRule, RatingMark, RatingVerdictRule, VoteKind } from '../types';
import type { BallotErrorCode } from './ballot';

/** Fields every result has. */
export interface ResultCommon {
  kind: VoteKind;
  /** Ballots received, valid or not. */
  cast: number;
  /** 未按: deputies present (checked in) who cast no ballot, present − cast, never negative (shared/rules/turnout.ts). */
  notVoted: number;
  /** 请假: deputies in office on leave and not checked in. */
  onLeave: number;
  /** 缺席: deputies in office neither present nor on leave. */
  absent: number;
  /** Deputies in office when the vote opened (the 'all' base). */
  inOffice: number;
  /** Deputies present (the 'present' base). */
  present: number;
}

/** How a threshold was applied: the rule, the size of its base, and the least count that meets it. */
export interface Threshold {
  passRule: PassRule;
  /**
   * The base the fraction is taken of: 'all' → inOffice, 'present' → present, 'cast' → ballots cast
   * for a resolution, valid ballots for a project or an election.
   */
  base: number;
  /** requiredCount(base, fraction): the least number of 赞成 that passes. May exceed base (unreachable). */
  required: number;
}

/** 议案表决: one motion, 赞成 / 反对 / 弃权 / 未按. */
export interface ResolutionResult extends ResultCommon, Threshold {
  kind: 'resolution';
  yes: number;
  no: number;
  abstain: number;
  /** Ballots that fail validateBallot (the server refuses them at cast time, so normally 0). */
  invalid: number;
  /** yes meets the pass rule. */
  passed: boolean;
}

/** A tie at the last place that can be filled: nobody tied is adopted or elected until a run-off. */
export interface RunOff {
  /** The tied options (projects or listed candidates), in the vote's option order. */
  optionIds: number[];
  /** The 赞成 count they share. */
  votes: number;
  /** How many of them can still be adopted or elected: the places left after the clear winners. */
  places: number;
  /** Why, in words: Chinese, then English. */
  reason: string;
}

/** Marks one project or candidate received on valid ballots. */
export interface MarkCounts {
  yes: number;
  no: number;
  abstain: number;
}

/** Ranking of one project or candidate. */
export interface Ranked {
  /** 1 + the number of entries with strictly more 赞成 (ties share a rank: 1, 2, 2, 4). */
  rank: number;
  /** 赞成 meets the pass rule (whether or not it ranks within the limit). */
  passes: boolean;
}

/** Why ballots were invalid, by the first problem validateBallot found on each. */
export type InvalidReasons = Partial<Record<BallotErrorCode, number>>;

export interface ProjectOptionResult extends MarkCounts, Ranked {
  optionId: number;
  label: string;
  /** Passes and ranks within N without a tie across the N-th place. */
  adopted: boolean;
}

/**
 * 民生实事项目票决: projects ranked by 赞成; adopted while they pass the threshold and rank within N.
 * On every project, yes + no + abstain = validBallots (invalid ballots count on no project).
 */
export interface ProjectResult extends ResultCommon, Threshold {
  kind: 'project';
  /** N: at most this many 赞成 per ballot, and at most this many projects adopted. */
  maxYes: number;
  validBallots: number;
  invalidBallots: number;
  invalidReasons: InvalidReasons;
  /** In the vote's option order. */
  options: ProjectOptionResult[];
  /** Adopted project ids, by rank, then option order. */
  adoptedIds: number[];
  /** Set iff passing projects tie across the N-th place; the tied ones are not adopted. */
  runOff: RunOff | null;
}

export interface CandidateResult extends MarkCounts, Ranked {
  /** The listed candidate's option id, or null for a write-in (另选他人). */
  optionId: number | null;
  writeIn: boolean;
  /** The listed name, or the write-in as written most often (ties: the first in code-unit order). */
  label: string;
  /** Passes and ranks within the seats without a tie across the last seat. */
  elected: boolean;
}

/** A run-off in an election: the tied listed candidates and the tied write-in names. */
export interface ElectionRunOff extends RunOff {
  /** Labels of tied write-in candidates, in code-unit order. */
  writeIns: string[];
}

/**
 * 选举: candidates (listed, and each distinct write-in name) ranked by 赞成; elected when they pass
 * the threshold and rank within the seats. A ballot with more 赞成 (write-ins included) than seats, or
 * otherwise failing validateBallot, is invalid as a whole. Listed candidates: yes + no + abstain =
 * validBallots; write-ins only receive 赞成. elected + runOff.places + unfilledSeats = seats.
 */
export interface ElectionResult extends ResultCommon, Threshold {
  kind: 'election';
  seats: number;
  validBallots: number;
  invalidBallots: number;
  invalidReasons: InvalidReasons;
  /** Listed candidates in the vote's option order, then write-ins by 赞成 (desc), then label. */
  candidates: CandidateResult[];
  /** Elected listed candidate ids, by rank, then option order. */
  electedIds: number[];
  /** Elected write-in labels, by rank, then label. */
  electedWriteIns: string[];
  /** Set iff passing candidates tie across the last seat; the tied ones are not elected. */
  runOff: ElectionRunOff | null;
  /** Seats left empty because too few candidates passed the threshold (另行选举). */
  unfilledSeats: number;
}

/** 满意度测评 of one subject. satisfied + basic + unsatisfied + invalid = cast. */
export interface RatingSubjectResult {
  optionId: number;
  label: string;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  /** Ballots with no mark, or a mark that is not a rating mark, for this subject. */
  invalid: number;
  /** satisfied + basic + unsatisfied. */
  valid: number;
  /** (satisfied + basic) / valid, null when valid is 0. For display: the verdict uses integers. */
  satisfactionRate: number | null;
  /** The verdict's base: 'all' → inOffice, 'present' → present, 'cast' → this subject's valid count. */
  base: number;
  /** Least 满意 for 满意, and least 满意 + 基本满意 for 基本满意 (requiredCount of each fraction). */
  required: { satisfied: number; basic: number };
  verdict: RatingMark;
}

/** 满意度测评: one verdict per subject, from the vote's rating verdict rule. */
export interface RatingResult extends ResultCommon {
  kind: 'rating';
  /** The rule applied: the vote's own, or DEFAULT_BODY_RULES.ratingVerdict when the vote has none. */
  verdictRule: RatingVerdictRule;
  /** In the vote's option order. */
  subjects: RatingSubjectResult[];
}

/** The result of any vote. */
export type VoteResult = ResolutionResult | ProjectResult | ElectionResult | RatingResult;
