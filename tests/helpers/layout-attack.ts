// The layout attack on a secret vote, as someone holding the database file and its WAL would run it: order the
// vote's ballot cells by where they sit (page, offset inside the page: SQLite writes a page's cells from its end
// downwards, so a lower offset was written later), order the deputies by what participation, cast_requests and
// their cells show, pair the two orders, and replay the WAL commit by commit. Measured against the truth the test
// knows (which deputy holds which ballot key, and the order they cast in).
import { cellsOfPage, readWal, SqliteImage, type Cell } from './sqlite-pages';

export interface Truth {
  /** ballot key → the deputy who cast it and the rank of their first cast (0 = first). */
  byKey: Map<string, { deputyId: number; castRank: number }>;
}

export interface Strategy {
  name: string;
  /** Ballots paired with the right deputy. Pairing at random gets 1 on average (σ = 1). */
  links: number;
  /** Spearman ρ between the ballots' order in this strategy and their casting order. */
  rho: number;
}

export interface AttackReport {
  n: number;
  strategies: Strategy[];
  wal: { frames: number; links: number; rho: number };
  /** Copies of a ballot key in the main file outside the vote's live cells (free pages, freed cell space). */
  staleKeyCopies: number;
  /** Free leaf pages holding anything but zeros. */
  dirtyFreePages: number;
}

const isKey = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const ballotOf = (c: Cell, voteId: number) => (c.values.length === 4 && c.values[0] === voteId && isKey(c.values[1]) && c.values[2] === null ? c.values[1] : null);
const participationOf = (c: Cell, voteId: number) => (c.values.length === 6 && c.values[0] === voteId && typeof c.values[1] === 'number' ? c.values[1] : null);

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

/** Spearman's ρ (Pearson on average ranks); 0 when either side has no spread. */
export function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

const physical = (a: Cell, b: Cell) => a.page - b.page || b.offset - a.offset;

function strategy(name: string, ballots: string[], deputies: number[], truth: Truth): Strategy {
  let links = 0;
  ballots.forEach((k, i) => (links += truth.byKey.get(k)!.deputyId === deputies[i] ? 1 : 0));
  const rho = spearman(ballots.map((_, i) => i), ballots.map((k) => truth.byKey.get(k)!.castRank));
  return { name, links, rho };
}

function mainFileStrategies(img: SqliteImage, voteId: number, truth: Truth): Strategy[] {
  const roots = img.roots();
  const leaves = (table: string) => img.cells(roots.get(table)!).filter((c) => c.leaf && c.values[0] === voteId);
  const ballotCells = leaves('ballots').filter((c) => ballotOf(c, voteId));
  const key = (c: Cell) => c.values[1] as string;
  const byPage = [...ballotCells].sort(physical).map(key);
  const byOffset = [...ballotCells].sort((a, b) => b.offset - a.offset || a.page - b.page).map(key);
  const part = leaves('participation');
  const time = (c: Cell) => String(c.values[3] ?? '');
  const deputyOrders: Array<[string, number[]]> = [
    ['participation times', [...part].sort((a, b) => time(a).localeCompare(time(b)) || physical(a, b)).map((c) => c.values[1] as number)],
    ['participation cells', [...part].sort(physical).map((c) => c.values[1] as number)],
    ['cast_requests cells', [...new Set([...leaves('cast_requests')].sort(physical).map((c) => c.values[2] as number))]],
  ];
  const out: Strategy[] = [];
  for (const [bName, ballots] of [['ballot cells by page', byPage], ['ballot cells by offset', byOffset]] as const) {
    for (const [dName, deputies] of deputyOrders) out.push(strategy(`${bName} × ${dName}`, ballots, deputies, truth));
  }
  return out;
}

/** Replays the WAL commit by commit: a ballot key and a participation row first seen in the same commit are paired. */
function walAttack(walPath: string, voteId: number, truth: Truth): AttackReport['wal'] {
  const { pageSize, frames } = readWal(walPath);
  const ordered = [...frames.filter((f) => !f.current), ...frames.filter((f) => f.current)];
  const keyAt = new Map<string, number>();
  const deputyAt = new Map<number, number>();
  let commit = 0;
  for (const f of ordered) {
    for (const c of cellsOfPage(f.image, f.page, pageSize).cells) {
      const k = ballotOf(c, voteId);
      if (k && !keyAt.has(k)) keyAt.set(k, commit);
      const d = participationOf(c, voteId);
      if (d !== null && !deputyAt.has(d)) deputyAt.set(d, commit);
    }
    if (f.commit) commit++;
  }
  const deputiesAt = new Map<number, number[]>();
  for (const [d, at] of deputyAt) deputiesAt.set(at, [...(deputiesAt.get(at) ?? []), d]);
  let links = 0;
  for (const [k, at] of keyAt) {
    const group = deputiesAt.get(at) ?? [];
    if (group.length === 1 && truth.byKey.get(k)?.deputyId === group[0]) links++;
  }
  const known = [...keyAt].filter(([k]) => truth.byKey.has(k));
  const rho = known.length < 2 ? 0 : spearman(known.map(([, at]) => at), known.map(([k]) => truth.byKey.get(k)!.castRank));
  return { frames: frames.length, links, rho };
}

function occurrences(hay: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}

export function attackLayout(dbPath: string, voteId: number, truth: Truth): AttackReport {
  const img = SqliteImage.read(dbPath);
  const roots = img.roots();
  const live = img.cells(roots.get('ballots')!).filter((c) => ballotOf(c, voteId));
  const liveCopies = new Map<string, number>();
  for (const c of live) liveCopies.set(c.values[1] as string, (liveCopies.get(c.values[1] as string) ?? 0) + 1);
  let staleKeyCopies = 0;
  for (const k of truth.byKey.keys()) staleKeyCopies += occurrences(img.bytes, Buffer.from(k)) - (liveCopies.get(k) ?? 0);
  const { leaves } = img.freePages();
  const dirtyFreePages = leaves.filter((n) => n <= img.pageCount && img.page(n).some((b) => b !== 0)).length;
  return {
    n: truth.byKey.size,
    strategies: mainFileStrategies(img, voteId, truth),
    wal: walAttack(`${dbPath}-wal`, voteId, truth),
    staleKeyCopies,
    dirtyFreePages,
  };
}

/** The attack's best: most links and largest |ρ| over every strategy, the WAL's included. */
export function best(r: AttackReport): { links: number; rho: number } {
  const all = [...r.strategies, r.wal];
  return { links: Math.max(...all.map((s) => s.links)), rho: Math.max(...all.map((s) => Math.abs(s.rho))) };
}
