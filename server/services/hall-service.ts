// The hall (会场) of a body: sections made from rows × seats per row, removed while no sitting seats anyone there,
// or imported from a 座次表 .xlsx where a bad line is reported by its number and every good one still imports.
import { AppError } from '../../shared/errors';
import type { HallImportReport, HallView } from '../../shared/hall';
import type { CreateSection } from '../../shared/schemas/hall';
import * as seats from '../repositories/seats-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { getBody } from './roster-service';
import { readHallFile, type HallLine, type HallLineError } from './hall-file';

export async function getHall(ctx: ServiceContext, bodyId: number): Promise<HallView> {
  await getBody(ctx, bodyId);
  return seats.findHall(ctx.db, bodyId);
}

const nameTaken = (name: string) =>
  new AppError('ERR_CONFLICT', `会场中已有名为「${name}」的区域 / The hall already has a section named ${name}`);

export async function addSection(ctx: ServiceContext, bodyId: number, input: CreateSection, actor: Actor): Promise<HallView> {
  await getBody(ctx, bodyId);
  const name = input.name.trim();
  if (await seats.sectionIdByName(ctx.db, bodyId, name)) throw nameTaken(name);
  const list = Array.from({ length: input.rows }, (_, r) => Array.from({ length: input.seatsPerRow }, (__, s) => ({ row: r + 1, seat: s + 1 }))).flat();
  await ctx.db.write(async (tx) => {
    const id = await seats.insertSection(tx, bodyId, name, input.kind);
    await seats.insertSeats(tx, id, list);
    await appendAudit(tx, { actor, action: 'hall.section', subject: `body:${bodyId}`, detail: { section: id, name, kind: input.kind, rows: input.rows, seatsPerRow: input.seatsPerRow } });
  });
  return seats.findHall(ctx.db, bodyId);
}

/** A section goes only while no sitting (past or coming) seats anyone in it: the 座次表 printed must stay true. */
export async function removeSection(ctx: ServiceContext, sectionId: number, actor: Actor): Promise<HallView> {
  const section = await seats.findSection(ctx.db, sectionId);
  if (!section) throw new AppError('ERR_NOT_FOUND', `找不到该区域 / Section ${sectionId} not found`);
  if ((await seats.countAssigned(ctx.db, section.bodyId, sectionId)) > 0) {
    throw new AppError('ERR_CONFLICT', `「${section.name}」已有座位安排，请先在各次会议中清空 / Seats of ${section.name} are assigned in a sitting; clear them first`);
  }
  await ctx.db.write(async (tx) => {
    await seats.deleteSection(tx, sectionId);
    await appendAudit(tx, { actor, action: 'hall.section.remove', subject: `body:${section.bodyId}`, detail: { section: sectionId, name: section.name } });
  });
  return seats.findHall(ctx.db, section.bodyId);
}

const seatKey = (section: string, row: number, seat: number) => `${section}\u0000${row}\u0000${seat}`;

/** Lines that add no seat the hall or an earlier line already has; the others reported by line. */
async function checkLines(ctx: ServiceContext, bodyId: number, lines: Array<HallLine | HallLineError>) {
  const hall = await seats.findHall(ctx.db, bodyId);
  const taken = new Map<string, number | 'hall'>();
  for (const s of hall.sections) for (const x of s.seats) taken.set(seatKey(s.name, x.row, x.seat), 'hall');
  const errors: HallLineError[] = [];
  const good: HallLine[] = [];
  for (const l of lines) {
    if (!('section' in l)) {
      errors.push(l);
      continue;
    }
    const clash = l.seats.map((seat) => [seat, taken.get(seatKey(l.section, l.row, seat))] as const).find(([, t]) => t !== undefined);
    if (clash) {
      const where = clash[1] === 'hall' ? '会场中已有' : `与第 ${clash[1]} 行重复`;
      errors.push({ row: l.line, message: `${l.section} ${l.row}排${clash[0]}座${where} / Seat ${l.row}-${clash[0]} of ${l.section} already exists` });
      continue;
    }
    for (const seat of l.seats) taken.set(seatKey(l.section, l.row, seat), l.line);
    good.push(l);
  }
  return { errors, good };
}

export async function importHall(ctx: ServiceContext, bodyId: number, file: { fileName: string; bytes: Buffer }, actor: Actor): Promise<HallImportReport> {
  await getBody(ctx, bodyId);
  const lines = await readHallFile(file.fileName, file.bytes);
  if (lines.length === 0) throw new AppError('ERR_VALIDATION', '座次表中没有数据行 / The seating plan has no data rows');
  const { errors, good } = await checkLines(ctx, bodyId, lines);
  const report: HallImportReport = { sections: 0, seats: 0, errors };
  await ctx.db.write(async (tx) => {
    const ids = new Map<string, number>();
    for (const l of good) {
      let id = ids.get(l.section) ?? (await seats.sectionIdByName(tx, bodyId, l.section));
      if (id === undefined) {
        id = await seats.insertSection(tx, bodyId, l.section, l.kind);
        report.sections += 1;
      }
      ids.set(l.section, id);
      await seats.insertSeats(tx, id, l.seats.map((seat) => ({ row: l.row, seat })));
      report.seats += l.seats.length;
    }
    await appendAudit(tx, { actor, action: 'hall.import', subject: `body:${bodyId}`, detail: { sections: report.sections, seats: report.seats, rejected: errors.length } });
  });
  return report;
}
