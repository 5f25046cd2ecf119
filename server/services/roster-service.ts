// Bodies (届) and their rosters: creating, importing rows (each row checked on its own), status changes.
import { Value } from '@sinclair/typebox/value';
import { AppError } from '../../shared/errors';
import { normalizeText, TEXT_RULE_MESSAGE } from '../../shared/text';
import { DEFAULT_BODY_RULES } from '../../shared/rules';
import type { BodyRules } from '../../shared/types';
import { DeputyInput, type CreateBody, type UpdateDeputy } from '../../shared/schemas/bodies';
import type { BodyView, DeputyView } from '../../shared/views';
import * as bodies from '../repositories/bodies-repository';
import * as deputies from '../repositories/deputies-repository';
import { addDeputyToMeetings, syncParticipantName } from '../repositories/meetings-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';
import { NameTwins, twinMessage } from './name-twins';
import { describeProblem, fromTypeBoxError } from '../plugins/validation-message';

export interface RowError {
  /** Row number as the clerk sees it: 1-based in a JSON list, the spreadsheet line in a file. */
  row: number;
  message: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  errors: RowError[];
  /** Deputy id per imported row number, for the photo step of the enrollment. */
  deputyIds: Record<number, number>;
}

/**
 * A threshold above the whole of its base ("4/3 of the deputies", "more than all of them") can never be met:
 * every vote under it would fail and a sitting could never reach quorum. The schema bounds each number; only
 * here are num and den seen together.
 */
function checkRules(rules: BodyRules): void {
  const fractions = [rules.quorum, rules.resolutionPass.fraction, rules.electionPass.fraction, rules.projectPass.fraction,
    rules.ratingVerdict.satisfied, rules.ratingVerdict.basicallySatisfied];
  if (fractions.some((f) => f.num > f.den || (f.num === f.den && f.strict))) {
    throw new AppError('ERR_VALIDATION', '比例不能超过全体（分子不能大于分母） / A fraction cannot exceed the whole of its base');
  }
}

export async function createBody(ctx: ServiceContext, input: CreateBody, actor: Actor): Promise<BodyView> {
  const rules: BodyRules = { ...DEFAULT_BODY_RULES, ...input.rules };
  checkRules(rules);
  const id = await ctx.db.write(async (tx) => {
    const bodyId = await bodies.insertBody(tx, input.name.trim(), rules);
    await appendAudit(tx, { actor, action: 'body.create', subject: `body:${bodyId}`, detail: { name: input.name } });
    return bodyId;
  });
  return (await bodies.findBody(ctx.db, id))!;
}

/** The congresses in use: archived ones (archive-service) are left out. */
export async function listBodies(ctx: ServiceContext): Promise<BodyView[]> {
  const archived = await bodies.archivedBodyIds(ctx.db);
  return (await bodies.listBodies(ctx.db)).filter((b) => !archived.has(b.id));
}

/** Archived congresses, for the admins' 已归档 list: their records stay readable and printable. */
export async function listArchivedBodies(ctx: ServiceContext): Promise<BodyView[]> {
  const archived = await bodies.archivedBodyIds(ctx.db);
  return (await bodies.listBodies(ctx.db)).filter((b) => archived.has(b.id)).map((b) => ({ ...b, archived: true }));
}

/** One congress as its page shows it, saying whether it is archived. */
export async function bodyPage(ctx: ServiceContext, id: number): Promise<BodyView> {
  const body = await getBody(ctx, id);
  return { ...body, archived: (await bodies.archivedBodyIds(ctx.db)).has(id) };
}

export async function getBody(ctx: ServiceContext, id: number): Promise<BodyView> {
  const body = await bodies.findBody(ctx.db, id);
  if (!body) throw new AppError('ERR_NOT_FOUND', `找不到该届人大 / Body ${id} not found`);
  return body;
}

export async function updateRules(
  ctx: ServiceContext,
  id: number,
  patch: Partial<BodyRules>,
  actor: Actor,
): Promise<BodyView> {
  const body = await getBody(ctx, id);
  const rules = { ...body.rules, ...patch };
  checkRules(rules);
  await ctx.db.write(async (tx) => {
    await bodies.updateBodyRules(tx, id, rules);
    await appendAudit(tx, { actor, action: 'body.rules', subject: `body:${id}`, detail: { rules } });
  });
  return getBody(ctx, id);
}

