// What a statement takes and what a write answers: shared by the connection (database.ts) and the writer's prepared
// statements (prepared-writes.ts), which both speak sqlite3's terms.
export interface RunResult {
  lastID: number;
  changes: number;
}

export type Params = ReadonlyArray<unknown> | Record<string, unknown>;
