// Forward-only migrations: numbered SQL files (0001_init.sql, 0002_...), each recorded with a checksum.
// The runner refuses to start on anything it cannot vouch for: a gap or duplicate in the numbering, a
// migration recorded in the database that this build does not have (a newer build wrote it), or a
// recorded migration whose file changed since it ran. triggersFrom tells audit:verify which triggers a file may hold.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { triggersInFile } from '../repositories/audit-rows-repository';
import { connectionOps, openConnection, type Database } from './database';

export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export class MigrationError extends Error {}

interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const match = FILE_PATTERN.exec(name);
    if (!match) throw new MigrationError(`Migration file name not understood: ${name} (expected 0001_name.sql)`);
    const version = Number(match[1]);
    const expected = files.length + 1;
    if (version !== expected) {
      throw new MigrationError(`Migration ${name} is out of order: expected number ${String(expected).padStart(4, '0')}`);
    }
    const sql = await readFile(join(dir, name), 'utf8');
    files.push({ version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return files;
}

/** Applies the pending migrations in `dir`; returns the names applied. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = await readMigrations(dir);
  await db.execScript(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = await db.all<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
  for (const [i, row] of applied.entries()) {
    if (row.version !== i + 1) throw new MigrationError(`Recorded migrations have a gap before ${row.name}.`);
    const file = files[row.version - 1];
    if (!file || file.name !== row.name) {
      throw new MigrationError(
        `Database has migration ${row.name}, which this build does not know. Refusing to run on a newer or foreign database.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.name} was changed after it was applied. Add a new migration instead.`);
    }
  }
  const pending = files.slice(applied.length);
  for (const file of pending) {
    await db.execScript(`BEGIN;\n${file.sql}\n;INSERT INTO schema_migrations (version, name, checksum, applied_at)
      VALUES (${file.version}, '${file.name}', '${file.checksum}', '${new Date().toISOString()}');\nCOMMIT;`).catch(
      async (error: unknown) => {
        await db.execScript('ROLLBACK').catch(() => undefined);
        throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}`);
      },
    );
  }
  return pending.map((f) => f.name);
}

/**
 * The triggers a fresh database holds after the migrations named (in the order they were applied), name → SQL;
 * null when those are not this build's first migrations. Why audit:verify wants them: a trigger stored in the file
 * runs on every connection, the server's writer included, so one added by hand could change covered rows whenever
 * the server writes, and the server would log the change as its own. A file must hold exactly these.
 */
export async function triggersFrom(names: readonly string[], dir = MIGRATIONS_DIR): Promise<Map<string, string> | null> {
  const files = await readMigrations(dir);
  if (names.some((name, i) => files[i]?.name !== name)) return null;
  const conn = await openConnection(':memory:', sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  try {
    const ops = connectionOps(conn);
    for (const file of files.slice(0, names.length)) await ops.exec(file.sql);
    return new Map((await triggersInFile(ops)).map((t) => [t.name, t.sql]));
  } finally {
    await new Promise<void>((resolve) => conn.close(() => resolve()));
  }
}
