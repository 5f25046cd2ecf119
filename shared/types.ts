// Domain types both the server and the apps agree on. The rules in shared/rules/ work on these.

/** A deputy's standing in the body: only `active` deputies are "in office" (count in 全体代表 and may vote). */
export type DeputyStatus = 'active' | 'suspended' | 'terminated';

/** Who a meeting participant is: deputies vote; 列席 (observer) and staff only check in. */
export type ParticipantRole = 'deputy' | 'observer' | 'staff';

export type VoteKind = 'resolution' | 'project' | 'election' | 'rating';

/** open = 记名 (who chose what is recorded); secret = 无记名 (only participation is recorded). */
export type Secrecy = 'open' | 'secret';

export type VoteState = 'draft' | 'open' | 'closed' | 'announced' | 'cancelled';

/** GB 50799-2012 §6.2.2: last press valid (a deputy may change until close) or first press valid. */
export type ChangePolicy = 'last' | 'first';

/** What a pass fraction is taken of: deputies in office when the vote opened, those checked in, or ballots cast. */
export type PassBase = 'all' | 'present' | 'cast';

/**
 * A fraction threshold. `strict: true` means "more than" (过半数 = more than 1/2),
 * `strict: false` means "at least" (≥ 2/3).
 */
export interface Fraction {
  num: number;
  den: number;
  strict: boolean;
}

export interface PassRule {
  base: PassBase;
  fraction: Fraction;
}

/** Rating verdict thresholds, each a fraction of the rating's base (see BodyRules.ratingVerdict). */
export interface RatingVerdictRule {
  base: PassBase;
  /** 满意 if 满意 reaches this fraction of the base. */
  satisfied: Fraction;
  /** 基本满意 if 满意 + 基本满意 reaches this fraction; otherwise 不满意. */
  basicallySatisfied: Fraction;
}

/** Per-body rule settings: localities differ, so every fraction and base is configurable. */
export interface BodyRules {
  /** Quorum to hold a sitting, as a fraction of deputies in office (default ≥ 2/3). */
  quorum: Fraction;
  resolutionPass: PassRule;
  electionPass: PassRule;
  projectPass: PassRule;
  ratingVerdict: RatingVerdictRule;
  /** Whether 未按 (in office, did not press) is shown in results. */
  showNotVoted: boolean;
  /** When the big screen shows a vote's result, per kind: as soon as it closes, or once the chair announces it. */
  screenResultAt: Record<VoteKind, ScreenResultAt>;
}

/** 'close': the result is on the big screen when the vote closes; 'announce': only after 宣布结果. */
export type ScreenResultAt = 'close' | 'announce';

/** Marks on one option of a resolution, project or election ballot. */
export type Mark = 'yes' | 'no' | 'abstain';

/** Marks on one subject of a rating ballot: 满意 / 基本满意 / 不满意. */
export type RatingMark = 'satisfied' | 'basic' | 'unsatisfied';

/**
 * One ballot's content: a mark per option id (string keys, as JSON has them), and for elections
 * the names written in (另选他人), each counting as one 赞成 toward the seat limit.
 * A resolution has exactly one option: the motion.
 */
export interface BallotContent {
  marks: Record<string, Mark | RatingMark>;
  writeIns?: string[];
}

export interface VoteOption {
  id: number;
  label: string;
  description?: string;
}

/** What the rules need to know about a vote. */
export interface VoteSpec {
  kind: VoteKind;
  options: VoteOption[];
  /**
   * project: at most N 赞成 per ballot; election: seats to fill. Ignored for resolution and rating.
   * Required (an integer ≥ 1) for project and election: the rules throw on a spec without it (validateSpec).
   */
  maxYes?: number;
  /** election: whether write-ins (另选他人) are allowed. */
  allowWriteIn?: boolean;
  passRule: PassRule;
  /** Only for rating votes; when absent the rules apply DEFAULT_BODY_RULES.ratingVerdict. */
  ratingVerdict?: RatingVerdictRule;
}

/**
 * The headcounts every base and the quorum are taken from. Suspended and terminated deputies are in
 * neither count (see countInOffice in shared/rules), nor are observers or staff.
 */
export interface Headcount {
  /** Deputies in office (active) — for a vote, fixed when it opened. */
  inOffice: number;
  /** Deputies in office checked in to the sitting. */
  present: number;
  /** Deputies in office on leave for the sitting and not checked in (shown apart from 缺席); default 0. */
  onLeave?: number;
}
