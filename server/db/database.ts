// SQLite access for the whole server: one writer connection behind a group-commit queue and one reader.
//
// Why group commit: every write job (a ballot, a check-in, ...) is queued; the queue runs all jobs that
// arrived while the previous commit was in flight inside ONE transaction, each job in its own SAVEPOINT
// so a failing job rolls back alone. One fsync then covers the whole batch, which lets us keep
// synchronous=FULL (durable even on power loss) and still accept thousands of ballots per second.
// A job's promise resolves only after COMMIT returns, so a 2xx is only sent for durable data.
import sqlite3 from 'sqlite3';
import { PreparedWrites } from './prepared-writes';
import type { Params, RunResult } from './statement-types';
import { createPrivateFile } from '../data-dir';

/**
 * Runs a job's independent statements at once (e.g. rows into unrelated tables): SQLite still executes them one
 * after another on the connection, but the job waits one trip to its threads for all of them, not one trip each.
 * Waits for every one before reporting the first failure, so none is still running when the job rolls back.
 */
export async function together(statements: ReadonlyArray<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(statements)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Statements a write job may run; all inside the current batch's transaction. */
export interface Tx {
  run(sql: string, params?: Params): Promise<RunResult>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  /**
   * What a repository may remember between write jobs instead of reading it again (the audit chain's head): the
   * writer is the only one writing, so it stays true; it is emptied whenever a job or batch rolls back.
   */
  readonly memo: Map<string, unknown>;
}

interface Job {
  fn: (tx: Tx) => Promise<unknown>;
  /** False: the job writes none of the audit-covered tables (server/audit/covered.ts). */
  covered: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function openConnection(path: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

/** A connection's reads and scripts; the writer's `run` goes through its prepared statements (PreparedWrites). */
export type Ops = Pick<Tx, 'get' | 'all'> & { exec(sql: string): Promise<void> };

export function connectionOps(conn: sqlite3.Database): Ops {
  return {
    get: <T>(sql: string, params: Params = []) =>
      new Promise<T | undefined>((resolve, reject) =>
        conn.get(sql, params, (err: Error | null, row: T) => (err ? reject(err) : resolve(row))),
      ),
    all: <T>(sql: string, params: Params = []) =>
      new Promise<T[]>((resolve, reject) =>
        conn.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))),
      ),
    exec: (sql) => new Promise((resolve, reject) => conn.exec(sql, (err) => (err ? reject(err) : resolve()))),
  };
}

/**
 * Reader connections, each lent out for ONE statement and returned only after that statement is finalized.
 * Why: SQLite keeps a connection's WAL read snapshot while any of its statements is active, so a single shared
 * reader under overlapping queries can keep reading a snapshot from before the latest commits — a check-in
 * just committed would not be found. One statement per checkout means every read sees every finished commit.
 */
class ReaderPool {
  private readonly idle: sqlite3.Database[];
  private readonly waiting: Array<(c: sqlite3.Database) => void> = [];

  constructor(readonly connections: sqlite3.Database[]) {
    this.idle = [...connections];
  }

  private acquire(): Promise<sqlite3.Database> {
    const conn = this.idle.pop();
    return conn ? Promise.resolve(conn) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(conn: sqlite3.Database): void {
    const next = this.waiting.shift();
    if (next) next(conn);
    else this.idle.push(conn);
  }

  async query<T>(sql: string, params: Params, mode: 'get' | 'all'): Promise<T> {
    const conn = await this.acquire();
    try {
      return await new Promise<T>((resolve, reject) => {
        const stmt = conn.prepare(sql, (err) => {
          if (err) return reject(err);
          const done = (error: Error | null, value: unknown) =>
            stmt.finalize(() => (error ? reject(error) : resolve(value as T)));
          if (mode === 'get') stmt.get(params, done);
          else stmt.all(params, done);
        });
      });
    } finally {
      this.release(conn);
    }
  }
}

/** Reader connections: reads run on the libuv pool (4 threads by default), so more would only queue. */
const READERS = 4;

export class Database {
  private queue: Job[] = [];
  private maintenance: Array<() => Promise<void>> = [];
  private flushing = false;
  private closed = false;
  private readonly memo = new Map<string, unknown>();
  private readonly prepared: PreparedWrites;
  /**
   * Runs in each batch's transaction after its jobs, before COMMIT (the audit's row log); if it fails, the whole
   * batch rolls back, so no change commits without it.
   */
  beforeCommit: ((tx: Tx) => Promise<void>) | null = null;
  /** Runs after each batch committed, with the writer's memo (the audit anchor reads the chain's head from it). */
  afterCommit: ((memo: ReadonlyMap<string, unknown>) => void) | null = null;
  /** Batches committed, jobs run, and batches begun by the previous COMMIT, for benchmarks and tests. */
  readonly stats = { batches: 0, jobs: 0, chained: 0 };

  private constructor(
    readonly path: string,
    private readonly writerConn: sqlite3.Database,
    private readonly readers: ReaderPool,
    /** false: one transaction per job, the naive design (kept only so the benchmark can compare). */
    private readonly groupCommit: boolean,
  ) {
    this.prepared = new PreparedWrites(writerConn);
  }

