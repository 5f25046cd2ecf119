// A stored vote result laid out as a table, the same way on the printed sheet, the console and the .xlsx
// export. It only arranges what computeResult decided (counts, passed, adopted, elected, run-off, verdict);
// it never counts or compares anything itself.
import type { ElectionResult, ProjectResult, RatingResult, ResolutionResult, VoteResult } from './rules/result-types';
import { markLabel, MARK_LABELS, type Bilingual } from './labels';

export type Tone = 'good' | 'bad' | 'warn' | 'neutral';

export interface ResultRow {
  label: string;
  /** Set on write-in candidates (另选他人), shown beside the name. */
  note?: Bilingual;
  values: Array<number | string>;
  outcome: { text: Bilingual; tone: Tone } | null;
}

export interface ResultTable {
  /** Headings of the value columns (the first column is the option, the last the outcome). */
  columns: Bilingual[];
  rows: ResultRow[];
  /** Whole-vote figures: 全体代表, 出席, 已投, 有效票, 未按, 通过所需票数 … */
  figures: Array<{ label: Bilingual; value: number }>;
  /** The overall outcome in words: 通过 / 未通过 / 当选 2 名 / 需要重新投票 … */
  verdict: Array<{ text: Bilingual; tone: Tone }>;
}

const L = (zh: string, en: string): Bilingual => ({ zh, en });
const RUN_OFF = L('需要重新投票', 'Run-off needed');

/** A satisfaction rate as the server computed it, for display: 0.875 → "87.5%". */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** 全体代表, 出席 and who of them pressed (已投) or not (未按), then 请假 and 缺席 apart (shared/rules/turnout.ts). */
function common(r: VoteResult, showNotVoted: boolean): ResultTable['figures'] {
  const figures = [
    { label: L('全体代表', 'Deputies in office'), value: r.inOffice },
    { label: L('出席代表', 'Present'), value: r.present },
    { label: L('已投', 'Ballots cast'), value: r.cast },
  ];
  if (showNotVoted) figures.push({ label: L('未按', 'Did not vote'), value: r.notVoted });
  figures.push({ label: L('请假', 'On leave'), value: r.onLeave ?? 0 }, { label: L('缺席', 'Absent'), value: r.absent ?? Math.max(0, r.inOffice - r.present) });
  return figures;
}

function resolution(r: ResolutionResult, showNotVoted: boolean): ResultTable {
  const verdict = r.passed ? { text: L('通过', 'Passed'), tone: 'good' as const } : { text: L('未通过', 'Not passed'), tone: 'bad' as const };
  return {
    columns: [MARK_LABELS.yes, MARK_LABELS.no, MARK_LABELS.abstain],
    rows: [{ label: '', values: [r.yes, r.no, r.abstain], outcome: verdict }],
    figures: [
      ...common(r, showNotVoted),
      ...(r.invalid ? [{ label: L('无效票', 'Invalid'), value: r.invalid }] : []),
      { label: L('通过所需赞成票', 'Yes needed to pass'), value: r.required },
    ],
    verdict: [verdict],
  };
}

function runOffLine(runOff: { reason: string } | null): ResultTable['verdict'] {
  if (!runOff) return [];
  const [zh, en] = runOff.reason.split(' / ');
  return [{ text: { zh: `${RUN_OFF.zh}：${zh}`, en: `${RUN_OFF.en}: ${en ?? zh}` }, tone: 'warn' }];
}

/** 当选 2 名 in green; none at all is a failure and says so in red, never "当选 0 名" dressed as a success. */
function countVerdict(n: number, some: Bilingual, none: Bilingual): ResultTable['verdict'][number] {
  if (n === 0) return { text: none, tone: 'bad' };
  return { text: { zh: some.zh.replace('{n}', String(n)), en: some.en.replace('{n}', String(n)) }, tone: 'good' };
}

