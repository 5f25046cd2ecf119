// Report read models (表决结果, 签到统计表, 履职档案) and the zh/en words both the console and the server's
// .xlsx exports print. The numbers and outcomes in them come from the server (shared/rules); nothing here counts.
import type { Mark, RatingMark, VoteKind, VoteState } from './types';
import type { AttendanceEntry, AttendanceSummary, DeputyView, VoteView } from './views';
import type { RollCallEntry } from './roll-call';

export interface Bilingual {
  zh: string;
  en: string;
}

export const KIND_LABELS: Readonly<Record<VoteKind, Bilingual>> = {
  resolution: { zh: '议案表决', en: 'Resolution' },
  project: { zh: '民生实事项目票决', en: 'Project vote' },
  election: { zh: '选举', en: 'Election' },
  rating: { zh: '满意度测评', en: 'Rating' },
};

export const STATE_LABELS: Readonly<Record<VoteState, Bilingual>> = {
  draft: { zh: '未开始', en: 'Draft' },
  open: { zh: '表决中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
  announced: { zh: '已宣布', en: 'Announced' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const MARK_LABELS: Readonly<Record<Mark | RatingMark, Bilingual>> = {
  yes: { zh: '赞成', en: 'Yes' },
  no: { zh: '反对', en: 'No' },
  abstain: { zh: '弃权', en: 'Abstain' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

/** A mark in words as its vote kind calls it, the one label everywhere (console, sheets, 履职档案, .xlsx): a project
 *  vote's 'no' is 不赞成, as on its ballot. */
export function markLabel(kind: VoteKind, mark: Mark | RatingMark): Bilingual {
  return kind === 'project' && mark === 'no' ? { zh: '不赞成', en: 'No' } : MARK_LABELS[mark];
}

/** Where a report belongs: body, meeting and sitting names. */
export interface ReportPlace {
  bodyName: string;
  meetingId: number;
  meetingName: string;
  sittingId: number;
  sittingName: string;
}

/** 表决结果: one vote, its rule in words and its result as the server fixed it at close. */
export interface VoteReport extends ReportPlace {
  vote: VoteView;
  agendaTitle: string;
  /** The pass rule in words (describePassRule). */
  rule: Bilingual;
  /** The body's setting: whether 未按 is printed. */
  showNotVoted: boolean;
  /** Head of the audit hash chain when the sheet was made: a later check of the log can confirm the sheet. */
  auditHead: string;
  generatedAt: string;
  /** The venue's time zone: every time on the sheet reads on this clock (shared/venue-time.ts). */
  timeZone: string;
  /** 记名 votes once closed: each deputy's choice or why there is none; null for 无记名 votes and before close. */
  rollCall: RollCallEntry[] | null;
}

/** 签到统计表: one sitting's summary and everyone on its list. */
export interface AttendanceReport extends ReportPlace {
  summary: AttendanceSummary;
  entries: AttendanceEntry[];
  auditHead: string;
  generatedAt: string;
  timeZone: string;
}

export interface DeputySittingRecord {
  meetingId: number;
  meetingName: string;
  sittingId: number;
  sittingName: string;
  startsAt: string | null;
  /** 'pending': nobody has checked in to the sitting yet (it has not been held), so it is not an absence. */
  status: 'present' | 'leave' | 'absent' | 'pending';
  method: 'face' | 'manual' | null;
  at: string | null;
  leaveReason: string | null;
}

export interface DeputyVoteRecord {
  voteId: number;
  meetingName: string;
  sittingName: string;
  title: string;
  kind: VoteKind;
  secrecy: 'open' | 'secret';
  state: VoteState;
  participated: boolean;
  /**
   * 记名 votes only: the marks this deputy cast, by option. Always null for 无记名 votes — the record
   * shows that the deputy took part, never what they chose.
   */
  choice: Array<{ label: string; mark: Mark | RatingMark }> | null;
  writeIns: string[];
}

/** 履职档案: a deputy's attendance and votes across the meetings of the body. */
export interface DeputyRecord {
  deputy: DeputyView;
  bodyName: string;
  totals: { sittings: number; present: number; leave: number; absent: number; pending: number; votes: number; participated: number };
  sittings: DeputySittingRecord[];
  /** Votes the deputy could take part in (in the electorate fixed when each opened). */
  votes: DeputyVoteRecord[];
  generatedAt: string;
}
