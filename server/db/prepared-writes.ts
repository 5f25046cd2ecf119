// The writer's statements, kept prepared by SQL text. node-sqlite3 runs an unprepared statement in two trips to
// its thread pool (prepare, then run) and each trip waits for a turn of the event loop, which a ballot burst keeps
// busy; a statement kept prepared runs in one trip. Our SQL is fixed text, so a few dozen cover every write.
import type sqlite3 from 'sqlite3';
import type { Params, RunResult } from './statement-types';

const KEPT = 64;

export class PreparedWrites {
  /** Least recently used first. A promise, so two callers of a new statement share one preparation. */
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();

  constructor(private readonly conn: sqlite3.Database) {}

  async run(sql: string, params: Params): Promise<RunResult> {
    const stmt = await this.statement(sql);
    return new Promise((resolve, reject) =>
      // Runs after any earlier run of the same statement: node-sqlite3 queues them per statement.
      stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ lastID: this.lastID, changes: this.changes });
      }),
    );
  }

  private statement(sql: string): Promise<sqlite3.Statement> {
    let stmt = this.statements.get(sql);
    this.statements.delete(sql);
    if (!stmt) {
      stmt = new Promise((resolve, reject) => {
        const s = this.conn.prepare(sql, (err) => (err ? reject(err) : resolve(s)));
      });
      stmt.catch(() => this.statements.delete(sql));
    }
    this.statements.set(sql, stmt);
    if (this.statements.size > KEPT) {
      const [oldest, old] = this.statements.entries().next().value!;
      this.statements.delete(oldest);
      void old.then((s) => s.finalize(), () => undefined);
    }
    return stmt;
  }

  /** Before the connection closes: SQLite will not close it while statements are open. */
  async finalizeAll(): Promise<void> {
    const all = [...this.statements.values()];
    this.statements.clear();
    for (const stmt of all) {
      const s = await stmt.catch(() => null);
      if (s) await new Promise<void>((resolve) => s.finalize(() => resolve()));
    }
  }
}