  static async open(path: string, options: { groupCommit?: boolean } = {}): Promise<Database> {
    if (path !== ':memory:') createPrivateFile(path); // 0600, and so are the -wal and -shm SQLite makes beside it
    const writer = await openConnection(path, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
    const w = connectionOps(writer);
    // WAL: readers never block the writer. FULL: a COMMIT survives power loss, not only a process kill;
    // group commit pays its fsync once per batch. See README "Durability".
    // secure_delete: whatever is deleted (a secret vote's ballots as first written, an erased deputy's face data) is
    // overwritten with zeros in its page and in freed pages, not left readable in the file (README "Secret ballots").
    await w.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;',
    );
    // A WAL left by the last run may hold a secret vote's batches in commit order: fold it in and empty it at start.
    await w.exec('PRAGMA wal_checkpoint(TRUNCATE);').catch(() => undefined);
    const readers: sqlite3.Database[] = [];
    for (let i = 0; i < READERS; i++) {
      const reader = await openConnection(path, sqlite3.OPEN_READONLY);
      await connectionOps(reader).exec('PRAGMA busy_timeout = 5000;');
      readers.push(reader);
    }
    return new Database(path, writer, new ReaderPool(readers), options.groupCommit ?? true);
  }

  /** Reads see every commit that finished before they started (and never a batch in flight). */
  get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return this.readers.query<T | undefined>(sql, params, 'get');
  }

  all<T>(sql: string, params: Params = []): Promise<T[]> {
    return this.readers.query<T[]>(sql, params, 'all');
  }

  /** Runs a schema script outside the queue; only for migrations before the app serves. */
  async execScript(sql: string): Promise<void> {
    this.memo.clear();
    await connectionOps(this.writerConn).exec(sql);
  }

  /**
   * Queues a write job; resolves with its value once the batch holding it has committed. `covered: false` says the
   * job writes no audit-covered table (the ballot path): a batch of only such jobs skips beforeCommit, one trip to
   * SQLite fewer per batch in a burst. Should such a job touch a covered table after all, its trigger rows wait in
   * the writer's TEMP audit_changes and the next batch that runs beforeCommit logs them (should the server stop
   * first, they are gone with the connection and verification reports the rows as edited outside it: a false
   * alarm, never a silent pass).
   */
  write<T>(fn: (tx: Tx) => Promise<T>, options: { covered?: boolean } = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('database closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, covered: options.covered ?? true, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** Runs a statement on the writer between batches, outside any transaction (e.g. a WAL checkpoint). */
  runBetweenBatches(sql: string): Promise<void> {
    return this.betweenBatches((ops) => ops.exec(sql)).catch(() => undefined);
  }

  /** Runs `fn` on the writer between batches, outside any transaction; answers what it answers. */
  betweenBatches<T>(fn: (ops: Ops) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.maintenance.push(() => fn(connectionOps(this.writerConn)).then(resolve, reject));
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    const tx = { ...connectionOps(this.writerConn), run: (sql: string, params: Params = []) => this.prepared.run(sql, params), memo: this.memo };
    /** The previous COMMIT's exec already began the next transaction and its first job's savepoint. */
    let begun = false;
    while (this.queue.length > 0 || this.maintenance.length > 0) {
      if (!begun) {
        for (const m of this.maintenance.splice(0)) await m();
      }
      if (this.queue.length === 0) continue;
      const batch = this.groupCommit ? this.queue : this.queue.slice(0, 1);
      this.queue = this.groupCommit ? [] : this.queue.slice(1);
      const outcomes: Array<{ ok: boolean; value: unknown }> = [];
      try {
        // Each statement is a round trip through the event loop, which under a burst is busy with sockets; so
        // the control statements ride together: BEGIN with the first SAVEPOINT, each job's end with the next
        // one's start, the last with COMMIT — and, when more jobs already wait, with the next BEGIN too.
        let before = 'BEGIN IMMEDIATE;';
        for (const job of batch) {
          if (begun) begun = false;
          else await tx.exec(`${before} SAVEPOINT job;`);
          try {
            outcomes.push({ ok: true, value: await job.fn(tx) });
            before = 'RELEASE job;';
          } catch (error) {
            this.memo.clear();
            before = 'ROLLBACK TO job; RELEASE job;';
            outcomes.push({ ok: false, value: error });
          }
        }
        if (this.beforeCommit && batch.some((job) => job.covered)) {
          await tx.exec(`${before} SAVEPOINT job;`);
          await this.beforeCommit(tx);
          before = 'RELEASE job;';
        }
        // A deferred BEGIN and a SAVEPOINT take no lock and touch no file, so they cannot fail: if this exec
        // fails, its COMMIT did, and the batch is reported failed below — never a commit reported as a failure.
        const next = this.groupCommit && this.queue.length > 0 && this.maintenance.length === 0;
        await tx.exec(`${before} COMMIT;${next ? ' BEGIN; SAVEPOINT job;' : ''}`);
        begun = next;
        if (next) this.stats.chained += 1;
      } catch (error) {
        this.memo.clear();
        await tx.exec('ROLLBACK').catch(() => undefined);
        batch.forEach((job) => job.reject(error));
        continue;
      }
      this.stats.batches += 1;
      this.stats.jobs += batch.length;
      try {
        this.afterCommit?.(this.memo);
      } catch {
        // the anchor lags until the next commit writes it: a false alarm at worst, never a silent pass
      }
      batch.forEach((job, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) job.resolve(outcome.value);
        else job.reject(outcome.value);
      });
    }
    this.flushing = false;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
    const closeConn = (c: sqlite3.Database) => new Promise<void>((resolve) => c.close(() => resolve()));
    for (const reader of this.readers.connections) await closeConn(reader);
    await this.prepared.finalizeAll();
    await closeConn(this.writerConn);
  }
}
