import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database';
import { MIGRATIONS_DIR, MigrationError, migrate } from '../../server/db/migrate';

const dirs: string[] = [];
const dbs: Database[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'quorum-mig-'));
  dirs.push(d);
  return d;
}

async function openDb(): Promise<Database> {
  const db = await Database.open(join(tempDir(), 'q.db'));
  dbs.push(db);
  return db;
}

function migrationsWith(extra: Record<string, string>): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(dir);
  copyFileSync(join(MIGRATIONS_DIR, '0001_init.sql'), join(dir, '0001_init.sql'));
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(dir, name), sql);
  return dir;
}

afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('applies every migration once and records it', async () => {
    const db = await openDb();
    const first = await migrate(db);
    expect(first).toContain('0001_init.sql');
    expect(await migrate(db)).toEqual([]);
    const rows = await db.all<{ version: number; name: string }>('SELECT version, name FROM schema_migrations');
    expect(rows.map((r) => r.name)).toEqual(first);
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
    const names = tables.map((t) => t.name);
    for (const t of ['bodies', 'deputies', 'meetings', 'sittings', 'participants', 'leaves', 'checkins', 'agenda_items',
      'votes', 'options', 'ballots', 'participation', 'devices', 'staff', 'audit_events']) {
      expect(names).toContain(t);
    }
  });

  it('applies a new numbered migration forward', async () => {
    const db = await openDb();
    await migrate(db, migrationsWith({}));
    const applied = await migrate(db, migrationsWith({ '0002_add_note.sql': 'ALTER TABLE bodies ADD COLUMN note TEXT;' }));
    expect(applied).toEqual(['0002_add_note.sql']);
  });

  it('refuses a migration file that skips a number', async () => {
    const db = await openDb();
    await expect(migrate(db, migrationsWith({ '0003_late.sql': 'SELECT 1;' }))).rejects.toThrow(/out of order/);
  });

  it('refuses a badly named migration file', async () => {
    const db = await openDb();
    await expect(migrate(db, migrationsWith({ 'add_stuff.sql': 'SELECT 1;' }))).rejects.toBeInstanceOf(MigrationError);
  });

  it('refuses a database holding a migration this build does not know', async () => {
    const db = await openDb();
    await migrate(db, migrationsWith({ '0002_newer.sql': 'CREATE TABLE newer (x);' }));
    await expect(migrate(db, migrationsWith({}))).rejects.toThrow(/does not know/);
  });

  it('refuses a migration changed after it was applied', async () => {
    const db = await openDb();
    await migrate(db, migrationsWith({ '0002_x.sql': 'CREATE TABLE x (a);' }));
    await expect(migrate(db, migrationsWith({ '0002_x.sql': 'CREATE TABLE x (a, b);' }))).rejects.toThrow(/changed/);
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    const db = await openDb();
    await migrate(db, migrationsWith({}));
    await expect(migrate(db, migrationsWith({ '0002_bad.sql': 'CREATE TABLE ok (a); THIS IS NOT SQL;' }))).rejects.toThrow(
      /0002_bad.sql failed/,
    );
    const rows = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE name = 'ok'");
    expect(rows).toEqual([]);
    expect(readFileSync(join(MIGRATIONS_DIR, '0001_init.sql'), 'utf8')).toContain('CREATE TABLE');
  });
});
