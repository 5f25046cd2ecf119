// Reads a roster spreadsheet (.xlsx or .csv) into rows of DeputyInput-shaped objects. Headers may be Chinese
// or English; each data row keeps its spreadsheet row number so the clerk can find a bad row.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../shared/errors';
import { bufferBytes, readDirectory } from './zip-reader';

export interface RosterRow {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  line: number;
  values: Record<string, unknown>;
}

const HEADERS: Record<string, string> = {
  姓名: 'name', name: 'name', 代表姓名: 'name',
  性别: 'gender', gender: 'gender', sex: 'gender',
  代表团: 'delegation', 选区: 'delegation', '代表团/选区': 'delegation', 所属代表团: 'delegation', delegation: 'delegation', constituency: 'delegation',
  代表证号: 'cardNo', 证号: 'cardNo', 代表证编号: 'cardNo', cardno: 'cardNo', card_no: 'cardNo', card: 'cardNo', 'card number': 'cardNo',
  照片: 'photo', 照片文件: 'photo', 照片文件名: 'photo', photo: 'photo', photos: 'photo', 'photo file': 'photo',
};

function fieldOf(header: unknown): string | null {
  const key = String(header ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return HEADERS[key] ?? HEADERS[String(header ?? '').trim()] ?? null;
}

function toRows(table: unknown[][]): RosterRow[] {
  const [header, ...body] = table;
  if (!header) throw new AppError('ERR_VALIDATION', '名册为空 / The roster file is empty');
  const fields = header.map(fieldOf);
  if (!fields.includes('name') || !fields.includes('cardNo')) {
    throw new AppError('ERR_VALIDATION', '名册第一行须有「姓名」和「代表证号」列 / The first row must name the columns 姓名 and 代表证号');
  }
  const rows: RosterRow[] = [];
  body.forEach((cells, i) => {
    if (!cells || cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return; // blank line
    const values: Record<string, unknown> = {};
    fields.forEach((f, j) => {
      if (f && cells[j] !== undefined && cells[j] !== null) values[f] = cells[j];
    });
    rows.push({ line: i + 2, values });
  });
  return rows;
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return v.text;
    if ('result' in v) return v.result;
  }
  return v;
}

/** An .xlsx is a zip that exceljs unpacks whole: a roster's has a dozen parts of a few MB at most. */
const XLSX_LIMITS = { entries: 1000, nameBytes: 512, unpacked: 256 * 1024 * 1024, label: { zh: 'Excel 文件', en: '.xlsx file' } };

/** Bounds an .xlsx's zip from its directory before exceljs reads it (an .xlsx of 600,000 parts is no roster). */
async function checkXlsxZip(bytes: Buffer): Promise<void> {
  const entries = await readDirectory(bufferBytes(bytes), XLSX_LIMITS);
  if (entries.reduce((n, e) => n + e.size, 0) > XLSX_LIMITS.unpacked) {
    throw new AppError('ERR_PAYLOAD_TOO_LARGE', 'Excel 文件解压后过大 / The .xlsx file unpacks too large');
  }
}

export async function readRoster(fileName: string, bytes: Buffer): Promise<RosterRow[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    let table: unknown[][];
    try {
      table = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
    } catch (e) {
      throw new AppError('ERR_VALIDATION', `CSV 文件无法读取 / CSV cannot be read: ${(e as Error).message}`);
    }
    return toRows(table);
  }
  if (lower.endsWith('.xlsx')) {
    return toRows(await xlsxTable(bytes));
  }
  throw new AppError('ERR_UNSUPPORTED_MEDIA', '名册须为 .xlsx 或 .csv 文件 / The roster must be an .xlsx or .csv file');
}

/** The first sheet of an .xlsx as rows of cell values (empty rows kept, so a row's index + 1 is its line). */
export async function xlsxTable(bytes: Buffer): Promise<unknown[][]> {
  await checkXlsxZip(bytes);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('ERR_VALIDATION', 'Excel 文件无法读取，请另存为 .xlsx / The .xlsx file cannot be read');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('ERR_VALIDATION', 'Excel 文件没有工作表 / The workbook has no sheet');
  const table: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => void (table[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue)));
  return Array.from(table, (r) => r ?? []);
}
