// Reads a 座次表 spreadsheet (.xlsx) of the hall: one line per row of seats, 区域 | 排 | 座 (a number or a range such
// as 1-20) | 类型 (optional: 主席台 / 代表席). Each line keeps its spreadsheet number so a bad line is reported by it.
import { AppError } from '../../shared/errors';
import type { SectionKind } from '../../shared/hall';
import { normalizeText } from '../../shared/text';
import { xlsxTable } from './roster-file';

export interface HallLine {
  line: number;
  section: string;
  kind: SectionKind;
  row: number;
  seats: number[];
}

export interface HallLineError {
  row: number;
  message: string;
}

const HEADERS: Record<string, 'section' | 'row' | 'seat' | 'kind'> = {
  区域: 'section', 区: 'section', 分区: 'section', section: 'section',
  排: 'row', 排号: 'row', row: 'row',
  座: 'seat', 座号: 'seat', 座位: 'seat', 座位号: 'seat', seat: 'seat', seats: 'seat',
  类型: 'kind', 区域类型: 'kind', kind: 'kind', type: 'kind',
};

const MAX_SEATS_PER_LINE = 200;

const text = (v: unknown): string => normalizeText(String(v ?? '')).trim();

/** 1, '12', '1-20', '1～20': the seats a line holds, or null when it is not one of these. */
function seatsOf(v: unknown): number[] | null {
  const m = /^(\d{1,3})(?:\s*[-－~～至]\s*(\d{1,3}))?$/.exec(text(v));
  if (!m) return null;
  const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
  if (from < 1 || to < from || to - from + 1 > MAX_SEATS_PER_LINE) return null;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function kindOf(v: unknown, section: string): SectionKind | null {
  const k = text(v);
  if (k === '') return section.includes('主席台') ? 'podium' : 'floor';
  if (['主席台', 'podium'].includes(k.toLowerCase())) return 'podium';
  if (['代表席', '座席', 'floor'].includes(k.toLowerCase())) return 'floor';
  return null;
}

/** One line checked: the seats it holds, or what is wrong with it in words a clerk reads. */
function parseLine(line: number, cells: Record<string, unknown>): HallLine | HallLineError {
  const section = text(cells.section);
  if (!section || section.length > 40) return { row: line, message: '缺少区域名称（或超过 40 字） / The section name is missing or too long' };
  const row = Number(text(cells.row));
  if (!Number.isInteger(row) || row < 1 || row > 200) return { row: line, message: `排号「${text(cells.row)}」应为 1–200 的整数 / The row must be a whole number 1–200` };
  const seats = seatsOf(cells.seat);
  if (!seats) return { row: line, message: `座号「${text(cells.seat)}」应为数字或范围（如 1-20） / The seat must be a number or a range such as 1-20` };
  const kind = kindOf(cells.kind, section);
  if (!kind) return { row: line, message: `类型「${text(cells.kind)}」应为「主席台」或「代表席」 / The kind must be 主席台 or 代表席` };
  return { line, section, kind, row, seats };
}

/** The lines of a 座次表 file, each good one parsed and each bad one reported by its spreadsheet line. */
export async function readHallFile(fileName: string, bytes: Buffer): Promise<Array<HallLine | HallLineError>> {
  if (!fileName.toLowerCase().endsWith('.xlsx')) {
    throw new AppError('ERR_UNSUPPORTED_MEDIA', '座次表须为 .xlsx 文件 / The seating plan must be an .xlsx file');
  }
  const [header, ...body] = await xlsxTable(bytes);
  const fields = (header ?? []).map((h) => HEADERS[text(h).toLowerCase()] ?? null);
  if (!fields.includes('section') || !fields.includes('row') || !fields.includes('seat')) {
    throw new AppError('ERR_VALIDATION', '座次表第一行须有「区域」「排」「座」列 / The first row must name the columns 区域, 排 and 座');
  }
  const out: Array<HallLine | HallLineError> = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => text(c) === '')) return;
    const named: Record<string, unknown> = {};
    fields.forEach((f, j) => f && (named[f] = cells[j]));
    out.push(parseLine(i + 2, named));
  });
  return out;
}