/** Explains the first schema problem of a roster row in words a clerk understands. */
function rowProblem(row: unknown): string | null {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return '不是一行有效数据 / Not a row object';
  const first = Value.Errors(DeputyInput, row).First();
  if (!first) return null;
  const field = first.path.replace(/^\//, '') || '(row)';
  const problem = /'(visible-line|clean-text)' format/.test(first.message) ? TEXT_RULE_MESSAGE : describeProblem(fromTypeBoxError(first), { name: '姓名' });
  return `${problem} / ${field}: ${first.message}`;
}

/** Imports rows one by one: a wrong row is reported with its number and every good row still imports. */
export async function importRows(
  ctx: ServiceContext,
  bodyId: number,
  rows: unknown[],
  actor: Actor,
  /** Row numbers to report (e.g. spreadsheet lines); default 1, 2, 3, ... */
  lines?: number[],
): Promise<ImportReport> {
  await getBody(ctx, bodyId);
  const report: ImportReport = { created: 0, updated: 0, errors: [], deputyIds: {} };
  const seen = new Map<string, number>();
  const twins = new NameTwins(await deputies.listDeputies(ctx.db, bodyId));
  const good: Array<{ row: number; input: DeputyInput }> = [];
  rows.forEach((raw, i) => {
    const row = lines?.[i] ?? i + 1;
    const cleaned = trimStrings(raw);
    const problem = rowProblem(cleaned);
    if (problem) return report.errors.push({ row, message: problem });
    const input = cleaned as DeputyInput;
    const dup = seen.get(input.cardNo);
    if (dup !== undefined) {
      return report.errors.push({ row, message: `代表证号 ${input.cardNo} 与第 ${dup} 行重复 / Card number repeats row ${dup}` });
    }
    const twin = twins.twinOf(input);
    if (twin) return report.errors.push({ row, message: twinMessage(twin) });
    seen.set(input.cardNo, row);
    twins.add(input);
    good.push({ row, input });
  });
  await ctx.db.write(async (tx) => {
    for (const { row, input } of good) {
      const { id, created } = await deputies.upsertDeputy(tx, bodyId, input);
      if (created) await addDeputyToMeetings(tx, id);
      else await syncParticipantName(tx, id, input.name);
      report.deputyIds[row] = id;
      if (created) report.created += 1;
      else report.updated += 1;
    }
    await appendAudit(tx, {
      actor,
      action: 'roster.import',
      subject: `body:${bodyId}`,
      detail: { created: report.created, updated: report.updated, rejected: report.errors.length },
    });
  });
  return report;
}

/** One deputy typed on the console: a row of the import, its refusal (a lookalike name) an error of its own. */
export async function addDeputy(ctx: ServiceContext, bodyId: number, input: DeputyInput, actor: Actor): Promise<{ deputy: DeputyView; created: boolean }> {
  const report = await importRows(ctx, bodyId, [input], actor);
  if (report.errors[0]) throw new AppError('ERR_CONFLICT', report.errors[0].message);
  return { deputy: await getDeputy(ctx, report.deputyIds[1]!), created: report.created > 0 };
}

function trimStrings(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === '' || v === null || v === undefined) continue;
    out[k] = typeof v === 'string' ? normalizeText(v).trim() : typeof v === 'number' && k === 'cardNo' ? String(v) : v;
  }
  return out;
}

export async function listDeputies(ctx: ServiceContext, bodyId: number): Promise<DeputyView[]> {
  await getBody(ctx, bodyId);
  return deputies.listDeputies(ctx.db, bodyId);
}

export async function getDeputy(ctx: ServiceContext, id: number): Promise<DeputyView> {
  const d = await deputies.findDeputy(ctx.db, id);
  if (!d) throw new AppError('ERR_NOT_FOUND', `找不到该代表 / Deputy ${id} not found`);
  return d;
}

/** A status change (暂停执行代表职务, 终止代表资格) changes every count from the next vote opened on. */
export async function updateDeputy(ctx: ServiceContext, id: number, patch: UpdateDeputy, actor: Actor): Promise<DeputyView> {
  const before = await getDeputy(ctx, id);
  const twin = patch.name ? new NameTwins(await deputies.listDeputies(ctx.db, before.bodyId)).twinOf({ name: patch.name, cardNo: before.cardNo }) : undefined;
  if (twin) throw new AppError('ERR_CONFLICT', twinMessage(twin));
  await ctx.db.write(async (tx) => {
    await deputies.updateDeputy(tx, id, patch);
    if (patch.name) await syncParticipantName(tx, id, patch.name);
    await appendAudit(tx, { actor, action: 'deputy.update', subject: `deputy:${id}`, detail: { before: before.status, patch } });
  });
  return getDeputy(ctx, id);
}