function project(r: ProjectResult, showNotVoted: boolean): ResultTable {
  const tied = new Set(r.runOff?.optionIds ?? []);
  return {
    columns: [MARK_LABELS.yes, markLabel('project', 'no'), MARK_LABELS.abstain, L('名次', 'Rank')],
    rows: r.options.map((o) => ({
      label: o.label,
      values: [o.yes, o.no, o.abstain, o.rank],
      outcome: o.adopted
        ? { text: L('入选', 'Adopted'), tone: 'good' }
        : tied.has(o.optionId)
          ? { text: RUN_OFF, tone: 'warn' }
          : { text: L('未入选', 'Not adopted'), tone: 'neutral' },
    })),
    figures: [
      ...common(r, showNotVoted),
      { label: L('有效票', 'Valid ballots'), value: r.validBallots },
      { label: L('无效票', 'Invalid ballots'), value: r.invalidBallots },
      { label: L('最多入选项目', 'Projects to adopt (N)'), value: r.maxYes },
      { label: L('入选所需赞成票', 'Yes needed'), value: r.required },
    ],
    verdict: [countVerdict(r.adoptedIds.length, L('入选 {n} 项', '{n} adopted'), L('没有项目入选', 'No project adopted')), ...runOffLine(r.runOff)],
  };
}

function election(r: ElectionResult, showNotVoted: boolean): ResultTable {
  const tiedIds = new Set(r.runOff?.optionIds ?? []);
  const tiedNames = new Set(r.runOff?.writeIns ?? []);
  const elected = r.electedIds.length + r.electedWriteIns.length;
  const verdict: ResultTable['verdict'] = [countVerdict(elected, L('当选 {n} 名', '{n} elected'), L('无人当选', 'No one elected')), ...runOffLine(r.runOff)];
  if (r.unfilledSeats > 0) {
    verdict.push({ text: L(`尚缺 ${r.unfilledSeats} 名，另行选举`, `${r.unfilledSeats} seat(s) unfilled: hold another election`), tone: 'warn' });
  }
  return {
    columns: [MARK_LABELS.yes, MARK_LABELS.no, MARK_LABELS.abstain, L('名次', 'Rank')],
    rows: r.candidates.map((c) => ({
      label: c.label,
      ...(c.writeIn && { note: L('另选他人', 'write-in') }),
      values: c.writeIn ? [c.yes, '—', '—', c.rank] : [c.yes, c.no, c.abstain, c.rank],
      outcome: c.elected
        ? { text: L('当选', 'Elected'), tone: 'good' }
        : (c.optionId !== null && tiedIds.has(c.optionId)) || (c.writeIn && tiedNames.has(c.label))
          ? { text: RUN_OFF, tone: 'warn' }
          : { text: L('未当选', 'Not elected'), tone: 'neutral' },
    })),
    figures: [
      ...common(r, showNotVoted),
      { label: L('有效票', 'Valid ballots'), value: r.validBallots },
      { label: L('无效票', 'Invalid ballots'), value: r.invalidBallots },
      { label: L('应选名额', 'Seats'), value: r.seats },
      { label: L('当选所需赞成票', 'Yes needed'), value: r.required },
    ],
    verdict,
  };
}

const VERDICT_TONE = { satisfied: 'good', basic: 'neutral', unsatisfied: 'bad' } as const;

function rating(r: RatingResult, showNotVoted: boolean): ResultTable {
  return {
    columns: [MARK_LABELS.satisfied, MARK_LABELS.basic, MARK_LABELS.unsatisfied, L('无效', 'Invalid'), L('满意率', 'Satisfaction')],
    rows: r.subjects.map((s) => ({
      label: s.label,
      values: [s.satisfied, s.basic, s.unsatisfied, s.invalid, formatRate(s.satisfactionRate)],
      outcome: { text: MARK_LABELS[s.verdict], tone: VERDICT_TONE[s.verdict] },
    })),
    figures: common(r, showNotVoted),
    verdict: [],
  };
}

export function resultTable(result: VoteResult, showNotVoted = true): ResultTable {
  switch (result.kind) {
    case 'resolution':
      return resolution(result, showNotVoted);
    case 'project':
      return project(result, showNotVoted);
    case 'election':
      return election(result, showNotVoted);
    case 'rating':
      return rating(result, showNotVoted);
  }
}
