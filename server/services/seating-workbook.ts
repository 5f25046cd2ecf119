// The 座次表 as .xlsx (exceljs): one sheet per section drawn as the hall (a cell per seat, the name with its
// delegation's tint), and a list sheet 座位名单 in the body's order, for the office to edit or print elsewhere.
import ExcelJS from 'exceljs';
import { delegationTints } from '../../shared/delegation-colors';
import type { SeatingView } from '../../shared/hall';

const TITLE_FONT = { name: 'SimHei', size: 16, bold: true };
const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** Excel forbids some characters and more than 31 characters in a sheet's name. */
const sheetName = (name: string, i: number) => `${i + 1} ${name.replace(/[\\/?*[\]:]/g, ' ')}`.slice(0, 31);

function sectionSheet(book: ExcelJS.Workbook, seating: SeatingView, index: number, title: string, tints: Map<string, string>): void {
  const sec = seating.hall.sections[index]!;
  const sheet = book.addWorksheet(sheetName(sec.name, index), { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = Math.max(0, ...sec.seats.map((s) => s.seat));
  sheet.columns = [{ width: 6 }, ...Array.from({ length: width }, () => ({ width: 9 }))];
  sheet.addRow([`${title} — ${sec.name}`]).font = TITLE_FONT;
  sheet.addRow(['', ...Array.from({ length: width }, (_, i) => `${i + 1}座`)]).font = { bold: true };
  const byPlace = new Map(sec.seats.map((s) => [`${s.row}:${s.seat}`, s.id]));
  const who = new Map(seating.assignments.map((a) => [a.seatId, a]));
  const rows = [...new Set(sec.seats.map((s) => s.row))].sort((a, b) => a - b);
  for (const r of rows) {
    const row = sheet.addRow([sec.rows > 1 ? `${r}排` : '']);
    row.height = 30;
    for (let s = 1; s <= width; s += 1) {
      const seatId = byPlace.get(`${r}:${s}`);
      if (seatId === undefined) continue;
      const cell = row.getCell(s + 1);
      const a = who.get(seatId);
      cell.value = a?.name ?? '';
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      const tint = a?.delegation ? tints.get(a.delegation.trim()) : undefined;
      if (tint) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(tint) } };
    }
  }
}

export async function seatingWorkbook(seating: SeatingView, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Quorum';
  const tints = delegationTints(seating.people.map((p) => p.participant.delegation ?? p.participant.organisation));
  const list = book.addWorksheet('座位名单');
  list.columns = [{ width: 18 }, { width: 14 }, { width: 22 }, { width: 10 }];
  list.addRow([`${title} — 座位名单`]).font = TITLE_FONT;
  const head = list.addRow(['座位', '姓名', '代表团/单位', '身份']);
  head.font = { bold: true };
  const labelOf = new Map(seating.hall.sections.flatMap((s) => s.seats.map((x) => [x.id, x.label] as const)));
  const ROLE = { deputy: '代表', observer: '列席', staff: '工作人员' } as const;
  for (const p of seating.people) {
    if (p.participant.role === 'staff' && p.seatId === null) continue;
    list.addRow([p.seatId ? labelOf.get(p.seatId) : '未安排', p.participant.name, p.participant.delegation ?? p.participant.organisation ?? '', ROLE[p.participant.role]]);
  }
  seating.hall.sections.forEach((_, i) => sectionSheet(book, seating, i, title, tints));
  return Buffer.from(await book.xlsx.writeBuffer());
}
