// Report read models (表决结果, 签到统计表, 履职档案); the zh/en words they print are in labels.ts. The numbers and
// outcomes in them come from the server (shared/rules); nothing here counts.
import type { ReportDocument } from './documents';
import type { Mark, RatingMark, VoteKind, VoteState } from './types';
import type { AttendanceEntry, AttendanceSummary, DeputyView, VoteView } from './views';
import type { Bilingual } from './labels';
import type { RollCallEntry } from './roll-call';
import type { SpokenTurn } from './speaking';
import type { AgendaEntry } from './agenda';

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

/** A document (会议文件) as the agenda report lists it: its name and the SHA-256 of its bytes. */
export interface AgendaReportDocument {
  name: string;
  sha256: string;
}

/** One item of the 议程 report: the item, its votes (title, kind, state) and its documents. */
export interface AgendaReportItem extends AgendaEntry {
  current: boolean;
  votes: Array<Pick<VoteView, 'id' | 'title' | 'kind' | 'state'>>;
  documents: AgendaReportDocument[];
}

/** 会议议程: a sitting's agenda in order, each item with its votes and documents, and the sitting's own documents. */
export interface AgendaReport extends ReportPlace {
  items: AgendaReportItem[];
  /** Documents of the sitting as a whole (not of one item). */
  sittingDocuments: AgendaReportDocument[];
  auditHead: string;
  generatedAt: string;
  timeZone: string;
}

/** 签到统计表: one sitting's summary and everyone on its list. */
export interface AttendanceReport extends ReportPlace {
  summary: AttendanceSummary;
  entries: AttendanceEntry[];
  /** 会议文件 of the sitting, each with its name and SHA-256 (services/report-documents.ts). */
  documents: ReportDocument[];
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
  /** Speeches and questions the deputy made (发言), oldest first: how many, on which items. */
  speeches: SpokenTurn[];
  generatedAt: string;
}
