// The .xlsx exports of the results sheet and the attendance sheet (exceljs). Same rows as the printed sheets:
// the result table comes from shared/result-table.ts, the attendance list from the attendance service.
import ExcelJS from 'exceljs';
import type { AttendanceReport, VoteReport } from '../../shared/reports';
import { KIND_LABELS, markLabel, STATE_LABELS } from '../../shared/labels';
import { groupByDelegation, NO_DELEGATION, ROLL_STATUS_LABELS, type RollCallEntry } from '../../shared/roll-call';
import { resultTable } from '../../shared/result-table';
import { formatVenueTime } from '../../shared/venue-time';

const TITLE_FONT = { name: 'SimHei', size: 16, bold: true };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };


function header(sheet: ExcelJS.Worksheet, values: string[]): void {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.eachCell((c) => (c.fill = HEAD_FILL));
}

async function toBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function voteWorkbook(r: VoteReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Quorum';
  const sheet = book.addWorksheet('表决结果');
  sheet.columns = [{ width: 34 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 22 }];
  sheet.addRow([`表决结果 — ${r.vote.title}`]).font = TITLE_FONT;
  const info: Array<[string, string | number]> = [
    ['人民代表大会', r.bodyName],
    ['会议', `${r.meetingName} ${r.sittingName}`],
    ['议程', r.agendaTitle],
    ['表决方式', `${KIND_LABELS[r.vote.kind].zh}（${r.vote.secrecy === 'secret' ? '无记名' : '记名'}）`],
    ['通过规则', r.rule.zh],
    ['状态', STATE_LABELS[r.vote.state].zh],
    ['开始时间', formatVenueTime(r.vote.openedAt, r.timeZone)],
    ['结束时间', formatVenueTime(r.vote.closedAt, r.timeZone)],
    ['宣布时间', formatVenueTime(r.vote.announcedAt, r.timeZone)],
  ];
  if (r.vote.quorumOverride) info.push(['未达法定人数开始表决的理由', r.vote.quorumOverride]);
  for (const [k, v] of info) sheet.addRow([k, v]).getCell(1).font = { bold: true };
  sheet.addRow([]);
  const tally = r.vote.tally;
  if (!tally || (r.vote.state !== 'closed' && r.vote.state !== 'announced')) {
    sheet.addRow(['表决尚未结束，结果未定 / The vote has not closed: no result yet']);
  } else {
    const table = resultTable(tally, r.showNotVoted);
    header(sheet, ['项目', ...table.columns.map((c) => c.zh), '结果']);
    for (const row of table.rows) sheet.addRow([(row.label || r.vote.title) + (row.note ? `（${row.note.zh}）` : ''), ...row.values, row.outcome?.text.zh ?? '']);
    sheet.addRow([]);
    for (const f of table.figures) sheet.addRow([f.label.zh, f.value]);
    for (const v of table.verdict) sheet.addRow(['表决结果', v.text.zh]).font = { bold: true };
  }
  sheet.addRow([]);
  sheet.addRow(['审计链头哈希（生成时）', r.auditHead]);
  sheet.addRow(['生成时间', `${formatVenueTime(r.generatedAt, r.timeZone)}（${r.timeZone}）`]);
  if (r.rollCall) rollCallSheet(book, r, r.rollCall);
  return toBuffer(book);
}

/** 记名表决明细: one row per deputy, grouped by delegation, a column per option (one for a resolution). */
function rollCallSheet(book: ExcelJS.Workbook, r: VoteReport, entries: RollCallEntry[]): void {
  const sheet = book.addWorksheet('记名表决明细');
  const single = r.vote.kind === 'resolution';
  const writeIns = entries.some((e) => e.writeIns.length > 0);
  const optionHeads = single ? ['表决意见'] : r.vote.options.map((o) => o.label);
  sheet.columns = [{ width: 22 }, { width: 14 }, { width: 12 }, ...optionHeads.map(() => ({ width: 14 })), { width: 20 }];
  sheet.addRow([`记名表决明细 — ${r.vote.title}`]).font = TITLE_FONT;
  header(sheet, ['代表团/选区', '代表证号', '姓名', ...optionHeads, ...(writeIns ? ['另选他人'] : [])]);
  for (const g of groupByDelegation(entries)) {
    for (const e of g.entries) {
      const marks = e.status === 'voted' ? e.marks!.map((m) => (m ? markLabel(r.vote.kind, m).zh : '—')) : optionHeads.map(() => ROLL_STATUS_LABELS[e.status as Exclude<typeof e.status, 'voted'>].zh);
      sheet.addRow([g.delegation ?? NO_DELEGATION.zh, e.cardNo, e.name, ...marks, ...(writeIns ? [e.writeIns.join('、')] : [])]);
    }
  }
}

const STATUS_ZH = { present: '已报到', leave: '请假', absent: '缺席' } as const;
const METHOD_ZH = { face: '人脸识别', manual: '人工补签' } as const;
const ROLE_ZH = { deputy: '代表', observer: '列席', staff: '工作人员' } as const;

export async function attendanceWorkbook(r: AttendanceReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Quorum';
  const sheet = book.addWorksheet('签到统计表');
  sheet.columns = [{ width: 8 }, { width: 14 }, { width: 10 }, { width: 18 }, { width: 10 }, { width: 12 }, { width: 20 }, { width: 30 }];
  sheet.addRow([`签到统计表 — ${r.meetingName} ${r.sittingName}`]).font = TITLE_FONT;
  sheet.addRow(['人民代表大会', r.bodyName]);
  const s = r.summary;
  header(sheet, ['应到', '实到', '请假', '缺席', '列席及工作人员', '法定人数', '是否达到']);
  sheet.addRow([s.expected, s.present, s.onLeave, s.absent, s.othersPresent, s.quorum.required, s.quorum.met ? '已达到' : `未达到（还差 ${s.quorum.shortBy} 人）`]);
  sheet.addRow([]);
  header(sheet, ['序号', '姓名', '身份', '代表团/选区', '状态', '报到方式', '报到时间', '请假或补签理由']);
  r.entries.forEach((e, i) => {
    sheet.addRow([
      i + 1,
      e.participant.name,
      ROLE_ZH[e.participant.role],
      e.participant.delegation ?? e.participant.organisation ?? '',
      e.inOffice ? STATUS_ZH[e.status] : `${STATUS_ZH[e.status]}（不在任）`,
      e.checkin ? METHOD_ZH[e.checkin.method] : '',
      formatVenueTime(e.checkin?.at, r.timeZone),
      e.leaveReason ?? e.checkin?.reason ?? '',
    ]);
  });
  sheet.addRow([]);
  sheet.addRow(['审计链头哈希（生成时）', r.auditHead]);
  sheet.addRow(['生成时间', `${formatVenueTime(r.generatedAt, r.timeZone)}（${r.timeZone}）`]);
  return toBuffer(book);
}
